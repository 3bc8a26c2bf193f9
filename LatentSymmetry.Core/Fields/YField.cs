using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>The coordinate y: not invariant under any rotation.</summary>
public sealed record YField : IDifferentiableField
{
    internal static readonly FieldDescription Description = new("y", 2, "y",
        "The second coordinate.", [], Invariance.None, null,
        _ => new YField());

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public string Spec => Name;
    /// <inheritdoc/>
    public string Formula => "y";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => Invariance.None;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        FieldPoint.Require(point, 2, Name);
        return point[1];
    }

    /// <inheritdoc/>
    public void Gradient(ReadOnlySpan<double> point, Span<double> gradient)
    {
        FieldPoint.Require(point, 2, Name);
        gradient[0] = 0;
        gradient[1] = 1;
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
