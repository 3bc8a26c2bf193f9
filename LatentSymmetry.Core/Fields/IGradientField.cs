namespace LatentSymmetry.Core.Fields;

/// <summary>
/// A field that also knows its gradient in closed form. Symmetry discovery reads exact gradients from it; any other
/// field's gradient is taken by finite differences, whose error then sets the floor of the spectrum.
/// </summary>
public interface IGradientField : IScalarField
{
    /// <summary>Writes ∇f at <paramref name="point"/> into <paramref name="gradient"/> (both of length <see cref="IScalarField.Dimension"/>).</summary>
    void Gradient(ReadOnlySpan<double> point, Span<double> gradient);
}
