using ScottPlot;
using ScottPlot.TickGenerators;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// A base-10 logarithmic axis drawn on ScottPlot's linear axis: data go in as log10 values and the ticks are
/// labelled as powers of ten, with unlabelled minor ticks at 2..9 times each decade.
/// </summary>
internal static class LogAxis
{
    /// <summary>Most labelled decades on one axis; beyond this only every second (third, ...) decade is labelled.</summary>
    const int MaxLabelledDecades = 8;

    /// <summary>log10 of <paramref name="value"/>, or false when the value cannot sit on a log axis (zero, negative, NaN, infinite).</summary>
    public static bool TryLog10(double value, out double log)
    {
        if (double.IsFinite(value) && value > 0)
        {
            log = Math.Log10(value);
            return true;
        }
        log = double.NaN;
        return false;
    }

    /// <summary>
    /// Axis limits in log10 units around data spanning [<paramref name="minLog"/>, <paramref name="maxLog"/>]: a
    /// margin of 5 % of the span (at least 0.05 decade) on each side, widened to whole decades when fewer than two
    /// decade ticks would be visible, so every log axis carries at least two labelled powers of ten.
    /// </summary>
    public static (double Min, double Max) Limits(double minLog, double maxLog)
    {
        if (!double.IsFinite(minLog) || !double.IsFinite(maxLog))
            return (-1, 0);
        if (minLog > maxLog)
            (minLog, maxLog) = (maxLog, minLog);
        double margin = Math.Max(0.05 * (maxLog - minLog), 0.05);
        double lo = minLog - margin, hi = maxLog + margin;
        if (Math.Floor(hi) - Math.Ceiling(lo) < 1)
        {
            lo = Math.Floor(lo);
            hi = Math.Ceiling(hi);
        }
        return (lo, hi);
    }

    /// <summary>Limits (see <see cref="Limits(double, double)"/>) around the finite entries of <paramref name="logs"/>, or (-1, 0) when there are none.</summary>
    public static (double Min, double Max) Limits(IEnumerable<double> logs)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double log in logs)
        {
            if (!double.IsFinite(log))
                continue;
            min = Math.Min(min, log);
            max = Math.Max(max, log);
        }
        return Limits(min, max);
    }

    /// <summary>
    /// Decade ticks for the log10 range [<paramref name="min"/>, <paramref name="max"/>]. Ticks below
    /// <paramref name="firstDecade"/> are left out, which keeps room for a separately labelled zero.
    /// </summary>
    public static List<Tick> Ticks(double min, double max, double firstDecade = double.NegativeInfinity)
    {
        List<Tick> ticks = [];
        int lowest = (int)Math.Ceiling(Math.Max(min, firstDecade));
        int highest = (int)Math.Floor(max);
        int count = highest - lowest + 1;
        int step = count <= MaxLabelledDecades ? 1 : (count + MaxLabelledDecades - 1) / MaxLabelledDecades;
        for (int decade = lowest; decade <= highest; decade++)
        {
            // Label a fixed lattice of decades (multiples of step) so labels do not shift when the range does.
            if (decade % step == 0)
                ticks.Add(Tick.Major(decade, PowerOfTen(decade)));
            else
                ticks.Add(Tick.Minor(decade));
        }
        if (step == 1)
        {
            for (int decade = lowest - 1; decade <= highest; decade++)
            {
                for (int k = 2; k <= 9; k++)
                {
                    double position = decade + Math.Log10(k);
                    if (position >= min && position <= max && position >= firstDecade)
                        ticks.Add(Tick.Minor(position));
                }
            }
        }
        return ticks;
    }

    /// <summary>A fixed tick generator holding <see cref="Ticks"/> for [<paramref name="min"/>, <paramref name="max"/>] plus any <paramref name="extraTicks"/>.</summary>
    public static NumericManual TickGenerator(double min, double max, IEnumerable<Tick>? extraTicks = null, double firstDecade = double.NegativeInfinity)
    {
        List<Tick> ticks = Ticks(min, max, firstDecade);
        if (extraTicks is not null)
            ticks.AddRange(extraTicks);
        return new NumericManual([.. ticks]);
    }

    /// <summary>"10⁻³"-style label: the exponent in Unicode superscripts, with U+207B as the minus sign.</summary>
    public static string PowerOfTen(int exponent)
    {
        const string digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        string magnitude = Math.Abs(exponent).ToString(System.Globalization.CultureInfo.InvariantCulture);
        System.Text.StringBuilder label = new("10");
        if (exponent < 0)
            label.Append('⁻');
        foreach (char c in magnitude)
            label.Append(digits[c - '0']);
        return label.ToString();
    }
}
