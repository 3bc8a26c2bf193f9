using LatentSymmetry.Core.Experiments.Statistics;
using ScottPlot;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// The authors' survey figure: a measure against the layer, one line per field (mean over seeds with its 95%
/// t-interval), fields invariant under the group in shades of blue and the others in shades of red, the
/// untrained network dashed grey.
/// </summary>
internal static class SurveyFigure
{
    static readonly string[] Blues = ["#08306b", "#2171b5", "#4292c6", "#6baed6", "#1f77b4", "#17becf", "#3f51b5", "#00838f", "#5e35b1"];
    static readonly string[] Reds = ["#a50f15", "#ef3b2c", "#fb6a4a", "#ff7f0e", "#d62728", "#e377c2", "#8c564b", "#bcbd22", "#c2185b"];

    /// <summary>One field's values: per layer position, the values over seeds.</summary>
    public sealed record FieldLine(string Field, bool Invariant, IReadOnlyList<IReadOnlyList<double>> PerLayer);

    public static void Save(string path, string metric, string groupName, IReadOnlyList<FieldLine> lines, IReadOnlyList<double> reference)
    {
        int positions = lines.Count == 0 ? 1 : lines.Max(l => l.PerLayer.Count);
        var series = new List<LayerProfileSeries>();
        int blue = 0, red = 0;
        foreach (var line in lines)
        {
            var stats = line.PerLayer.Select(v => SummaryStatistics.Of(v.Where(double.IsFinite))).ToArray();
            var color = Color.FromHex(line.Invariant ? Blues[blue++ % Blues.Length] : Reds[red++ % Reds.Length]);
            series.Add(new LayerProfileSeries($"{line.Field}{(line.Invariant ? "" : " (not inv.)")}", color,
                stats.Select(s => s.Mean).ToArray(),
                stats.Select(s => s.Mean - (double.IsFinite(s.Ci95HalfWidth) ? s.Ci95HalfWidth : 0)).ToArray(),
                stats.Select(s => s.Mean + (double.IsFinite(s.Ci95HalfWidth) ? s.Ci95HalfWidth : 0)).ToArray()));
        }
        if (reference.Count > 0) series.Add(new LayerProfileSeries("untrained", FigureStyle.Baseline, [.. reference], Dashed: true));
        bool isMi = metric == "MI";
        var plot = LayerProfilePanel.Build($"{metric} by layer, {groupName}: invariant fields blue, others red", metric, positions, series, [],
            allowLog: !isMi, linearLimits: isMi ? (-0.02, 1.02) : null);
        FigureFile.Save(FigureStyle.Columns(plot), path, FigureFile.FormatOf(path), 1100, 650);
    }

    /// <summary>The mix sweep: the measure at each layer against alpha (alpha on evenly spaced positions).</summary>
    public static void SaveMix(string path, string metric, IReadOnlyList<double> alphas, IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>> perAlphaPerLayer)
    {
        Plot plot = FigureStyle.NewPanel($"{metric} against the mix weight alpha, one line per layer", "alpha  (field = (1 - alpha) a + alpha b)", metric);
        int layers = perAlphaPerLayer.Count == 0 ? 0 : perAlphaPerLayer.Max(a => a.Count);
        var positive = perAlphaPerLayer.SelectMany(a => a.SelectMany(v => v)).Where(double.IsFinite).ToList();
        bool log = metric != "MI" && positive.Count > 0 && positive.All(v => v > 0);
        List<double> ys = [];
        for (int k = 0; k < layers; k++)
        {
            List<double> x = [], y = [];
            for (int a = 0; a < alphas.Count; a++)
            {
                if (k >= perAlphaPerLayer[a].Count) continue;
                var s = SummaryStatistics.Of(perAlphaPerLayer[a][k].Where(double.IsFinite));
                if (!double.IsFinite(s.Mean) || (log && s.Mean <= 0)) continue;
                x.Add(a);
                y.Add(log ? Math.Log10(s.Mean) : s.Mean);
            }
            if (x.Count == 0) continue;
            ys.AddRange(y);
            var line = plot.Add.Scatter(x.ToArray(), y.ToArray(), Color.FromHex(Blues[k % Blues.Length]).MixedWith(Colors.Red, (double)k / Math.Max(1, layers - 1) * 0.8));
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = k == layers - 1 ? "out" : $"layer {k + 1}";
        }
        if (log && ys.Count > 0)
        {
            (double lo, double hi) = LogAxis.Limits(ys);
            plot.Axes.Left.TickGenerator = LogAxis.TickGenerator(lo, hi);
            plot.Axes.SetLimitsY(lo, hi, plot.Axes.Left);
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            [.. alphas.Select((a, i) => Tick.Major(i, a.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)))]);
        plot.Axes.SetLimitsX(-0.3, alphas.Count - 0.7, plot.Axes.Bottom);
        FigureStyle.LegendBelow(plot);
        FigureFile.Save(FigureStyle.Columns(plot), path, FigureFile.FormatOf(path), 1000, 600);
    }
}
