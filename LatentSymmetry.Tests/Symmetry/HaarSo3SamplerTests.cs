using System.Numerics;
using LatentSymmetry.Core.Symmetry;
using UnitQuaternion = LatentSymmetry.Core.Symmetry.UnitQuaternion;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Symmetry;

public class HaarSo3SamplerTests
{
    private const int Samples = 50_000;
    private const int AugmentationSeed = 1969969517; // DerivedSeeds.Derive(42, "augmentation")

    [Test]
    public void Samples_are_orthogonal_with_determinant_one_in_float() => AssertProperRotations<float>();

    [Test]
    public void Samples_are_orthogonal_with_determinant_one_in_double() => AssertProperRotations<double>();

    [Test]
    public void Rotated_z_axis_has_mean_0_and_second_moment_one_third_in_float() => AssertUniformOnSphere<float>(0, 0, 1);

    [Test]
    public void Rotated_z_axis_has_mean_0_and_second_moment_one_third_in_double() => AssertUniformOnSphere<double>(0, 0, 1);

    [Test]
    public void Rotated_fixed_random_vector_has_mean_0_and_second_moment_one_third()
    {
        var stream = new RandomStream(99);
        double x = stream.NextGaussian(), y = stream.NextGaussian(), z = stream.NextGaussian();
        double norm = Math.Sqrt(x * x + y * y + z * z);
        AssertUniformOnSphere<double>(x / norm, y / norm, z / norm);
        AssertUniformOnSphere<float>(x / norm, y / norm, z / norm);
    }

    [Test]
    public void Rotation_angle_follows_the_haar_density_by_kolmogorov_smirnov()
    {
        // Haar measure on SO(3): the angle t has density (1 - cos t)/π on [0, π], CDF (t - sin t)/π.
        double[] matrices = Sample<double>(AugmentationSeed);
        var angles = new double[Samples];
        for (int i = 0; i < Samples; i++)
            angles[i] = HaarSo3Sampler.RotationAngle(matrices.AsSpan(9 * i, 9));
        Array.Sort(angles);
        double d = 0;
        for (int i = 0; i < Samples; i++)
        {
            double cdf = (angles[i] - Math.Sin(angles[i])) / Math.PI;
            d = Math.Max(d, Math.Max((i + 1.0) / Samples - cdf, cdf - (double)i / Samples));
        }
        double critical = 1.63 / Math.Sqrt(Samples); // 1% level, asymptotic
        Assert.That(d, Is.LessThan(critical));
    }

    [Test]
    public void Kolmogorov_smirnov_rejects_angles_from_a_uniform_quaternion_box()
    {
        // Guards the test above: quaternions with coordinates uniform in [-1, 1]⁴ (not a Gaussian), normalised,
        // are not Haar; at this sample size the statistic must exceed the critical value.
        var stream = new RandomStream(5);
        var angles = new double[Samples];
        var m = new double[9];
        for (int i = 0; i < Samples; i++)
        {
            new UnitQuaternion(stream.NextUniform(-1, 1), stream.NextUniform(-1, 1), stream.NextUniform(-1, 1), stream.NextUniform(-1, 1))
                .Normalized().ToMatrix<double>(m);
            angles[i] = HaarSo3Sampler.RotationAngle(m);
        }
        Array.Sort(angles);
        double d = 0;
        for (int i = 0; i < Samples; i++)
        {
            double cdf = (angles[i] - Math.Sin(angles[i])) / Math.PI;
            d = Math.Max(d, Math.Max((i + 1.0) / Samples - cdf, cdf - (double)i / Samples));
        }
        Assert.That(d, Is.GreaterThan(1.63 / Math.Sqrt(Samples)));
    }

    [Test]
    public void Same_seed_gives_the_same_rotations_and_float_rounds_double()
    {
        double[] a = Sample<double>(7, 100), b = Sample<double>(7, 100);
        float[] f = Sample<float>(7, 100);
        Assert.That(b, Is.EqualTo(a));
        Assert.That(f, Is.EqualTo(a.Select(x => (float)x).ToArray()));
        Assert.That(Sample<double>(8, 100), Is.Not.EqualTo(a));
    }

    [Test]
    public void Rotation_angle_of_hand_matrices()
    {
        Assert.That(HaarSo3Sampler.RotationAngle([1, 0, 0, 0, 1, 0, 0, 0, 1]), Is.EqualTo(0));
        Assert.That(HaarSo3Sampler.RotationAngle([0, -1, 0, 1, 0, 0, 0, 0, 1]), Is.EqualTo(Math.PI / 2).Within(1e-15));
        Assert.That(HaarSo3Sampler.RotationAngle([-1, 0, 0, 0, -1, 0, 0, 0, 1]), Is.EqualTo(Math.PI));
    }

    [Test]
    public void Sample_allocates_nothing_and_checks_its_length()
    {
        var sampler = new HaarSo3Sampler(1);
        var buffer = new float[9 * 128];
        sampler.Sample<float>(buffer);
        long before = GC.GetAllocatedBytesForCurrentThread();
        sampler.Sample<float>(buffer);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(() => sampler.Sample<float>(new float[10]), Throws.ArgumentException.With.Message.Contains("10"));
    }

    private static T[] Sample<T>(int seed, int count = Samples)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var matrices = new T[9 * count];
        new HaarSo3Sampler(seed).Sample<T>(matrices);
        return matrices;
    }

    private static void AssertProperRotations<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] matrices = Sample<T>(AugmentationSeed);
        double worstOrthogonality = 0, worstDeterminant = 0;
        for (int r = 0; r < Samples; r++)
        {
            double[] m = matrices.AsSpan(9 * r, 9).ToArray().Select(double.CreateTruncating).ToArray();
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                {
                    double dot = m[3 * i] * m[3 * j] + m[3 * i + 1] * m[3 * j + 1] + m[3 * i + 2] * m[3 * j + 2];
                    worstOrthogonality = Math.Max(worstOrthogonality, Math.Abs(dot - (i == j ? 1 : 0)));
                }
            double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
            worstDeterminant = Math.Max(worstDeterminant, Math.Abs(det - 1));
        }
        Assert.That(worstOrthogonality, Is.LessThan(1e-5));
        Assert.That(worstDeterminant, Is.LessThan(1e-5));
    }

    private static void AssertUniformOnSphere<T>(double ux, double uy, double uz)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // R·u is uniform on the unit sphere: each coordinate has mean 0, E c² = 1/3, Var c = 1/3,
        // Var c² = E c⁴ - 1/9 = 1/5 - 1/9 = 4/45 (a coordinate of a uniform unit vector is uniform on [-1, 1]).
        T[] matrices = Sample<T>(AugmentationSeed);
        Span<double> sum = stackalloc double[3], sumSquares = stackalloc double[3];
        for (int r = 0; r < Samples; r++)
            for (int i = 0; i < 3; i++)
            {
                double c = double.CreateTruncating(matrices[9 * r + 3 * i]) * ux
                    + double.CreateTruncating(matrices[9 * r + 3 * i + 1]) * uy
                    + double.CreateTruncating(matrices[9 * r + 3 * i + 2]) * uz;
                sum[i] += c;
                sumSquares[i] += c * c;
            }
        for (int i = 0; i < 3; i++)
        {
            Assert.That(Math.Abs(sum[i] / Samples), Is.LessThan(5 * Math.Sqrt(1.0 / 3 / Samples)), $"mean of coordinate {i}");
            Assert.That(Math.Abs(sumSquares[i] / Samples - 1.0 / 3), Is.LessThan(5 * Math.Sqrt(4.0 / 45 / Samples)), $"second moment of coordinate {i}");
        }
    }
}
