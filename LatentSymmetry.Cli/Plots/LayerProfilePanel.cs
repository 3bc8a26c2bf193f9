using ScottPlot;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// One panel of a measure against the layer: positions 1..L for the hidden layers and L+1 labelled "out",
/// on a log axis when every drawn value is positive (else linear), with the penalised layers marked.
/// </summary>
internal static class LayerProfilePanel
{
    /// <summary>
    /// A panel titled <paramref name="title"/> of <paramref name="series"/> over <paramref name="positions"/>
    /// layer positions; each of <paramref name="penalisedPositions"/> (1-based; empty for none) gets a vertical marker.
    /// </summary>
    public static Plot Build(string title, string yLabel, int positions, IReadOnlyList<LayerProfileSeries> series, IReadOnlyList<int> penalisedPositions, bool allowLog = true,
        (double Min, double Max)? linearLimits = null, bool legend = true, double dodge = 0)
    {
        Plot plot = FigureStyle.NewPanel(title, "layer", yLabel);
        var drawnValues = series.SelectMany(s => s.Values.Concat(s.Lower ?? []).Concat(s.Upper ?? [])).Where(double.IsFinite).ToList();
        bool log = allowLog && drawnValues.Count > 0 && series.SelectMany(s => s.Values).Where(double.IsFinite).All(v => v > 0);

        // On a log axis the limits come first: an interval reaching zero is cut at the axis bottom and marked.
        (double lo, double hi) = (double.NaN, double.NaN);
        if (log)
        {
            List<double> logs = [];
            foreach (var s in series)
            {
                for (int i = 0; i < Math.Min(positions, s.Values.Length); i++)
                    logs.AddRange(LogIntervalBars.Ends(s.Values[i], At(s.Lower, i, s.Values[i]), At(s.Upper, i, s.Values[i])));
            }
            (lo, hi) = LogAxis.Limits(logs);
            plot.Axes.Left.TickGenerator = LogAxis.TickGenerator(lo, hi);
            plot.Axes.SetLimitsY(lo, hi, plot.Axes.Left);
        }
        else if (linearLimits is { } limits)
        {
            plot.Axes.SetLimitsY(limits.Min, limits.Max, plot.Axes.Left);
        }

        int barred = series.Count(s => s.Lower is not null && !s.Dashed), index = 0;
        foreach (var s in series)
        {
            // Lines with intervals are dodged sideways by dodge (in layers) each, so their bars at one layer stay apart.
            double shift = s.Lower is not null && !s.Dashed ? (index++ - (barred - 1) / 2.0) * dodge : 0;
            List<LogIntervalBars.Bar> bars = [];
            for (int i = 0; i < Math.Min(positions, s.Values.Length); i++)
            {
                double v = s.Values[i];
                if (!double.IsFinite(v))
                    continue;
                double lower = At(s.Lower, i, v), upper = At(s.Upper, i, v);
                if (log)
                {
                    if (LogIntervalBars.TryBar(i + 1 + shift, v, lower, upper, lo, out LogIntervalBars.Bar bar))
                        bars.Add(bar);
                }
                else
                {
                    bars.Add(new LogIntervalBars.Bar(i + 1 + shift, v, Math.Max(0, v - lower), Math.Max(0, upper - v), false));
                }
            }
            if (bars.Count == 0) continue;
            double[] xs = [.. bars.Select(b => b.X)], ys = [.. bars.Select(b => b.Y)];
            if (s.Lower is not null && !s.Dashed)
            {
                if (log)
                {
                    LogIntervalBars.Add(plot, bars, s.Color, lo, hi);
                }
                else
                {
                    var errorBar = plot.Add.ErrorBar(xs, ys, [.. bars.Select(b => b.Up)]);
                    errorBar.YErrorNegative = [.. bars.Select(b => b.Down)];
                    errorBar.Color = s.Color;
                    errorBar.LineWidth = 1.2f;
                    errorBar.CapSize = 5;
                }
            }
            var line = plot.Add.Scatter(xs, ys, s.Color);
            line.LineWidth = s.Dashed ? 1.5f : 2;
            line.MarkerSize = s.Dashed ? 0 : 7;
            line.MarkerShape = s.Marker;
            line.LinePattern = s.Dashed ? LinePattern.Dashed : s.Pattern;
            line.LegendText = s.Label;
        }
        foreach (int position in penalisedPositions.Where(p => p > 0).Distinct())
        {
            var marker = plot.Add.VerticalLine(position, 1.5f, Colors.Red.WithAlpha(0.6), LinePattern.Dotted);
            // One legend entry for all the markers.
            marker.LegendText = position == penalisedPositions.Where(p => p > 0).Min() ? (penalisedPositions.Count > 1 ? "penalised layers" : "penalised layer") : "";
        }
        List<Tick> ticks = [];
        for (int p = 1; p <= positions; p++) ticks.Add(Tick.Major(p, p == positions ? "out" : p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.SetLimitsX(0.6, positions + 0.4, plot.Axes.Bottom);
        if (drawnValues.Count == 0) FigureStyle.Note(plot, "not measured");
        if (legend) FigureStyle.LegendBelow(plot);
        else plot.HideLegend();
        return plot;
    }

    /// <summary>The interval end at <paramref name="i"/>, or <paramref name="value"/> when there is none or it is not finite.</summary>
    static double At(double[]? ends, int i, double value) => ends is not null && i < ends.Length && double.IsFinite(ends[i]) ? ends[i] : value;
}
