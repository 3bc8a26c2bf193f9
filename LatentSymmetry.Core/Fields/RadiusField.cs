using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>The radius r = sqrt(x² + y²) on the disk: invariant under SO(2).</summary>
public sealed record RadiusField : IScalarField
{
    internal static readonly FieldDescription Description = new("radius", 2, "r",
        "The distance from the centre; the simplest invariant.", [], Invariance.So2, null,
        _ => new RadiusField());

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public string Spec => Name;
    /// <inheritdoc/>
    public string Formula => "r";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => Invariance.So2;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        return DiskCoordinates.Radius(point, Name);
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
