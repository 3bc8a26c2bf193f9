using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Numerics;
namespace LatentSymmetry.Core.Fields;

/// <summary>The spiral wave sin(theta + rate·r): not invariant (a rotation shifts theta).</summary>
public sealed record SpiralField : IScalarField
{
    static readonly FieldParameter RateParameter = FieldParameter.Number("rate", 1, NumberRange.Finite, "winding rate");

    internal static readonly FieldDescription Description = new("spiral", 2, "sin(theta + rate r)",
        "A spiral wave.", [RateParameter], Invariance.None, null,
        a => new SpiralField(a.Number("rate")));

    /// <summary>The field with the given parameters; throws <see cref="ArgumentOutOfRangeException"/> for invalid ones.</summary>
    public SpiralField(double rate)
    {
        Rate = RateParameter.Check(rate);
    }

    /// <summary>The parameter <c>rate</c>: winding rate.</summary>
    public double Rate { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, SpecText.Of("rate", Rate));
    /// <inheritdoc/>
    public string Formula => $"sin(theta + {SpecText.Number(Rate)} r)";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => Invariance.None;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        return CrMath.Sin(DiskCoordinates.Angle(point, Name) + Rate * DiskCoordinates.Radius(point, Name));
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
