using LatentSymmetry.Core.Dynamics;
using ScottPlot;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// rollout.png: (a) the relative error of each model's rollout against the horizon, in the training region (solid) and
/// from the turned starts (dashed); (b) their ratio, off over in; for a phase-space flow (the two-body problem), (c) the
/// drift of each conserved quantity (energy solid, angular momentum dashed; the truth integrator's in grey); all axes
/// logarithmic, one colour per run.
/// </summary>
internal sealed class RolloutFigure(IReadOnlyList<(string Name, IReadOnlyList<RolloutRow> Rows)> runs)
{
    /// <summary>The file name <c>latsym rollout</c> writes.</summary>
    public const string DefaultFileName = "rollout.png";

    static readonly LinePattern[] QuantityPatterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];

    bool HasDrifts => runs.Any(r => r.Rows.Any(row => row.Drifts.Count > 0));

    public void Save(string path) => FigureFile.Save(Build(), path, FigureFile.FormatOf(path), HasDrifts ? 1800 : 1200, 520);

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
        var panels = new List<(Plot, List<double>)> { (error, errorLogs), (ratio, ratioLogs) };
        if (HasDrifts)
        {
            Plot drift = FigureStyle.NewPanel("(c) drift of conserved quantities", "steps H", "relative drift");
            var driftLogs = new List<double>();
            for (int i = 0; i < runs.Count; i++)
            {
                var (color, _) = FigureStyle.Series(i);
                var rows = runs[i].Rows;
                int count = rows.Count == 0 ? 0 : rows[0].Drifts.Count;
                for (int q = 0; q < count; q++)
                {
                    int k = q;
                    string name = rows[0].Drifts[k].Name.Replace('_', ' ');
                    // As in (a), the quantities' line styles are named once when several runs share the panel.
                    Line(drift, rows, r => r.Drifts[k].Model, color, QuantityPatterns[k % QuantityPatterns.Length], runs.Count == 1 ? name : null, driftLogs);
                    // The truth's drift depends on the starts only, the same for every run given the same seed: drawn once.
                    if (i == 0) Line(drift, rows, r => r.Drifts[k].Truth, Colors.Gray, QuantityPatterns[k % QuantityPatterns.Length], $"truth (RK4), {name}", driftLogs);
                }
            }
            if (runs.Count > 1 && runs[0].Rows.Count > 0)
                for (int k = 0; k < runs[0].Rows[0].Drifts.Count; k++)
                    drift.Legend.ManualItems.Add(new LegendItem
                    {
                        LabelText = runs[0].Rows[0].Drifts[k].Name.Replace('_', ' '), LinePattern = QuantityPatterns[k % QuantityPatterns.Length], LineWidth = 2, LineColor = Colors.Black,
                    });
            panels.Add((drift, driftLogs));
        }
        int horizon = runs.Max(r => r.Rows.Count);
        foreach (var (plot, logs) in panels)
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
        return FigureStyle.Columns([.. panels.Select(p => p.Item1)]);
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
