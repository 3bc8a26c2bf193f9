using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Invariance;

/// <summary>
/// Resampling of n test points with replacement, as multiplicities (how many times each point is drawn),
/// from a seeded stream, and the percentile interval of the replicated statistic (Efron's percentile
/// method, with the quantiles interpolated linearly between order statistics as numpy's default does).
/// The same seed gives the same resamples, so the layers of one network are resampled alike.
/// </summary>
public sealed class PercentileBootstrap
{
    readonly RandomStream _stream;

    /// <summary>A resampler of <paramref name="points"/> points (at least one) seeded by <paramref name="seed"/>.</summary>
    public PercentileBootstrap(int points, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        Points = points;
        _stream = new RandomStream(seed);
    }

    /// <summary>The number of points resampled.</summary>
    public int Points { get; }

    /// <summary>
    /// Draws the next resample: <paramref name="counts"/>[i] becomes the number of times point i is drawn
    /// in <see cref="Points"/> draws with replacement (the counts add up to <see cref="Points"/>).
    /// </summary>
    public void Next(Span<int> counts)
    {
        if (counts.Length != Points) throw new ArgumentException($"{counts.Length} counts for {Points} points", nameof(counts));
        counts.Clear();
        for (int i = 0; i < Points; i++) counts[_stream.NextInt(Points)]++;
    }

    /// <summary>
    /// The central <paramref name="level"/> interval of <paramref name="replicates"/> (sorted in place): the
    /// (1 − level)/2 and (1 + level)/2 quantiles. NaN bounds when a replicate is NaN or there are none.
    /// </summary>
    public static (double Lower, double Upper) Interval(Span<double> replicates, double level = 0.95)
    {
        if (!(level > 0 && level < 1)) throw new ArgumentOutOfRangeException(nameof(level), level, "the confidence level must be in (0, 1)");
        if (replicates.Length == 0) return (double.NaN, double.NaN);
        foreach (double v in replicates)
            if (double.IsNaN(v)) return (double.NaN, double.NaN);
        replicates.Sort();
        return (Quantile(replicates, (1 - level) / 2), Quantile(replicates, (1 + level) / 2));
    }

    /// <summary>The p-quantile of sorted values, interpolated linearly at position (n − 1)·p (Hyndman and Fan's type 7).</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        if (lo >= sorted.Length - 1) return sorted[^1];
        return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
    }
}
