using LatentSymmetry.Core.Numerics;
using LatentSymmetry.Core.Fields;

namespace LatentSymmetry.Tests.Fields;

public class RadialFieldTests
{
    // The original's formula, written out once here as the reference: f = exp(-R²/2)·cos(2R²) in double.
    static double Reference(double x, double y, double z)
    {
        double r2 = x * x + y * y + z * z;
        return CrMath.Exp(-0.5 * r2) * CrMath.Cos(2 * r2);
    }

    // Rows widened to double, the value rounded once to T, as the data's targets are.
    static void ReferenceRows<T>(T[] points, T[] values) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
            values[i] = T.CreateTruncating(Reference(double.CreateTruncating(points[3 * i]), double.CreateTruncating(points[3 * i + 1]), double.CreateTruncating(points[3 * i + 2])));
    }

    [Test]
    public void Radial_is_bit_identical_to_the_original_formula_on_many_points()
    {
        var field = FieldCatalog.Parse("radial");
        var rng = new TestData(7);
        for (int i = 0; i < 20000; i++)
        {
            // The training box [-5, 5]^3, and now and then a wider or tiny scale to cover other exponents.
            double s = i % 10 == 0 ? Math.Pow(10, rng.Uniform(-8, 2)) : 5;
            double x = rng.Uniform(-s, s), y = rng.Uniform(-s, s), z = rng.Uniform(-s, s);
            double expected = Reference(x, y, z);
            double actual = field.Evaluate([x, y, z]);
            Assert.That(BitConverter.DoubleToInt64Bits(actual), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected)), $"at ({x:R}, {y:R}, {z:R})");
        }
    }

    [Test]
    public void Radial_rows_match_the_formula_rounded_once_bit_for_bit_in_float_and_double()
    {
        var rng = new TestData(8);
        var pf = rng.Array<float>(3 * 999, -5, 5);
        var pd = rng.Array<double>(3 * 999, -5, 5);
        var field = FieldCatalog.Default(3);
        float[] af = new float[999], ef = new float[999];
        double[] ad = new double[999], ed = new double[999];
        field.EvaluateRows<float>(pf, af);
        ReferenceRows(pf, ef);
        field.EvaluateRows<double>(pd, ad);
        ReferenceRows(pd, ed);
        Assert.That(af, Is.EqualTo(ef));
        Assert.That(ad.Select(BitConverter.DoubleToInt64Bits), Is.EqualTo(ed.Select(BitConverter.DoubleToInt64Bits)));
    }

    [Test]
    public void Radial_hand_values()
    {
        var f = FieldCatalog.Parse("radial");
        Assert.That(f.Evaluate([0, 0, 0]), Is.EqualTo(1.0));
        // R^2 = 1: e^(-1/2) cos 2.
        Assert.That(f.Evaluate([0, 1, 0]), Is.EqualTo(0.6065306597126334 * -0.4161468365471424).Within(1e-15));
        // R^2 = pi/4: cos(pi/2) = 0.
        Assert.That(f.Evaluate([0, 0, Math.Sqrt(Math.PI / 4)]), Is.EqualTo(0).Within(1e-15));
    }

    [Test]
    public void Broken_adds_eps_z_squared_and_equals_radial_at_eps_zero()
    {
        var broken = FieldCatalog.Parse("broken");
        Assert.That(broken.Spec, Is.EqualTo("broken:eps=0.05"));
        Assert.That(broken.Evaluate([0, 0, 1]), Is.EqualTo(0.6065306597126334 * -0.4161468365471424 + 0.05).Within(1e-15));
        Assert.That(broken.Evaluate([2, -1, 0]), Is.EqualTo(Reference(2, -1, 0)));
        Assert.That(FieldCatalog.Parse("broken:eps=-2").Evaluate([0.5, 0, 3]), Is.EqualTo(Reference(0.5, 0, 3) - 18).Within(1e-13));
        var rng = new TestData(9);
        var flat = FieldCatalog.Parse("broken:eps=0");
        for (int i = 0; i < 100; i++)
        {
            double[] p = TestRotations.Point(3, rng, 5);
            Assert.That(flat.Evaluate(p), Is.EqualTo(Reference(p[0], p[1], p[2])));
        }
        Assert.That(flat.InvariantUnder.Select(g => g.Name), Is.EquivalentTo(new[] { "so3", "so2z" }));
        Assert.That(broken.InvariantUnder.Select(g => g.Name), Is.EqualTo(new[] { "so2z" }));
    }

    [Test]
    public void A_point_of_the_wrong_dimension_is_refused()
    {
        Assert.Throws<ArgumentException>(() => FieldCatalog.Parse("radial").Evaluate([1, 2]));
        Assert.Throws<ArgumentException>(() => FieldCatalog.Parse("gaussian-ring").Evaluate([1, 2, 3]));
        Assert.Throws<ArgumentException>(() => FieldCatalog.Parse("x").Evaluate([1]));
        Assert.Throws<ArgumentException>(() => FieldCatalog.Parse("radial").EvaluateRows<double>(new double[7], new double[2]));
    }
}
