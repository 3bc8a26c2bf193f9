using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>
/// A field whose symmetry changes across space: the radial field plus s(R)·eps·z², with s a smooth step from 0 at
/// R = radius to 1 at R = radius + width. Inside the ball of that radius it is exactly the radial field (all of
/// SO(3)); beyond radius + width it is the broken field (rotations about z only). Globally only <c>so2z</c> leaves
/// it unchanged. It is the test case of local (per-chart) discovery.
/// </summary>
public sealed record ChangingField : IDifferentiableField
{
    static readonly FieldParameter EpsParameter = FieldParameter.Number("eps", 0.05, NumberRange.Finite, "strength of the z^2 term outside");
    static readonly FieldParameter RadiusParameter = FieldParameter.Number("radius", 2, NumberRange.Positive, "radius of the SO(3)-invariant ball");
    static readonly FieldParameter WidthParameter = FieldParameter.Number("width", 0.5, NumberRange.Positive, "width of the step from so(3) to so(2) about z");

    internal static readonly FieldDescription Description = new("changing", 3, "exp(-0.5 R^2) cos(2 R^2) + s(R) eps z^2",
        "SO(3) inside R = radius, rotations about z only beyond radius + width (s a C2 smoothstep between).",
        [EpsParameter, RadiusParameter, WidthParameter], Invariance.So2z, "so3 when eps = 0; so3 inside the ball R <= radius",
        a => new ChangingField(a.Number("eps"), a.Number("radius"), a.Number("width")));

    /// <summary>The radial field plus s(R)·<paramref name="eps"/>·z², s stepping up between <paramref name="radius"/> and radius + <paramref name="width"/>.</summary>
    public ChangingField(double eps, double radius, double width)
    {
        Eps = EpsParameter.Check(eps);
        Radius = RadiusParameter.Check(radius);
        Width = WidthParameter.Check(width);
    }

    /// <summary>Weight of the z² term outside.</summary>
    public double Eps { get; }

    /// <summary>Radius of the ball where the field is SO(3)-invariant.</summary>
    public double Radius { get; }

    /// <summary>Width of the shell over which the z² term is switched on.</summary>
    public double Width { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 3;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, SpecText.Of("eps", Eps), SpecText.Of("radius", Radius), SpecText.Of("width", Width));
    /// <inheritdoc/>
    public string Formula => $"exp(-0.5 R^2) cos(2 R^2) + s(R) {SpecText.Number(Eps)} z^2, s from 0 at R = {SpecText.Number(Radius)} to 1 at R = {SpecText.Number(Radius + Width)}";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => Eps == 0 ? Invariance.So3 : Invariance.So2z;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        FieldPoint.Require(point, 3, Name);
        double x = point[0], y = point[1], z = point[2];
        var (s, _) = Step(Math.Sqrt(x * x + y * y + z * z));
        return RadialField.At(x, y, z) + s * Eps * (z * z);
    }

    /// <inheritdoc/>
    public void Gradient(ReadOnlySpan<double> point, Span<double> gradient)
    {
        FieldPoint.Require(point, 3, Name);
        RadialField.WriteGradient(point, gradient, 1);
        double z = point[2], r = Math.Sqrt(point[0] * point[0] + point[1] * point[1] + z * z);
        var (s, ds) = Step(r);
        // d/dx of s(R) eps z²: s'(R) x/R eps z² (s' is 0 at and inside the ball, so R > 0 wherever it is used).
        if (ds != 0)
            for (int i = 0; i < 3; i++) gradient[i] += ds * point[i] / r * Eps * (z * z);
        gradient[2] += 2 * s * Eps * z;
    }

    // The quintic smoothstep t³(10 - 15t + 6t²) of t = (R - radius)/width clamped to [0, 1], and its derivative in R:
    // twice continuously differentiable, so the gradient is smooth and a network can fit it.
    (double Value, double Derivative) Step(double r)
    {
        double t = (r - Radius) / Width;
        if (t <= 0) return (0, 0);
        if (t >= 1) return (1, 0);
        return (t * t * t * (10 - 15 * t + 6 * t * t), 30 * t * t * (1 - t) * (1 - t) / Width);
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
