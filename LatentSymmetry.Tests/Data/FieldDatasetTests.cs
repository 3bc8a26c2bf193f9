using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Data;

public class FieldDatasetTests
{
    private const int Seed = 598827508; // DerivedSeeds.Derive(42, "data")

    [Test]
    public void Default_dataset_splits_10000_points_into_6000_2000_2000()
    {
        var data = new FieldDataset<float>(Seed);
        Assert.That((data.Count, data.Extent), Is.EqualTo((10_000, 5.0)));
        Assert.That((data.Train.Count, data.Validation.Count, data.Test.Count), Is.EqualTo((6000, 2000, 2000)));
        Assert.That(data.Train.Points.Length, Is.EqualTo(3 * 6000));
        Assert.That(data.Train.Targets.Length, Is.EqualTo(6000));
    }

    [TestCase(1, 0, 0, 1)]
    [TestCase(7, 4, 1, 2)]
    [TestCase(11, 6, 2, 3)]
    public void Split_sizes_floor_sixty_and_twenty_percent_and_give_the_rest_to_test(int n, int train, int validation, int test)
    {
        var data = new FieldDataset<double>(1, n);
        Assert.That((data.Train.Count, data.Validation.Count, data.Test.Count), Is.EqualTo((train, validation, test)));
    }

    [Test]
    public void Splits_are_disjoint_and_cover_every_point()
    {
        var data = new FieldDataset<double>(Seed);
        int[] all = [.. data.Train.SourceRows, .. data.Validation.SourceRows, .. data.Test.SourceRows];
        Assert.That(all.Order(), Is.EqualTo(Enumerable.Range(0, data.Count)));
    }

    [Test]
    public void Points_lie_inside_the_box()
    {
        var data = new FieldDataset<float>(Seed, 10_000, 2.5);
        foreach (var split in new[] { data.Train, data.Validation, data.Test })
            foreach (float x in split.Points)
                Assert.That(x, Is.InRange(-2.5f, 2.5f));
    }

    [Test]
    public void Points_fill_the_box_roughly_uniformly()
    {
        // Each coordinate is uniform on [-5, 5]: mean 0, variance 25/3.
        var points = new FieldDataset<double>(Seed).Train.Points.ToArray();
        double mean = points.Average(), variance = points.Select(x => x * x).Average();
        int n = points.Length;
        Assert.That(Math.Abs(mean), Is.LessThan(5 * Math.Sqrt(25.0 / 3 / n)));
        // Var x² for U(-5, 5) = E x⁴ - (E x²)² = 125 - 625/9.
        Assert.That(Math.Abs(variance - 25.0 / 3), Is.LessThan(5 * Math.Sqrt((125 - 625.0 / 9) / n)));
    }

    [Test]
    public void Targets_equal_the_scalar_field_of_the_stored_points()
    {
        var data = new FieldDataset<float>(Seed);
        foreach (var split in new[] { data.Train, data.Validation, data.Test })
        {
            var p = split.Points;
            for (int i = 0; i < split.Count; i++)
                Assert.That(split.Targets[i], Is.EqualTo((float)FieldCatalog.Default(3).Evaluate([p[3 * i], p[3 * i + 1], p[3 * i + 2]])));
        }
    }

    [Test]
    public void Float_points_are_the_double_points_rounded()
    {
        var d = new FieldDataset<double>(Seed, 500);
        var f = new FieldDataset<float>(Seed, 500);
        Assert.That(f.Test.SourceRows.ToArray(), Is.EqualTo(d.Test.SourceRows.ToArray()));
        for (int i = 0; i < d.Test.Points.Length; i++)
            Assert.That(f.Test.Points[i], Is.EqualTo((float)d.Test.Points[i]));
    }

    [Test]
    public void Same_seed_gives_an_identical_dataset()
    {
        var a = new FieldDataset<float>(Seed);
        var b = new FieldDataset<float>(Seed);
        Assert.That(b.Train.Points.ToArray(), Is.EqualTo(a.Train.Points.ToArray()));
        Assert.That(b.Test.Targets.ToArray(), Is.EqualTo(a.Test.Targets.ToArray()));
        Assert.That(b.Validation.SourceRows.ToArray(), Is.EqualTo(a.Validation.SourceRows.ToArray()));
    }

    [Test]
    public void Different_seed_gives_different_points_and_split()
    {
        var a = new FieldDataset<float>(Seed);
        var b = new FieldDataset<float>(Seed + 1);
        Assert.That(b.Train.Points.ToArray(), Is.Not.EqualTo(a.Train.Points.ToArray()));
        Assert.That(b.Train.SourceRows.ToArray(), Is.Not.EqualTo(a.Train.SourceRows.ToArray()));
    }

    [Test]
    public void Batch_order_is_seeded_by_the_data_seed()
    {
        var a = new FieldDataset<float>(Seed).CreateBatchOrder();
        var b = new FieldDataset<double>(Seed).CreateBatchOrder();
        var c = new FieldDataset<float>(Seed + 1).CreateBatchOrder();
        a.NextEpoch();
        b.NextEpoch();
        c.NextEpoch();
        Assert.That(a.Count, Is.EqualTo(6000));
        Assert.That(b.Order.ToArray(), Is.EqualTo(a.Order.ToArray()));
        Assert.That(c.Order.ToArray(), Is.Not.EqualTo(a.Order.ToArray()));
    }

    [Test]
    public void Invalid_sizes_name_the_value()
    {
        Assert.That(() => new FieldDataset<float>(1, 0), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("count"));
        Assert.That(() => new FieldDataset<float>(1, 10, -1), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("boxHalfWidth"));
        Assert.That(() => new FieldDataset<float>(1, 10, double.NaN), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new FieldDataset<float>(1, 10).CreateBatchOrder(0), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("batchSize"));
    }
}
