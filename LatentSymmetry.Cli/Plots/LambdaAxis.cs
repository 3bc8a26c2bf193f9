using ScottPlot;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// A log10 lambda_max axis that still shows lambda_max = 0: zero sits one decade below the decade of the smallest
/// positive value, labelled "0", with no decade ticks between it and the first positive decade.
/// </summary>
internal sealed class LambdaAxis
{
    readonly double zeroPosition;
    readonly bool hasZero;
    readonly double min, max;

    LambdaAxis(double zeroPosition, bool hasZero, double min, double max)
    {
        this.zeroPosition = zeroPosition;
        this.hasZero = hasZero;
        this.min = min;
        this.max = max;
    }

    /// <summary>The axis for the given lambda_max values; negative and non-finite values are ignored.</summary>
    public static LambdaAxis For(IEnumerable<double> lambdas)
    {
        double smallest = double.PositiveInfinity, largest = double.NegativeInfinity;
        bool hasZero = false;
        foreach (double lambda in lambdas)
        {
            if (lambda == 0)
                hasZero = true;
            else if (LogAxis.TryLog10(lambda, out double log))
            {
                smallest = Math.Min(smallest, log);
                largest = Math.Max(largest, log);
            }
        }
        if (smallest > largest)
            return new LambdaAxis(0, hasZero, -0.5, 0.5);
        (double lo, double hi) = LogAxis.Limits(smallest, largest);
        double zero = Math.Floor(smallest) - 1;
        return new LambdaAxis(zero, hasZero, hasZero ? zero - 0.4 : lo, hi);
    }

    /// <summary>Where <paramref name="lambda"/> goes on the axis (log10 units), or false when it cannot be placed.</summary>
    public bool TryPosition(double lambda, out double x)
    {
        if (lambda == 0)
        {
            x = zeroPosition;
            return true;
        }
        return LogAxis.TryLog10(lambda, out x);
    }

    /// <summary>Sets the bottom axis of <paramref name="plot"/>: limits, decade ticks and the "0" tick.</summary>
    public void Apply(Plot plot)
    {
        Tick[] zero = hasZero ? [Tick.Major(zeroPosition, "0")] : [];
        plot.Axes.Bottom.TickGenerator = LogAxis.TickGenerator(min, max, zero, firstDecade: hasZero ? zeroPosition + 1 : double.NegativeInfinity);
        plot.Axes.SetLimitsX(min, max, plot.Axes.Bottom);
    }
}
