using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Data;

public class TrainRegionTests
{
    [Test]
    public void Cone_180_keeps_exactly_the_full_data_set()
    {
        var full = new FieldDataset<float>(5, 2000);
        var cone = new FieldDataset<float>(5, 2000, SamplingDomain.Box(3, 5), FieldCatalog.Default(3), TrainRegion.Cone(180));
        Assert.That(cone.Train.Points.ToArray(), Is.EqualTo(full.Train.Points.ToArray()));
        Assert.That(cone.Test.Targets.ToArray(), Is.EqualTo(full.Test.Targets.ToArray()));
    }

    [TestCase(30)]
    [TestCase(60)]
    [TestCase(90)]
    [TestCase(135)]
    public void Counts_inside_a_cone_follow_the_solid_angle_fraction(double degrees)
    {
        // Directions of points uniform in a ball are uniform on the sphere; the cap within DEG of +z has
        // fraction (1 - cos DEG) / 2. Binomial standard error; 4 sigma.
        int n = 40_000;
        var stream = new RandomStream(17);
        var region = TrainRegion.Cone(degrees);
        int inside = 0, total = 0;
        Span<double> p = stackalloc double[3];
        while (total < n)
        {
            for (int k = 0; k < 3; k++) p[k] = stream.NextUniform(-1, 1);
            if (p[0] * p[0] + p[1] * p[1] + p[2] * p[2] > 1) continue;
            total++;
            if (region.Contains<double>(p)) inside++;
        }
        double expected = (1 - Math.Cos(degrees * Math.PI / 180)) / 2;
        double sigma = Math.Sqrt(expected * (1 - expected) / n);
        Assert.That((double)inside / n, Is.EqualTo(expected).Within(4 * sigma));
    }

    [Test]
    public void Points_at_exactly_the_angle_are_kept()
    {
        Assert.That(TrainRegion.Cone(45).Contains<double>([1, 0, 1]), Is.True);
        Assert.That(TrainRegion.Cone(90).Contains<double>([0, 3, 0]), Is.True);
        Assert.That(TrainRegion.Cone(60).Contains<double>([Math.Sqrt(3), 0, 1]), Is.True);
        Assert.That(TrainRegion.Cone(45).Contains<float>([1.01f, 0, 1]), Is.False);
        Assert.That(TrainRegion.Sector(90).Contains<double>([1, 1]), Is.True, "45° is DEG/2 of a 90° sector");
        Assert.That(TrainRegion.Sector(90).Contains<double>([1, -1]), Is.True);
        Assert.That(TrainRegion.Sector(90).Contains<double>([1, 1.01]), Is.False);
        Assert.That(TrainRegion.Sector(360).Contains<double>([-1, 0]), Is.True);
    }

    [Test]
    public void A_region_run_sees_a_subset_of_exactly_the_points_of_the_full_run()
    {
        var domain = SamplingDomain.Disk(1);
        var field = FieldCatalog.Default(2);
        var full = new FieldDataset<double>(8, 1000, domain, field, TrainRegion.Full);
        var sector = new FieldDataset<double>(8, 1000, domain, field, TrainRegion.Sector(90));
        foreach (var (f, s) in new[] { (full.Train, sector.Train), (full.Validation, sector.Validation), (full.Test, sector.Test) })
        {
            Assert.That(s.Count, Is.LessThan(f.Count).And.GreaterThan(0));
            var byRow = Enumerable.Range(0, f.Count).ToDictionary(i => f.SourceRows[i]);
            for (int i = 0; i < s.Count; i++)
            {
                int j = byRow[s.SourceRows[i]];
                Assert.That(s.Points.Slice(2 * i, 2).ToArray(), Is.EqualTo(f.Points.Slice(2 * j, 2).ToArray()));
                Assert.That(s.Targets[i], Is.EqualTo(f.Targets[j]));
                Assert.That(Math.Abs(Math.Atan2(s.Points[2 * i + 1], s.Points[2 * i])), Is.LessThanOrEqualTo(Math.PI / 4 + 1e-12));
            }
            int expected = Enumerable.Range(0, f.Count).Count(i => TrainRegion.Sector(90).Contains(f.Points.Slice(2 * i, 2)));
            Assert.That(s.Count, Is.EqualTo(expected), "every point of the full split inside the sector is kept");
        }
    }

    [TestCase("full", "full")]
    [TestCase("cone:60", "cone:60")]
    [TestCase(" Sector:90 ", "sector:90")]
    [TestCase("cone:22.5", "cone:22.5")]
    public void Text_round_trips(string text, string canonical)
    {
        Assert.That(TrainRegion.TryParse(text, out var r, out _), Is.True);
        Assert.That(r.ToString(), Is.EqualTo(canonical));
    }

    [TestCase("cone")]
    [TestCase("cone:200")]
    [TestCase("sector:-1")]
    [TestCase("ball:3")]
    [TestCase("cone:x")]
    public void Bad_text_is_refused_with_a_message(string text)
    {
        Assert.That(TrainRegion.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(text.Split(':')[0]).And.Not.Contain("\n"));
    }
}
