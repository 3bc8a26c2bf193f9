using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Numerics;
namespace LatentSymmetry.Core.Fields;

/// <summary>A Gaussian envelope around radius center times cos(freq·r), as the original's RadialGabor: invariant under SO(2).</summary>
public sealed record RadialGaborField : IScalarField
{
    static readonly FieldParameter CenterParameter = FieldParameter.Number("center", 0.5, NumberRange.Finite, "radius of the envelope's peak");
    static readonly FieldParameter StdParameter = FieldParameter.Number("std", 0.15, NumberRange.Positive, "width of the envelope");
    static readonly FieldParameter FreqParameter = FieldParameter.Number("freq", 8, NumberRange.Finite, "angular frequency in r");

    internal static readonly FieldDescription Description = new("radial-gabor", 2, "exp(-(r - center)^2 / (2 std^2)) cos(freq r)",
        "A localised radial oscillation: a Gaussian envelope times cos(freq r), as the original defines it.", [CenterParameter, StdParameter, FreqParameter], Invariance.So2, null,
        a => new RadialGaborField(a.Number("center"), a.Number("std"), a.Number("freq")));

    /// <summary>The field with the given parameters; throws <see cref="ArgumentOutOfRangeException"/> for invalid ones.</summary>
    public RadialGaborField(double center, double std, double freq)
    {
        Center = CenterParameter.Check(center);
        Std = StdParameter.Check(std);
        Freq = FreqParameter.Check(freq);
    }

    /// <summary>The parameter <c>center</c>: radius of the envelope's peak.</summary>
    public double Center { get; }
    /// <summary>The parameter <c>std</c>: width of the envelope.</summary>
    public double Std { get; }
    /// <summary>The parameter <c>freq</c>: angular frequency in r.</summary>
    public double Freq { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, SpecText.Of("center", Center), SpecText.Of("std", Std), SpecText.Of("freq", Freq));
    /// <inheritdoc/>
    public string Formula => $"exp(-(r - {SpecText.Number(Center)})^2 / (2 * {SpecText.Number(Std)}^2)) cos({SpecText.Number(Freq)} r)";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => Invariance.So2;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        double r = DiskCoordinates.Radius(point, Name);
        return GaussianProfile.At(r, Center, Std) * CrMath.Cos(Freq * r);
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
