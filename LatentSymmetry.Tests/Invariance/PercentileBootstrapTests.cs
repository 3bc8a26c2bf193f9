using LatentSymmetry.Core.Invariance;

namespace LatentSymmetry.Tests.Invariance;

/// <summary>The bootstrap's resamples and its percentile interval.</summary>
public class PercentileBootstrapTests
{
    [Test]
    public void Quantiles_interpolate_like_numpy()
    {
        // numpy.percentile([1, 2, 3, 4, 10], [2.5, 97.5]) = [1.1, 9.4]
        double[] v = [4, 1, 10, 3, 2];
        var (lo, hi) = PercentileBootstrap.Interval(v, 0.95);
        Assert.That(lo, Is.EqualTo(1.1).Within(1e-12));
        Assert.That(hi, Is.EqualTo(9.4).Within(1e-12));
        Assert.That(PercentileBootstrap.Quantile([5.0], 0.3), Is.EqualTo(5));
        Assert.That(PercentileBootstrap.Interval([1.0, double.NaN], 0.95).Lower, Is.NaN);
    }

    [Test]
    public void Resamples_draw_n_points_uniformly()
    {
        var b = new PercentileBootstrap(10, seed: 3);
        var counts = new int[10];
        var total = new long[10];
        for (int r = 0; r < 20000; r++)
        {
            b.Next(counts);
            Assert.That(counts.Sum(), Is.EqualTo(10));
            for (int i = 0; i < 10; i++) total[i] += counts[i];
        }
        // each point is drawn 20000 times on average (sd ≈ 134): within 5 sd
        foreach (long t in total) Assert.That(t, Is.EqualTo(20000).Within(700));
        var again = new PercentileBootstrap(10, seed: 3);
        var first = new int[10];
        again.Next(first);
        var fresh = new PercentileBootstrap(10, seed: 3);
        var check = new int[10];
        fresh.Next(check);
        Assert.That(check, Is.EqualTo(first));
    }
}
