using ScottPlot;
using ScottPlot.Plottables;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// Interval bars on a log10 axis. A t-interval of a positive mean can reach zero or below, where a log axis has no
/// place: such a bar is cut at the bottom of the axis and its end marked with <see cref="FigureStyle.ClippedMarker"/>,
/// never drawn as if the interval ended there, and the legend says so.
/// </summary>
internal static class LogIntervalBars
{
    /// <summary>One bar in log10 units: the mean at <paramref name="Y"/>, reaching <paramref name="Down"/> below and <paramref name="Up"/> above it.</summary>
    /// <param name="X">Position on the horizontal axis.</param>
    /// <param name="Y">log10 of the mean.</param>
    /// <param name="Down">Length below <paramref name="Y"/>, in decades (to the axis bottom when <paramref name="Clipped"/>).</param>
    /// <param name="Up">Length above <paramref name="Y"/>, in decades.</param>
    /// <param name="Clipped">The interval's lower end is at or below zero (or below the axis): cut at the axis bottom.</param>
    public readonly record struct Bar(double X, double Y, double Down, double Up, bool Clipped);

    /// <summary>
    /// The bar of a positive <paramref name="mean"/> with interval [<paramref name="lower"/>, <paramref name="upper"/>] (values, not
    /// logs) on an axis whose bottom is <paramref name="axisBottom"/> (log10); non-finite ends collapse to the mean.
    /// False when the mean itself cannot sit on a log axis.
    /// </summary>
    public static bool TryBar(double x, double mean, double lower, double upper, double axisBottom, out Bar bar)
    {
        bar = default;
        if (!LogAxis.TryLog10(mean, out double y))
            return false;
        double up = LogAxis.TryLog10(Math.Max(upper, mean), out double hi) ? hi - y : 0;
        bool clipped = double.IsFinite(lower) && lower <= 0;
        double down = 0;
        if (clipped)
        {
            down = Math.Max(0, y - axisBottom);
        }
        else if (LogAxis.TryLog10(Math.Min(lower, mean), out double lo))
        {
            clipped = lo < axisBottom;
            down = y - Math.Max(lo, axisBottom);
        }
        bar = new Bar(x, y, down, up, clipped);
        return true;
    }

    /// <summary>log10 of the mean and of the interval ends a log axis can show, for the axis limits.</summary>
    public static IEnumerable<double> Ends(double mean, double lower, double upper)
    {
        if (!LogAxis.TryLog10(mean, out double y))
            yield break;
        yield return y;
        if (LogAxis.TryLog10(upper, out double hi))
            yield return hi;
        if (LogAxis.TryLog10(lower, out double lo))
            yield return lo;
    }

    /// <summary>
    /// Draws <paramref name="bars"/> in <paramref name="color"/> on an axis spanning [<paramref name="axisBottom"/>,
    /// <paramref name="axisTop"/>], a marker at the foot of each clipped one; the legend entry for the marker is added once per plot.
    /// </summary>
    public static ErrorBar? Add(Plot plot, IReadOnlyList<Bar> bars, Color color, double axisBottom, double axisTop)
    {
        if (bars.Count == 0)
            return null;
        ErrorBar errorBar = plot.Add.ErrorBar(bars.Select(b => b.X).ToArray(), bars.Select(b => b.Y).ToArray(), bars.Select(b => b.Up).ToArray());
        errorBar.YErrorNegative = bars.Select(b => b.Down).ToArray();
        errorBar.Color = color;
        errorBar.LineWidth = 1.2f;
        errorBar.CapSize = 5;
        Bar[] clipped = [.. bars.Where(b => b.Clipped)];
        if (clipped.Length > 0)
        {
            // Just inside the data area, so the whole triangle shows.
            double foot = axisBottom + 0.025 * (axisTop - axisBottom);
            Markers markers = plot.Add.Markers(clipped.Select(b => b.X).ToArray(), clipped.Select(_ => foot).ToArray(), FigureStyle.ClippedMarker, 9, color);
            markers.LegendText = "";
            if (!plot.Legend.ManualItems.Any(i => i.LabelText == FigureStyle.ClippedLegend))
            {
                plot.Legend.ManualItems.Add(new LegendItem
                {
                    LabelText = FigureStyle.ClippedLegend,
                    MarkerShape = FigureStyle.ClippedMarker,
                    MarkerSize = 9,
                    MarkerColor = Colors.DimGray,
                });
            }
        }
        return errorBar;
    }
}
