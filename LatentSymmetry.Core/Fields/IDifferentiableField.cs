namespace LatentSymmetry.Core.Fields;

/// <summary>
/// A scalar field that knows its own gradient in closed form, so <c>grad:FIELD</c> is exact (and exactly equivariant
/// where the field is invariant) instead of a finite difference.
/// </summary>
public interface IDifferentiableField : IScalarField
{
    /// <summary>Writes ∇f(<paramref name="point"/>) into <paramref name="gradient"/>, both of length <see cref="IScalarField.Dimension"/>.</summary>
    void Gradient(ReadOnlySpan<double> point, Span<double> gradient);
}
