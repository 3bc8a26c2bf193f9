using LatentSymmetry.Core.Fields;

namespace LatentSymmetry.Tests.Fields;

/// <summary>The default 3-D field f = exp(-R²/2)·cos(2R²) against values worked out by hand.</summary>
public class RadialFieldHandValueTests
{
    static readonly IScalarField Radial = FieldCatalog.Parse("radial");

    static double F(double x, double y, double z) => Radial.Evaluate([x, y, z]);

    [Test]
    public void Is_one_at_the_origin() => Assert.That(F(0.0, 0.0, 0.0), Is.EqualTo(1.0));

    [Test]
    public void Vanishes_where_two_R_squared_is_a_half_pi()
    {
        // R² = π/4 gives exp(-π/8)·cos(π/2); cos(π/2) is zero up to the rounding of π.
        double r = Math.Sqrt(Math.PI / 4);
        Assert.That(F(r, 0.0, 0.0), Is.EqualTo(0.0).Within(1e-15));
        Assert.That(F(0.0, 0.0, -r), Is.EqualTo(0.0).Within(1e-15));
    }

    [Test]
    public void Matches_hand_values()
    {
        // (1, 0, 0): R² = 1, f = e^-0.5·cos 2. (1, 1, 1): R² = 3, f = e^-1.5·cos 6. (0, 0, √(π/2)): cos π = -1.
        Assert.That(F(1.0, 0.0, 0.0), Is.EqualTo(Math.Exp(-0.5) * Math.Cos(2)).Within(1e-16));
        Assert.That(F(1.0, 1.0, 1.0), Is.EqualTo(Math.Exp(-1.5) * Math.Cos(6)).Within(1e-16));
        Assert.That(F(0.0, 0.0, Math.Sqrt(Math.PI / 2)), Is.EqualTo(-Math.Exp(-Math.PI / 4)).Within(1e-15));
    }

    [Test]
    public void Depends_only_on_the_radius()
    {
        double a = F(0.3, -1.2, 0.4), b = F(-0.4, 0.3, 1.2);
        Assert.That(b, Is.EqualTo(a).Within(1e-15));
    }

    [Test]
    public void Float_evaluation_is_the_double_value_rounded()
    {
        float x = 0.7f, y = -1.1f, z = 0.25f;
        var value = new float[1];
        Radial.EvaluateRows<float>([x, y, z], value);
        Assert.That(value[0], Is.EqualTo((float)F(x, y, z)));
    }

    [Test]
    public void Span_evaluation_fills_one_value_per_row()
    {
        double[] points = [0, 0, 0, 1, 0, 0];
        var values = new double[2];
        Radial.EvaluateRows<double>(points, values);
        Assert.That(values, Is.EqualTo(new[] { 1.0, F(1.0, 0.0, 0.0) }));
        Assert.That(() => Radial.EvaluateRows<double>(points, new double[3]), Throws.ArgumentException);
    }
}
