using LatentSymmetry.Autograd.Kernels;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Symmetry;

public class HaarSo2SamplerTests
{
    const int Samples = 20_000;

    // Kolmogorov–Smirnov statistic of sorted values against a CDF.
    internal static double KolmogorovSmirnov(double[] sorted, Func<double, double> cdf)
    {
        double d = 0;
        for (int i = 0; i < sorted.Length; i++)
        {
            double c = cdf(sorted[i]);
            d = Math.Max(d, Math.Max((i + 1.0) / sorted.Length - c, c - (double)i / sorted.Length));
        }
        return d;
    }

    [Test]
    public void Angles_read_back_from_the_matrices_are_uniform_by_kolmogorov_smirnov()
    {
        var m = new double[4 * Samples];
        new HaarSo2Sampler(new RandomStream(7)).Sample<double>(m);
        var angles = new double[Samples];
        for (int i = 0; i < Samples; i++)
        {
            // A rotation [c, -s; s, c]: orthogonal with determinant one, angle atan2(s, c) in (-π, π].
            double c = m[4 * i], s = m[4 * i + 2];
            Assert.That(m[4 * i + 1], Is.EqualTo(-s));
            Assert.That(m[4 * i + 3], Is.EqualTo(c));
            Assert.That(c * c + s * s, Is.EqualTo(1).Within(1e-12));
            angles[i] = Math.Atan2(s, c);
        }
        Array.Sort(angles);
        Assert.That(KolmogorovSmirnov(angles, a => (a + Math.PI) / (2 * Math.PI)), Is.LessThan(1.63 / Math.Sqrt(Samples)));
    }

    [Test]
    public void Matrices_come_from_a_point_of_the_unit_disk_scaled_onto_the_circle()
    {
        // Independently: rejection from the square, then (u, v) / |(u, v)|, on a second stream of the same seed.
        var m = new double[4 * 500];
        new HaarSo2Sampler(new RandomStream(9)).Sample<double>(m);
        var stream = new RandomStream(9);
        for (int i = 0; i < 500; i++)
        {
            double u, v, q;
            do
            {
                u = 2 * stream.NextDouble() - 1;
                v = 2 * stream.NextDouble() - 1;
                q = u * u + v * v;
            } while (q is <= 0 or >= 1);
            Assert.That(m[4 * i], Is.EqualTo(u / Math.Sqrt(q)), $"cos of rotation {i}");
            Assert.That(m[4 * i + 2], Is.EqualTo(v / Math.Sqrt(q)), $"sin of rotation {i}");
        }
    }

    [Test]
    public void Rotations_about_z_keep_z_and_turn_the_plane()
    {
        var m = new float[9 * 100];
        new HaarSo2Sampler(new RandomStream(8), dimension: 3).Sample<float>(m);
        var points = new TestData(3).Array<float>(3 * 100, -2, 2);
        var turned = new float[points.Length];
        RowRotation.Apply<float>(m, points, turned, 3);
        for (int i = 0; i < 100; i++)
        {
            Assert.That(turned[3 * i + 2], Is.EqualTo(points[3 * i + 2]), "z is kept exactly");
            double before = points[3 * i] * (double)points[3 * i] + points[3 * i + 1] * (double)points[3 * i + 1];
            double after = turned[3 * i] * (double)turned[3 * i] + turned[3 * i + 1] * (double)turned[3 * i + 1];
            Assert.That(after, Is.EqualTo(before).Within(1e-5 * (1 + before)));
        }
    }

    [Test]
    public void A_length_that_is_not_a_whole_number_of_matrices_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new HaarSo2Sampler(new RandomStream(1)).Sample(new double[6]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HaarSo2Sampler(new RandomStream(1), dimension: 4));
    }
}
