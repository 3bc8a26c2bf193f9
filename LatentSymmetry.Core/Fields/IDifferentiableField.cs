namespace LatentSymmetry.Core.Fields;

/// <summary>
/// A scalar field that knows its own gradient in closed form: <c>grad:FIELD</c> is then exact (and exactly equivariant
/// where the field is invariant), and symmetry discovery reads exact gradients from it; any other field's gradient is
/// taken by finite differences, whose error then sets the floor of the discovered spectrum.
/// </summary>
public interface IDifferentiableField : IScalarField
{
    /// <summary>Writes ∇f(<paramref name="point"/>) into <paramref name="gradient"/>, both of length <see cref="IScalarField.Dimension"/>.</summary>
    void Gradient(ReadOnlySpan<double> point, Span<double> gradient);
}
