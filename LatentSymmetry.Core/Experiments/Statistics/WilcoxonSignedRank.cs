using MathNet.Numerics.Distributions;

namespace LatentSymmetry.Core.Experiments.Statistics;

/// <summary>
/// The Wilcoxon signed-rank test for paired samples, two-sided. Zero differences are dropped; tied absolute differences
/// get average ranks. With at most <see cref="ExactLimit"/> non-zero pairs and no ties the p-value is exact (the null
/// distribution of W+ counted over all 2^n sign assignments); otherwise it is the normal approximation with the tie
/// correction of the variance and a continuity correction of 0.5, as R's <c>wilcox.test</c> and SciPy compute it.
/// </summary>
public static class WilcoxonSignedRank
{
    /// <summary>Largest number of non-zero pairs for which the exact distribution is used.</summary>
    public const int ExactLimit = 25;

    /// <summary>Tests whether the paired differences <paramref name="x"/>[i] − <paramref name="y"/>[i] are symmetric about zero.</summary>
    public static WilcoxonResult Test(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"paired samples differ in length: {x.Count} and {y.Count}", nameof(y));
        }

        var d = new List<double>(x.Count);
        int zeros = 0;
        for (int i = 0; i < x.Count; i++)
        {
            double diff = x[i] - y[i];
            if (!double.IsFinite(diff))
            {
                throw new ArgumentException($"pair {i} is not finite ({x[i]}, {y[i]})", nameof(x));
            }

            if (diff == 0)
            {
                zeros++;
            }
            else
            {
                d.Add(diff);
            }
        }

        int n = d.Count;
        if (n == 0)
        {
            return new WilcoxonResult(0, zeros, 0, 0, 1.0, Exact: true, HasTies: false, Z: null);
        }

        int[] order = [.. Enumerable.Range(0, n).OrderBy(i => Math.Abs(d[i]))];
        double[] rank = new double[n];
        double tieTerm = 0; // Σ (t³ − t) over tie groups
        for (int start = 0; start < n;)
        {
            int end = start;
            while (end + 1 < n && Math.Abs(d[order[end + 1]]) == Math.Abs(d[order[start]]))
            {
                end++;
            }

            double average = (start + end + 2) / 2.0; // ranks are 1-based
            for (int k = start; k <= end; k++)
            {
                rank[order[k]] = average;
            }

            double t = end - start + 1;
            tieTerm += t * t * t - t;
            start = end + 1;
        }

        double wPlus = 0, wMinus = 0;
        for (int i = 0; i < n; i++)
        {
            if (d[i] > 0)
            {
                wPlus += rank[i];
            }
            else
            {
                wMinus += rank[i];
            }
        }

        bool ties = tieTerm > 0;
        if (n <= ExactLimit && !ties)
        {
            double p = Math.Min(1.0, 2.0 * ExactLowerTail(n, (int)Math.Min(wPlus, wMinus)));
            return new WilcoxonResult(n, zeros, wPlus, wMinus, p, Exact: true, HasTies: false, Z: null);
        }

        double mean = n * (n + 1) / 4.0;
        double variance = n * (n + 1) * (2.0 * n + 1) / 24.0 - tieTerm / 48.0;
        double z = 0, pValue = 1;
        if (variance > 0)
        {
            double dev = wPlus - mean;
            z = (dev - (0.5 * Math.Sign(dev))) / Math.Sqrt(variance);
            pValue = Math.Min(1.0, 2.0 * Normal.CDF(0, 1, -Math.Abs(z)));
        }

        return new WilcoxonResult(n, zeros, wPlus, wMinus, pValue, Exact: false, HasTies: ties, Z: z);
    }

    /// <summary>P(W+ ≤ <paramref name="t"/>) under the null for n untied pairs: the number of subsets of {1..n} with sum ≤ t over 2^n.</summary>
    internal static double ExactLowerTail(int n, int t)
    {
        int max = n * (n + 1) / 2;
        var count = new double[max + 1]; // exact in double: counts stay below 2^25
        count[0] = 1;
        for (int r = 1; r <= n; r++)
        {
            for (int s = max; s >= r; s--)
            {
                count[s] += count[s - r];
            }
        }

        double below = 0;
        for (int s = 0; s <= Math.Min(t, max); s++)
        {
            below += count[s];
        }

        return below / Math.Pow(2, n);
    }
}
