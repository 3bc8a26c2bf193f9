using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>The angle theta / pi in (-1, 1], discontinuous across the negative x axis: not invariant.</summary>
public sealed record VortexField : IScalarField
{
    internal static readonly FieldDescription Description = new("vortex", 2, "theta / pi",
        "The polar angle, scaled to (-1, 1].", [], Invariance.None, null,
        _ => new VortexField());

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public string Spec => Name;
    /// <inheritdoc/>
    public string Formula => "theta / pi";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => Invariance.None;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        return DiskCoordinates.Angle(point, Name) / Math.PI;
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
