using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>The Bessel function J0(scale·r) on the disk (MathNet.Numerics): invariant under SO(2).</summary>
/// <remarks>
/// MathNet's BesselJ is the general complex-order Amos routine: it allocates per call and costs tens of
/// microseconds per point (about 100 times the other fields), fine for drawing a data set once, heavy if
/// evaluated on every training batch.
/// </remarks>
public sealed record BesselJ0Field : IScalarField
{
    static readonly FieldParameter ScaleParameter = FieldParameter.Number("scale", 10, NumberRange.Finite, "radial frequency");

    internal static readonly FieldDescription Description = new("bessel-j0", 2, "J0(scale r)",
        "The Bessel function J0 of the scaled radius: radial waves that decay.", [ScaleParameter], Invariance.So2, null,
        a => new BesselJ0Field(a.Number("scale")));

    /// <summary>The field with the given parameters; throws <see cref="ArgumentOutOfRangeException"/> for invalid ones.</summary>
    public BesselJ0Field(double scale)
    {
        Scale = ScaleParameter.Check(scale);
    }

    /// <summary>The parameter <c>scale</c>: radial frequency.</summary>
    public double Scale { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, SpecText.Of("scale", Scale));
    /// <inheritdoc/>
    public string Formula => $"J0({SpecText.Number(Scale)} r)";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => Invariance.So2;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        return MathNet.Numerics.SpecialFunctions.BesselJ(0, Scale * DiskCoordinates.Radius(point, Name));
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
