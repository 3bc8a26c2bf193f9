using MathNet.Numerics.Distributions;

namespace LatentSymmetry.Core.Experiments.Statistics;

/// <summary>
/// Mean, median, sample standard deviation and the half-width of the 95% confidence interval of the mean,
/// t<sub>0.975, n−1</sub> · s / √n (Student t), of the finite values of a sample. NaN where undefined
/// (no values; n &lt; 2 for the deviation and the interval).
/// </summary>
/// <param name="N">Number of finite values used.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Median">Median (mean of the two middle values for even n).</param>
/// <param name="StandardDeviation">Sample standard deviation (divisor n − 1).</param>
/// <param name="Ci95HalfWidth">Half-width of the two-sided 95% t interval of the mean: the interval is Mean ± Ci95HalfWidth.</param>
public sealed record SummaryStatistics(int N, double Mean, double Median, double StandardDeviation, double Ci95HalfWidth)
{
    /// <summary>Summarises the finite values of <paramref name="values"/>; NaN and infinities are left out.</summary>
    public static SummaryStatistics Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] x = [.. values.Where(double.IsFinite)];
        int n = x.Length;
        if (n == 0)
        {
            return new SummaryStatistics(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double mean = x.Average();
        double sd = double.NaN, half = double.NaN;
        if (n >= 2)
        {
            // Two-pass variance: the losses span orders of magnitude, so avoid the sum-of-squares form.
            double ss = 0;
            foreach (double v in x)
            {
                ss += (v - mean) * (v - mean);
            }

            sd = Math.Sqrt(ss / (n - 1));
            half = TQuantile975(n - 1) * sd / Math.Sqrt(n);
        }

        return new SummaryStatistics(n, mean, MedianOf(x), sd, half);
    }

    /// <summary>The 0.975 quantile of Student's t with <paramref name="degreesOfFreedom"/> degrees of freedom (2.776445 for 4, 2.262157 for 9).</summary>
    public static double TQuantile975(int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        return StudentT.InvCDF(0.0, 1.0, degreesOfFreedom, 0.975);
    }

    /// <summary>Median of the finite values (NaN when there are none).</summary>
    public static double MedianOf(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] x = [.. values.Where(double.IsFinite)];
        if (x.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(x);
        int m = x.Length / 2;
        return x.Length % 2 == 1 ? x[m] : (x[m - 1] + x[m]) / 2;
    }
}
