using ScottPlot;
using ScottPlot.TickGenerators;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// A base-10 logarithmic axis drawn on ScottPlot's linear axis: data go in as log10 values and the ticks are
/// labelled as powers of ten, with unlabelled minor ticks at 2..9 times each decade.
/// </summary>
internal static class LogAxis
{
    /// <summary>Most labelled decades on one axis by default; beyond this only every second (third, ...) decade is labelled.</summary>
    public const int MaxLabelledDecades = 8;

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

    /// <summary>Narrowest axis in decades: any window this wide holds at least two of the ticks 1..9 x 10^k, so it is labelled twice.</summary>
    const double MinimumSpan = 0.35;

    /// <summary>
    /// Axis limits in log10 units around data spanning [<paramref name="minLog"/>, <paramref name="maxLog"/>]: a
    /// margin of 5 % of the span (at least 0.05 decade) on each side, widened about the middle to
    /// <see cref="MinimumSpan"/> decades when narrower. The limits fit the data rather than whole decades; an axis with
    /// fewer than two powers of ten in view has its 2..9 ticks labelled instead (see <see cref="Ticks"/>).
    /// </summary>
    public static (double Min, double Max) Limits(double minLog, double maxLog)
    {
        if (!double.IsFinite(minLog) || !double.IsFinite(maxLog))
            return (-1, 0);
        if (minLog > maxLog)
            (minLog, maxLog) = (maxLog, minLog);
        double margin = Math.Max(0.05 * (maxLog - minLog), 0.05);
        double lo = minLog - margin, hi = maxLog + margin;
        if (hi - lo < MinimumSpan)
        {
            double middle = (lo + hi) / 2;
            (lo, hi) = (middle - MinimumSpan / 2, middle + MinimumSpan / 2);
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
    /// <paramref name="firstDecade"/> are left out, which keeps room for a separately labelled zero. Beyond
    /// <paramref name="maxLabelledDecades"/> decades only every second (third, ...) decade is labelled; with fewer than two
    /// decades in view the ticks at 2, 3 and 5 times a power of ten (every one of 2..9 in a narrow range) are labelled
    /// too, so every axis carries at least two numbers.
    /// </summary>
    public static List<Tick> Ticks(double min, double max, double firstDecade = double.NegativeInfinity, int maxLabelledDecades = MaxLabelledDecades)
    {
        List<Tick> ticks = [];
        int lowest = (int)Math.Ceiling(Math.Max(min, firstDecade));
        int highest = (int)Math.Floor(max);
        int count = highest - lowest + 1;
        int step = count <= maxLabelledDecades ? 1 : (count + maxLabelledDecades - 1) / maxLabelledDecades;
        for (int decade = lowest; decade <= highest; decade++)
        {
            // Label a fixed lattice of decades (multiples of step) so labels do not shift when the range does; beside
            // labelled 2..9 ticks, a decade is written the way its neighbours are.
            if (decade % step == 0)
                ticks.Add(Tick.Major(decade, count < 2 && IsPlain(decade) ? Multiple(1, decade) : PowerOfTen(decade)));
            else
                ticks.Add(Tick.Minor(decade));
        }
        if (step == 1)
        {
            bool labelMinor = count < 2;
            bool labelAll = max - min < 0.6;
            for (int decade = lowest - 1; decade <= highest; decade++)
            {
                for (int k = 2; k <= 9; k++)
                {
                    double position = decade + Math.Log10(k);
                    if (position < min || position > max || position < firstDecade)
                        continue;
                    ticks.Add(labelMinor && (labelAll || k is 2 or 3 or 5) ? Tick.Major(position, Multiple(k, decade)) : Tick.Minor(position));
                }
                // In a narrow range the gap from 1 to 2 holds no tick; 1.5 fills it.
                double oneAndHalf = decade + Math.Log10(1.5);
                if (labelMinor && labelAll && oneAndHalf >= min && oneAndHalf <= max && oneAndHalf >= firstDecade)
                    ticks.Add(Tick.Major(oneAndHalf, Multiple(1.5, decade)));
            }
        }
        return ticks;
    }

    /// <summary>
    /// The label of k times 10^exponent among labelled 2..9 ticks: a plain number from 0.01 to 1000 ("0.02", "5", "300"),
    /// else "2×10⁻³".
    /// </summary>
    static string Multiple(double k, int exponent) =>
        IsPlain(exponent)
            ? (k * Math.Pow(10, exponent)).ToString("G4", System.Globalization.CultureInfo.InvariantCulture)
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{k}×{PowerOfTen(exponent)}");

    /// <summary>Numbers of this decade are short written out (0.01 to 9000).</summary>
    static bool IsPlain(int exponent) => exponent is >= -2 and <= 3;

    /// <summary>A fixed tick generator holding <see cref="Ticks"/> for [<paramref name="min"/>, <paramref name="max"/>] plus any <paramref name="extraTicks"/>.</summary>
    public static NumericManual TickGenerator(double min, double max, IEnumerable<Tick>? extraTicks = null, double firstDecade = double.NegativeInfinity,
        int maxLabelledDecades = MaxLabelledDecades)
    {
        List<Tick> ticks = Ticks(min, max, firstDecade, maxLabelledDecades);
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
