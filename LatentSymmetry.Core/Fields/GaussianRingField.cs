using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>The Gaussian ring exp(-(r - center)² / (2 std²)), the original's GaussianRing: invariant under SO(2), the default field on the disk.</summary>
public sealed record GaussianRingField : IScalarField
{
    static readonly FieldParameter CenterParameter = FieldParameter.Number("center", 0.6, NumberRange.Finite, "radius of the ring");
    static readonly FieldParameter StdParameter = FieldParameter.Number("std", 0.08, NumberRange.Positive, "width of the ring");

    internal static readonly FieldDescription Description = new("gaussian-ring", 2, "exp(-(r - center)^2 / (2 std^2))",
        "A Gaussian ring around radius center; the default field on the disk.", [CenterParameter, StdParameter], Invariance.So2, null,
        a => new GaussianRingField(a.Number("center"), a.Number("std")));

    /// <summary>The field with the given parameters; throws <see cref="ArgumentOutOfRangeException"/> for invalid ones.</summary>
    public GaussianRingField(double center, double std)
    {
        Center = CenterParameter.Check(center);
        Std = StdParameter.Check(std);
    }

    /// <summary>The parameter <c>center</c>: radius of the ring.</summary>
    public double Center { get; }
    /// <summary>The parameter <c>std</c>: width of the ring.</summary>
    public double Std { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, SpecText.Of("center", Center), SpecText.Of("std", Std));
    /// <inheritdoc/>
    public string Formula => $"exp(-(r - {SpecText.Number(Center)})^2 / (2 * {SpecText.Number(Std)}^2))";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => Invariance.So2;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        return GaussianProfile.At(DiskCoordinates.Radius(point, Name), Center, Std);
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
