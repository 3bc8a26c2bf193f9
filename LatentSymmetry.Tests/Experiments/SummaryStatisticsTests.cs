using LatentSymmetry.Core.Experiments.Statistics;

namespace LatentSymmetry.Tests.Experiments;

public class SummaryStatisticsTests
{
    [Test]
    public void Five_values_against_hand_computation()
    {
        // mean 4, median 3, s^2 = (9+4+1+0+36)/4 = 12.5; t_{0.975,4} = 2.776445 (standard t table).
        SummaryStatistics s = SummaryStatistics.Of([10, 1, 3, 2, 4]);
        Assert.That(s.N, Is.EqualTo(5));
        Assert.That(s.Mean, Is.EqualTo(4.0).Within(1e-15));
        Assert.That(s.Median, Is.EqualTo(3.0));
        Assert.That(s.StandardDeviation, Is.EqualTo(Math.Sqrt(12.5)).Within(1e-14));
        Assert.That(s.Ci95HalfWidth, Is.EqualTo(2.776445 * Math.Sqrt(12.5 / 5)).Within(1e-5));
    }

    [Test]
    public void Ten_values_against_hand_computation()
    {
        // 1..10: mean = median = 5.5, s^2 = n(n+1)/12 = 110/12; t_{0.975,9} = 2.262157.
        SummaryStatistics s = SummaryStatistics.Of([.. Enumerable.Range(1, 10).Select(i => (double)i)]);
        Assert.That(s.Mean, Is.EqualTo(5.5));
        Assert.That(s.Median, Is.EqualTo(5.5));
        Assert.That(s.Ci95HalfWidth, Is.EqualTo(2.262157 * Math.Sqrt(110.0 / 12 / 10)).Within(1e-5));
    }

    [TestCase(4, 2.776445)]
    [TestCase(9, 2.262157)]
    [TestCase(1, 12.706205)]
    public void T_quantile_matches_the_table(int df, double expected)
    {
        Assert.That(SummaryStatistics.TQuantile975(df), Is.EqualTo(expected).Within(1e-6));
    }

    [Test]
    public void Non_finite_values_are_left_out()
    {
        SummaryStatistics s = SummaryStatistics.Of([1, double.NaN, 3, double.PositiveInfinity]);
        Assert.That(s.N, Is.EqualTo(2));
        Assert.That(s.Mean, Is.EqualTo(2));
    }

    [Test]
    public void Undefined_statistics_are_nan()
    {
        SummaryStatistics one = SummaryStatistics.Of([2.5]);
        Assert.That((one.N, one.Mean, one.Median), Is.EqualTo((1, 2.5, 2.5)));
        Assert.That(double.IsNaN(one.Ci95HalfWidth) && double.IsNaN(one.StandardDeviation), Is.True);
        Assert.That(double.IsNaN(SummaryStatistics.Of([]).Mean), Is.True);
    }
}
