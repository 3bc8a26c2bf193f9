using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Data;

public class BatchOrderTests
{
    [Test]
    public void Six_thousand_rows_make_46_full_batches_and_one_of_112()
    {
        var order = new BatchOrder(6000, new RandomStream(1));
        order.NextEpoch();
        Assert.That(order.BatchCount, Is.EqualTo(47));
        for (int b = 0; b < 46; b++)
            Assert.That(order.Batch(b).Length, Is.EqualTo(128));
        Assert.That(order.Batch(46).Length, Is.EqualTo(112));
    }

    [Test]
    public void Each_epoch_visits_every_row_once()
    {
        var order = new BatchOrder(6000, new RandomStream(2));
        for (int epoch = 0; epoch < 3; epoch++)
        {
            order.NextEpoch();
            var seen = new List<int>();
            for (int b = 0; b < order.BatchCount; b++)
                seen.AddRange(order.Batch(b).ToArray());
            Assert.That(seen.Order(), Is.EqualTo(Enumerable.Range(0, 6000)));
            Assert.That(order.Epoch, Is.EqualTo(epoch));
        }
    }

    [Test]
    public void Order_differs_between_epochs_and_repeats_for_the_same_seed()
    {
        BatchOrder a = new(6000, new RandomStream(3)), b = new(6000, new RandomStream(3));
        a.NextEpoch();
        b.NextEpoch();
        int[] first = a.Order.ToArray();
        Assert.That(b.Order.ToArray(), Is.EqualTo(first));
        a.NextEpoch();
        b.NextEpoch();
        Assert.That(a.Order.ToArray(), Is.Not.EqualTo(first));
        Assert.That(b.Order.ToArray(), Is.EqualTo(a.Order.ToArray()));
    }

    [Test]
    public void Exact_multiple_has_no_short_batch()
    {
        var order = new BatchOrder(256, new RandomStream(4), batchSize: 128);
        order.NextEpoch();
        Assert.That(order.BatchCount, Is.EqualTo(2));
        Assert.That(order.Batch(1).Length, Is.EqualTo(128));
    }

    [Test]
    public void NextEpoch_allocates_nothing()
    {
        var order = new BatchOrder(6000, new RandomStream(5));
        order.NextEpoch();
        long before = GC.GetAllocatedBytesForCurrentThread();
        order.NextEpoch();
        _ = order.Batch(46);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void Reading_before_the_first_epoch_or_past_the_last_batch_throws()
    {
        var order = new BatchOrder(10, new RandomStream(6), batchSize: 4);
        Assert.That(() => order.Batch(0), Throws.InvalidOperationException);
        order.NextEpoch();
        Assert.That(() => order.Batch(3), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("[0, 3)"));
        Assert.That(() => new BatchOrder(0, new RandomStream(1)), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("count"));
        Assert.That(() => new BatchOrder(10, new RandomStream(1), -1), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("batchSize"));
    }
}
