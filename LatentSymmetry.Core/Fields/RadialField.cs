using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Numerics;
namespace LatentSymmetry.Core.Fields;

/// <summary>
/// The original experiment's 3-D target f = exp(-R²/2)·cos(2R²), R² = x² + y² + z²: invariant under SO(3).
/// Evaluated with the same operations in the same order as <c>Data.ScalarField</c>, so its values are
/// bit-identical.
/// </summary>
public sealed record RadialField : IDifferentiableField
{
    internal static readonly FieldDescription Description = new("radial", 3, "exp(-0.5 R^2) cos(2 R^2)",
        "The original experiment's rotation-invariant target; the default in 3-D.", [], Invariance.So3, null,
        _ => new RadialField());

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 3;
    /// <inheritdoc/>
    public string Spec => Name;
    /// <inheritdoc/>
    public string Formula => Description.Formula;
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => Invariance.So3;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        FieldPoint.Require(point, 3, Name);
        return At(point[0], point[1], point[2]);
    }

    /// <inheritdoc/>
    public void Gradient(ReadOnlySpan<double> point, Span<double> gradient)
    {
        FieldPoint.Require(point, 3, Name);
        WriteGradient(point, gradient, 1);
    }

    /// <summary>Overwrites <paramref name="gradient"/> with scale · 2 g'(R²) x, the gradient of scale · f.</summary>
    internal static void WriteGradient(ReadOnlySpan<double> p, Span<double> gradient, double scale)
    {
        double twice = 2 * scale * RadialProfile.Derivative(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
        for (int i = 0; i < 3; i++) gradient[i] = twice * p[i];
    }

    /// <summary>f at (x, y, z); the expression of <c>Data.ScalarField.Evaluate</c>, kept operation for operation.</summary>
    internal static double At(double x, double y, double z)
    {
        double r2 = x * x + y * y + z * z;
        return CrMath.Exp(-0.5 * r2) * CrMath.Cos(2 * r2);
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
