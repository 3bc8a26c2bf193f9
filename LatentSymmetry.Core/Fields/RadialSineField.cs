using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Numerics;
namespace LatentSymmetry.Core.Fields;

/// <summary>sin(k·pi·r) on the disk: invariant under SO(2).</summary>
public sealed record RadialSineField : IScalarField
{
    static readonly FieldParameter KParameter = FieldParameter.Number("k", 2, NumberRange.Finite, "half-periods per unit radius");

    internal static readonly FieldDescription Description = new("radial-sine", 2, "sin(k pi r)",
        "A radial oscillation.", [KParameter], Invariance.So2, null,
        a => new RadialSineField(a.Number("k")));

    /// <summary>The field with the given parameters; throws <see cref="ArgumentOutOfRangeException"/> for invalid ones.</summary>
    public RadialSineField(double k)
    {
        K = KParameter.Check(k);
    }

    /// <summary>The parameter <c>k</c>: half-periods per unit radius.</summary>
    public double K { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, SpecText.Of("k", K));
    /// <inheritdoc/>
    public string Formula => $"sin({SpecText.Number(K)} pi r)";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => Invariance.So2;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        // (k·pi)·r, the original's k * np.pi * r.
        return CrMath.Sin(K * Math.PI * DiskCoordinates.Radius(point, Name));
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
