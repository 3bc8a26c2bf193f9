using LatentSymmetry.Core.Experiments.Statistics;
using MathNet.Numerics.Distributions;

namespace LatentSymmetry.Tests.Experiments;

public class WilcoxonSignedRankTests
{
    // Hollander & Wolfe (1999), Nonparametric Statistical Methods, 2nd ed., Example 3.1 (Hamilton depression scale factor IV,
    // first vs second visit, n = 9), the example of R's ?wilcox.test: V = W+ = 40, one-sided p = 0.01953 = 10/512,
    // so the two-sided p is 20/512 = 0.0390625.
    private static readonly double[] FirstVisit = [1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30];
    private static readonly double[] SecondVisit = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];

    [Test]
    public void Textbook_example_has_the_published_statistic_and_exact_p()
    {
        WilcoxonResult r = WilcoxonSignedRank.Test(FirstVisit, SecondVisit);
        Assert.That(r.N, Is.EqualTo(9));
        Assert.That(r.WPlus, Is.EqualTo(40));
        Assert.That(r.WMinus, Is.EqualTo(5));
        Assert.That(r.Statistic, Is.EqualTo(5));
        Assert.That(r.Exact, Is.True);
        Assert.That(r.PValue, Is.EqualTo(20.0 / 512).Within(1e-15));
        Assert.That(r.PValue, Is.EqualTo(EnumeratedTwoSidedP(9, 40)).Within(1e-15));
    }

    [Test]
    public void Exact_p_agrees_with_enumerating_every_sign_assignment()
    {
        // Independent method: walk all 2^n sign assignments of ranks 1..n and count those at least as extreme.
        double[] d = [0.3, -1.7, 2.2, 0.9, -0.05, 1.1, 3.4, -0.6, 0.45, 2.9, -2.5, 1.6];
        foreach (int n in new[] { 1, 2, 5, 8, 12 })
        {
            double[] x = d[..n];
            WilcoxonResult r = WilcoxonSignedRank.Test(x, new double[n]);
            Assert.That(r.Exact, Is.True);
            Assert.That(r.PValue, Is.EqualTo(EnumeratedTwoSidedP(n, r.WPlus)).Within(1e-14), $"n = {n}");
        }
    }

    [Test]
    public void Ties_use_the_normal_approximation_with_tie_and_continuity_correction()
    {
        // d = 1, 2, 2, -3, 4, 4, 4, 5, -6, 7, 8, 0. Drop the zero: n = 11. Ranks of |d|: 1; 2.5, 2.5; 4; 6, 6, 6; 8; 9; 10; 11.
        // W- = 4 + 9 = 13, W+ = 66 - 13 = 53. mean = 11*12/4 = 33. var = 11*12*23/24 - ((2^3-2) + (3^3-3))/48 = 126.5 - 0.625.
        // z = (53 - 33 - 0.5) / sqrt(125.875).
        double[] d = [1, 2, 2, -3, 4, 4, 4, 5, -6, 7, 8, 0];
        WilcoxonResult r = WilcoxonSignedRank.Test(d, new double[d.Length]);
        double z = 19.5 / Math.Sqrt(125.875);
        Assert.That((r.N, r.Zeros, r.WPlus, r.WMinus, r.Exact, r.HasTies), Is.EqualTo((11, 1, 53.0, 13.0, false, true)));
        Assert.That(r.Z!.Value, Is.EqualTo(z).Within(1e-12));
        Assert.That(r.PValue, Is.EqualTo(2 * (1 - Normal.CDF(0, 1, z))).Within(1e-12));
        Assert.That(r.PValue, Is.EqualTo(0.0822).Within(5e-4));
    }

    [Test]
    public void More_than_25_pairs_use_the_normal_approximation()
    {
        double[] d = [.. Enumerable.Range(1, 30).Select(i => i % 3 == 0 ? -i : (double)i)];
        WilcoxonResult r = WilcoxonSignedRank.Test(d, new double[30]);
        Assert.That(r.Exact, Is.False);
        double mean = 30 * 31 / 4.0, sd = Math.Sqrt(30 * 31 * 61 / 24.0);
        Assert.That(r.PValue, Is.EqualTo(2 * Normal.CDF(0, 1, -(Math.Abs(r.WPlus - mean) - 0.5) / sd)).Within(1e-12));
    }

    [Test]
    public void All_zero_differences_give_p_one()
    {
        WilcoxonResult r = WilcoxonSignedRank.Test([1, 2, 3], [1, 2, 3]);
        Assert.That((r.N, r.Zeros, r.PValue), Is.EqualTo((0, 3, 1.0)));
    }

    [Test]
    public void Swapping_the_samples_keeps_the_p_value()
    {
        WilcoxonResult a = WilcoxonSignedRank.Test(FirstVisit, SecondVisit), b = WilcoxonSignedRank.Test(SecondVisit, FirstVisit);
        Assert.That((b.WPlus, b.WMinus, b.PValue), Is.EqualTo((a.WMinus, a.WPlus, a.PValue)));
    }

    private static double EnumeratedTwoSidedP(int n, double wPlus)
    {
        double total = n * (n + 1) / 2.0, observed = Math.Abs(wPlus - total / 2);
        long extreme = 0;
        for (long mask = 0; mask < 1L << n; mask++)
        {
            double w = 0;
            for (int r = 1; r <= n; r++)
            {
                if ((mask & (1L << (r - 1))) != 0)
                {
                    w += r;
                }
            }

            if (Math.Abs(w - total / 2) >= observed)
            {
                extreme++;
            }
        }

        return Math.Min(1.0, extreme / Math.Pow(2, n));
    }
}
