using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>The coordinate x: not invariant under any rotation.</summary>
public sealed record XField : IDifferentiableField
{
    internal static readonly FieldDescription Description = new("x", 2, "x",
        "The first coordinate.", [], Invariance.None, null,
        _ => new XField());

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public string Spec => Name;
    /// <inheritdoc/>
    public string Formula => "x";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => Invariance.None;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        FieldPoint.Require(point, 2, Name);
        return point[0];
    }

    /// <inheritdoc/>
    public void Gradient(ReadOnlySpan<double> point, Span<double> gradient)
    {
        FieldPoint.Require(point, 2, Name);
        gradient[0] = 1;
        gradient[1] = 0;
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
