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
        (double Min, double Max)? linearLimits = null)
    {
        Plot plot = FigureStyle.NewPanel(title, "layer", yLabel);
        var drawnValues = series.SelectMany(s => s.Values.Concat(s.Lower ?? []).Concat(s.Upper ?? [])).Where(double.IsFinite).ToList();
        bool log = allowLog && drawnValues.Count > 0 && series.SelectMany(s => s.Values).Where(double.IsFinite).All(v => v > 0);
        List<double> logs = [];
        foreach (var s in series)
        {
            List<double> xs = [], ys = [], up = [], down = [];
            for (int i = 0; i < Math.Min(positions, s.Values.Length); i++)
            {
                double v = s.Values[i];
                if (!double.IsFinite(v) || (log && v <= 0)) continue;
                double y = log ? Math.Log10(v) : v;
                xs.Add(i + 1);
                ys.Add(y);
                logs.Add(y);
                double lo = s.Lower is { } l && double.IsFinite(l[i]) ? l[i] : v, hi = s.Upper is { } u && double.IsFinite(u[i]) ? u[i] : v;
                double yLo = log ? (lo > 0 ? Math.Log10(lo) : y) : lo, yHi = log ? Math.Log10(Math.Max(hi, v)) : hi;
                down.Add(Math.Max(0, y - yLo));
                up.Add(Math.Max(0, yHi - y));
                logs.Add(y - down[^1]);
                logs.Add(y + up[^1]);
            }
            if (xs.Count == 0) continue;
            if (s.Lower is not null && !s.Dashed)
            {
                var bars = plot.Add.ErrorBar(xs.ToArray(), ys.ToArray(), up.ToArray());
                bars.YErrorNegative = down.ToArray();
                bars.Color = s.Color;
                bars.LineWidth = 1.2f;
                bars.CapSize = 5;
            }
            var line = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), s.Color);
            line.LineWidth = s.Dashed ? 1.5f : 2;
            line.MarkerSize = s.Dashed ? 0 : 7;
            line.LinePattern = s.Dashed ? LinePattern.Dashed : LinePattern.Solid;
            line.LegendText = s.Label;
        }
        foreach (int position in penalisedPositions.Where(p => p > 0).Distinct())
        {
            var marker = plot.Add.VerticalLine(position, 1.5f, Colors.Red.WithAlpha(0.6), LinePattern.Dotted);
            // One legend entry for all the markers.
            marker.LegendText = position == penalisedPositions.Where(p => p > 0).Min() ? (penalisedPositions.Count > 1 ? "penalised layers" : "penalised layer") : "";
        }
        if (log && logs.Count > 0)
        {
            (double lo, double hi) = LogAxis.Limits(logs);
            plot.Axes.Left.TickGenerator = LogAxis.TickGenerator(lo, hi);
            plot.Axes.SetLimitsY(lo, hi, plot.Axes.Left);
        }
        else if (linearLimits is { } limits)
        {
            plot.Axes.SetLimitsY(limits.Min, limits.Max, plot.Axes.Left);
        }
        List<Tick> ticks = [];
        for (int p = 1; p <= positions; p++) ticks.Add(Tick.Major(p, p == positions ? "out" : p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.SetLimitsX(0.6, positions + 0.4, plot.Axes.Bottom);
        if (drawnValues.Count == 0) FigureStyle.Note(plot, "not measured");
        FigureStyle.LegendBelow(plot);
        return plot;
    }
}
