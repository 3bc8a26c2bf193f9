using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>
/// The radial profile of the distance to the z axis, f = exp(-ρ²/2)·cos(2ρ²) with ρ² = x² + y²: invariant under
/// rotations about z; in gl(3) its symmetries are L_z and the three maps that move only z (dimension 4).
/// </summary>
public sealed record CylinderField : IDifferentiableField
{
    internal static readonly FieldDescription Description = new("cylinder", 3, "exp(-0.5 rho^2) cos(2 rho^2), rho^2 = x^2 + y^2",
        "The radial profile about the z axis: rotations about z only, and any change of z.", [], Invariance.So2z, null,
        _ => new CylinderField());

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 3;
    /// <inheritdoc/>
    public string Spec => Name;
    /// <inheritdoc/>
    public string Formula => Description.Formula;
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => Invariance.So2z;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        FieldPoint.Require(point, 3, Name);
        return RadialField.At(point[0], point[1], 0);
    }

    /// <inheritdoc/>
    public void Gradient(ReadOnlySpan<double> point, Span<double> gradient)
    {
        FieldPoint.Require(point, 3, Name);
        double twice = 2 * RadialProfile.Derivative(point[0] * point[0] + point[1] * point[1]);
        gradient[0] = twice * point[0];
        gradient[1] = twice * point[1];
        gradient[2] = 0;
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
