using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>1 outside radius threshold (r &gt; threshold), 0 inside: invariant under SO(2), discontinuous.</summary>
public sealed record RadialStepField : IScalarField
{
    static readonly FieldParameter ThresholdParameter = FieldParameter.Number("threshold", 0.5, NumberRange.Finite, "radius of the step");

    internal static readonly FieldDescription Description = new("radial-step", 2, "1 if r > threshold else 0",
        "A step in the radius: 1 where r > threshold, else 0.", [ThresholdParameter], Invariance.So2, null,
        a => new RadialStepField(a.Number("threshold")));

    /// <summary>The field with the given parameters; throws <see cref="ArgumentOutOfRangeException"/> for invalid ones.</summary>
    public RadialStepField(double threshold)
    {
        Threshold = ThresholdParameter.Check(threshold);
    }

    /// <summary>The parameter <c>threshold</c>: radius of the step.</summary>
    public double Threshold { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, SpecText.Of("threshold", Threshold));
    /// <inheritdoc/>
    public string Formula => $"1 if r > {SpecText.Number(Threshold)} else 0";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => Invariance.So2;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        return DiskCoordinates.Radius(point, Name) > Threshold ? 1.0 : 0.0;
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
