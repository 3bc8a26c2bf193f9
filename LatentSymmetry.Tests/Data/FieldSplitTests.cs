using LatentSymmetry.Core.Data;

namespace LatentSymmetry.Tests.Data;

public class FieldSplitTests
{
    [Test]
    public void Gather_copies_the_requested_rows_in_order()
    {
        var split = new FieldDataset<double>(3, 100).Train;
        int[] rows = [5, 0, 59, 5];
        var points = new double[12];
        var targets = new double[4];
        split.Gather(rows, points, targets);
        for (int i = 0; i < rows.Length; i++)
        {
            Assert.That(points.AsSpan(3 * i, 3).ToArray(), Is.EqualTo(split.Points.Slice(3 * rows[i], 3).ToArray()));
            Assert.That(targets[i], Is.EqualTo(split.Targets[rows[i]]));
        }
    }

    [Test]
    public void Gather_allocates_nothing()
    {
        var split = new FieldDataset<float>(3, 1000).Train;
        int[] rows = [.. Enumerable.Range(0, 128)];
        var points = new float[3 * 128];
        var targets = new float[128];
        split.Gather(rows, points, targets);
        long before = GC.GetAllocatedBytesForCurrentThread();
        split.Gather(rows, points, targets);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void Gather_rejects_wrong_lengths_and_rows()
    {
        var split = new FieldDataset<float>(3, 100).Train;
        Assert.That(() => split.Gather([0, 1], new float[5], new float[2]), Throws.ArgumentException.With.Property("ParamName").EqualTo("points"));
        Assert.That(() => split.Gather([0, 1], new float[6], new float[3]), Throws.ArgumentException.With.Property("ParamName").EqualTo("targets"));
        Assert.That(() => split.Gather([60], new float[3], new float[1]), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("60"));
    }
}
