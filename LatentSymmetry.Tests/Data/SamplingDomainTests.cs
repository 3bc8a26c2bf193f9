using LatentSymmetry.Core.Data;
using LatentSymmetry.Tests.Symmetry;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Data;

public class SamplingDomainTests
{
    const int Samples = 20_000;

    [TestCase(1.0, 0.0)]
    [TestCase(2.0, 0.5)]
    public void Disk_points_have_r_squared_uniform_and_angle_uniform_by_kolmogorov_smirnov(double radius, double inner)
    {
        var points = new double[2 * Samples];
        SamplingDomain.Disk(radius, inner).Fill<double>(new RandomStream(3), points);
        var r2 = new double[Samples];
        var angle = new double[Samples];
        for (int i = 0; i < Samples; i++)
        {
            double x = points[2 * i], y = points[2 * i + 1];
            r2[i] = x * x + y * y;
            angle[i] = Math.Atan2(y, x);
            Assert.That(Math.Sqrt(r2[i]), Is.InRange(inner - 1e-12, radius + 1e-12));
        }
        Array.Sort(r2);
        Array.Sort(angle);
        double critical = 1.63 / Math.Sqrt(Samples); // 1% level
        double lo = inner * inner, hi = radius * radius;
        Assert.That(HaarSo2SamplerTests.KolmogorovSmirnov(r2, v => (v - lo) / (hi - lo)), Is.LessThan(critical), "r^2 uniform");
        Assert.That(HaarSo2SamplerTests.KolmogorovSmirnov(angle, a => (a + Math.PI) / (2 * Math.PI)), Is.LessThan(critical), "angle uniform");
    }

    [Test]
    public void Kolmogorov_smirnov_rejects_a_radius_that_is_uniform_instead_of_its_square()
    {
        // Guards the test above: r uniform (too many points near the centre) must fail the r^2 law.
        var stream = new RandomStream(3);
        var r2 = Enumerable.Range(0, Samples).Select(_ => Math.Pow(stream.NextDouble(), 2)).Order().ToArray();
        Assert.That(HaarSo2SamplerTests.KolmogorovSmirnov(r2, v => v), Is.GreaterThan(1.63 / Math.Sqrt(Samples)));
    }

    [Test]
    public void The_box_draws_what_the_original_sampler_drew()
    {
        var a = new float[300];
        var b = new float[300];
        SamplingDomain.Box(3, 5).Fill<float>(new RandomStream(9), a);
        new RandomStream(9).FillUniform<float>(b, -5, 5);
        Assert.That(a, Is.EqualTo(b));
    }

    [Test]
    public void Bad_radii_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SamplingDomain.Disk(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => SamplingDomain.Disk(1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SamplingDomain.Disk(1, -0.1));
    }
}
