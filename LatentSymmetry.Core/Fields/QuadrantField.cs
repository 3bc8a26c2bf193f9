using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>sign(x)·sign(y), a checkerboard of quadrants (0 on the axes, as NumPy's sign): not invariant.</summary>
public sealed record QuadrantField : IScalarField
{
    internal static readonly FieldDescription Description = new("quadrant", 2, "sign(x) sign(y)",
        "A checkerboard of the four quadrants.", [], Invariance.None, null,
        _ => new QuadrantField());

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public string Spec => Name;
    /// <inheritdoc/>
    public string Formula => "sign(x) sign(y)";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => Invariance.None;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        FieldPoint.Require(point, 2, Name);
        return (double)(Math.Sign(point[0]) * Math.Sign(point[1]));
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
