using LatentSymmetry.Core.Dynamics;
using ScottPlot;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// rollout.png: (a) the relative error of each model's rollout against the horizon, in the training region (solid) and
/// from the turned starts (dashed); (b) their ratio, off over in; both axes logarithmic, one colour per run.
/// </summary>
internal sealed class RolloutFigure(IReadOnlyList<(string Name, IReadOnlyList<RolloutRow> Rows)> runs)
{
    /// <summary>The file name <c>latsym rollout</c> writes.</summary>
    public const string DefaultFileName = "rollout.png";

    public void Save(string path) => FigureFile.Save(Build(), path, FigureFile.FormatOf(path), 1200, 520);

    internal Multiplot Build()
    {
        Plot error = FigureStyle.NewPanel("(a) relative rollout error", "steps H", "error");
        Plot ratio = FigureStyle.NewPanel("(b) off-region / in-region error", "steps H", "ratio");
        var errorLogs = new List<double>();
        var ratioLogs = new List<double>();
        for (int i = 0; i < runs.Count; i++)
        {
            var (color, marker) = FigureStyle.Series(i);
            var rows = runs[i].Rows;
            // Panel (a) names the two line styles once; the runs' colours are named under (b), so six runs still fit.
            Line(error, rows, r => r.ErrorInRegion, color, LinePattern.Solid, runs.Count == 1 ? "in region" : null, errorLogs);
            Line(error, rows, r => r.ErrorOffRegion, color, LinePattern.Dashed, runs.Count == 1 ? "turned starts" : null, errorLogs);
            Line(ratio, rows, r => r.Ratio, color, LinePattern.Solid, runs[i].Name, ratioLogs);
        }
        if (runs.Count > 1)
            foreach (var (label, pattern) in new[] { ("in region (solid)", LinePattern.Solid), ("turned starts (dashed)", LinePattern.Dashed) })
                error.Legend.ManualItems.Add(new LegendItem { LabelText = label, LinePattern = pattern, LineWidth = 2, LineColor = Colors.Black });
        int horizon = runs.Max(r => r.Rows.Count);
        foreach (var (plot, logs) in new[] { (error, errorLogs), (ratio, ratioLogs) })
        {
            if (logs.Count == 0)
            {
                FigureStyle.Note(plot, "no finite values to draw");
                continue;
            }
            var (lo, hi) = LogAxis.Limits(logs);
            plot.Axes.Left.TickGenerator = LogAxis.TickGenerator(lo, hi);
            plot.Axes.SetLimitsY(lo, hi, plot.Axes.Left);
            var (xlo, xhi) = LogAxis.Limits(0, Math.Log10(Math.Max(horizon, 2)));
            plot.Axes.Bottom.TickGenerator = LogAxis.TickGenerator(xlo, xhi);
            plot.Axes.SetLimitsX(xlo, xhi, plot.Axes.Bottom);
            FigureStyle.LegendBelow(plot);
        }
        return FigureStyle.Columns(error, ratio);
    }

    static void Line(Plot plot, IReadOnlyList<RolloutRow> rows, Func<RolloutRow, double> value, Color color, LinePattern pattern, string? label, List<double> logs)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var row in rows)
            if (LogAxis.TryLog10(value(row), out double y))
            {
                xs.Add(Math.Log10(row.Horizon));
                ys.Add(y);
                logs.Add(y);
            }
        if (xs.Count == 0) return;
        var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray(), color);
        line.LinePattern = pattern;
        line.LineWidth = 2;
        line.MarkerSize = 0;
        if (label is not null) line.LegendText = label;
    }
}
