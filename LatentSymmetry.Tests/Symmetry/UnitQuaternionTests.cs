using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Symmetry;

public class UnitQuaternionTests
{
    private const double Tolerance = 1e-14;

    [Test]
    public void Product_matches_hand_examples()
    {
        // (1 + 2i + 3j + 4k)(5 + 6i + 7j + 8k) = -60 + 12i + 30j + 24k, and i·j = k, j·i = -k.
        Assert.That(new UnitQuaternion(1, 2, 3, 4) * new UnitQuaternion(5, 6, 7, 8), Is.EqualTo(new UnitQuaternion(-60, 12, 30, 24)));
        Assert.That(new UnitQuaternion(0, 1, 0, 0) * new UnitQuaternion(0, 0, 1, 0), Is.EqualTo(new UnitQuaternion(0, 0, 0, 1)));
        Assert.That(new UnitQuaternion(0, 0, 1, 0) * new UnitQuaternion(0, 1, 0, 0), Is.EqualTo(new UnitQuaternion(0, 0, 0, -1)));
    }

    [Test]
    public void Conjugate_norm_and_normalized()
    {
        var q = new UnitQuaternion(1, 2, 3, 4);
        Assert.That(q.Conjugate(), Is.EqualTo(new UnitQuaternion(1, -2, -3, -4)));
        Assert.That(q.Norm, Is.EqualTo(Math.Sqrt(30)));
        Assert.That(q.Normalized().Norm, Is.EqualTo(1).Within(Tolerance));
        UnitQuaternion p = q * q.Conjugate();
        Assert.That(p, Is.EqualTo(new UnitQuaternion(30, 0, 0, 0)));
        Assert.That(() => new UnitQuaternion(0, 0, 0, 0).Normalized(), Throws.InvalidOperationException);
    }

    [Test]
    public void Quarter_turn_about_z_takes_x_to_y()
    {
        var q = UnitQuaternion.FromAxisAngle(0, 0, 2, Math.PI / 2);
        AssertVector(q.Rotate(1, 0, 0), (0, 1, 0));
        AssertVector(q.Rotate(0, 1, 0), (-1, 0, 0));
        AssertVector(q.Rotate(0, 0, 1), (0, 0, 1));
    }

    [Test]
    public void Product_applies_the_right_factor_first()
    {
        var aboutZ = UnitQuaternion.FromAxisAngle(0, 0, 1, Math.PI / 2);
        var aboutX = UnitQuaternion.FromAxisAngle(1, 0, 0, Math.PI / 2);
        // x-turn first: e_y → e_z, then the z-turn keeps e_z. z-turn first: e_y → -e_x, kept by the x-turn.
        AssertVector((aboutZ * aboutX).Rotate(0, 1, 0), (0, 0, 1));
        AssertVector((aboutX * aboutZ).Rotate(0, 1, 0), (-1, 0, 0));
        var (x, y, z) = aboutX.Rotate(0.3, -0.5, 0.8);
        AssertVector((aboutZ * aboutX).Rotate(0.3, -0.5, 0.8), aboutZ.Rotate(x, y, z));
    }

    [Test]
    public void Matrix_of_a_product_is_the_product_of_matrices()
    {
        var sampler = new HaarSo3Sampler(1);
        UnitQuaternion a = sampler.NextQuaternion(), b = sampler.NextQuaternion();
        double[] ma = Matrix(a), mb = Matrix(b), mab = Matrix(a * b);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                double sum = 0;
                for (int k = 0; k < 3; k++)
                    sum += ma[3 * i + k] * mb[3 * k + j];
                Assert.That(mab[3 * i + j], Is.EqualTo(sum).Within(Tolerance));
            }
    }

    [Test]
    public void Rotate_and_matrix_agree()
    {
        var sampler = new HaarSo3Sampler(2);
        var stream = new RandomStream(3);
        for (int trial = 0; trial < 100; trial++)
        {
            UnitQuaternion q = sampler.NextQuaternion();
            double[] m = Matrix(q);
            double x = stream.NextGaussian(), y = stream.NextGaussian(), z = stream.NextGaussian();
            AssertVector(q.Rotate(x, y, z), (m[0] * x + m[1] * y + m[2] * z, m[3] * x + m[4] * y + m[5] * z, m[6] * x + m[7] * y + m[8] * z));
        }
    }

    [Test]
    public void Q_and_minus_q_give_the_same_matrix()
    {
        var q = new UnitQuaternion(0.5, -0.1, 0.7, 0.3).Normalized();
        var minus = new UnitQuaternion(-q.W, -q.X, -q.Y, -q.Z);
        Assert.That(Matrix(minus), Is.EqualTo(Matrix(q)));
    }

    [Test]
    public void Identity_matrix_and_float_rounding()
    {
        Assert.That(Matrix(UnitQuaternion.Identity), Is.EqualTo(new double[] { 1, 0, 0, 0, 1, 0, 0, 0, 1 }));
        var q = UnitQuaternion.FromAxisAngle(1, 2, 3, 0.7);
        var f = new float[9];
        q.ToMatrix<float>(f);
        Assert.That(f, Is.EqualTo(Matrix(q).Select(x => (float)x).ToArray()));
        Assert.That(() => q.ToMatrix<double>(new double[8]), Throws.ArgumentException);
        Assert.That(() => UnitQuaternion.FromAxisAngle(0, 0, 0, 1), Throws.ArgumentException);
    }

    private static double[] Matrix(UnitQuaternion q)
    {
        var m = new double[9];
        q.ToMatrix<double>(m);
        return m;
    }

    private static void AssertVector((double X, double Y, double Z) actual, (double X, double Y, double Z) expected)
    {
        Assert.That(actual.X, Is.EqualTo(expected.X).Within(Tolerance));
        Assert.That(actual.Y, Is.EqualTo(expected.Y).Within(Tolerance));
        Assert.That(actual.Z, Is.EqualTo(expected.Z).Within(Tolerance));
    }
}
