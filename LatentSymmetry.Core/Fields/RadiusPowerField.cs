using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>r^p on the disk: invariant under SO(2).</summary>
public sealed record RadiusPowerField : IScalarField
{
    static readonly FieldParameter PParameter = FieldParameter.Number("p", 2, NumberRange.Positive, "exponent");

    internal static readonly FieldDescription Description = new("radius-power", 2, "r^p",
        "A power of the radius.", [PParameter], Invariance.So2, null,
        a => new RadiusPowerField(a.Number("p")));

    /// <summary>The field with the given parameters; throws <see cref="ArgumentOutOfRangeException"/> for invalid ones.</summary>
    public RadiusPowerField(double p)
    {
        P = PParameter.Check(p);
    }

    /// <summary>The parameter <c>p</c>: exponent.</summary>
    public double P { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, SpecText.Of("p", P));
    /// <inheritdoc/>
    public string Formula => $"r^{SpecText.Number(P)}";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => Invariance.So2;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        return Math.Pow(DiskCoordinates.Radius(point, Name), P);
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
