using System.Globalization;
using LatentSymmetry.Core.Experiments.Statistics;
using ScottPlot;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// The authors' survey figure: a measure against the layer, one line per field (mean over seeds with its 95%
/// t-interval), each field in a colour and marker of its own (Wong's colour-blind-safe palette), fields invariant
/// under the group solid and the others dotted with open markers, the untrained network dashed grey. The log axis
/// fits the data, and an interval reaching zero is cut at its bottom and marked. Also the mix sweep (<see cref="SaveMix"/>).
/// </summary>
internal static class SurveyFigure
{
    /// <summary>One field's values: per layer position, the values over seeds.</summary>
    public sealed record FieldLine(string Field, bool Invariant, IReadOnlyList<IReadOnlyList<double>> PerLayer);

    /// <summary>Writes survey.png to <paramref name="path"/>.</summary>
    public static void Save(string path, string metric, string groupName, IReadOnlyList<FieldLine> lines, IReadOnlyList<double> reference) =>
        FigureFile.Save(FigureStyle.Columns(Build(metric, groupName, lines, reference)), path, FigureFile.FormatOf(path), 1100, 650);

    /// <summary>survey.png as an SVG document.</summary>
    public static string Svg(string metric, string groupName, IReadOnlyList<FieldLine> lines, IReadOnlyList<double> reference) =>
        FigureFile.Svg(FigureStyle.Columns(Build(metric, groupName, lines, reference)), 1100, 650);

    internal static Plot Build(string metric, string groupName, IReadOnlyList<FieldLine> lines, IReadOnlyList<double> reference)
    {
        int positions = lines.Count == 0 ? 1 : lines.Max(l => l.PerLayer.Count);
        var series = new List<LayerProfileSeries>();
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var stats = line.PerLayer.Select(v => SummaryStatistics.Of(v.Where(double.IsFinite))).ToArray();
            (Color color, MarkerShape marker) = FigureStyle.Series(i);
            series.Add(new LayerProfileSeries($"{line.Field}{(line.Invariant ? "" : " (not inv.)")}", color,
                stats.Select(s => s.Mean).ToArray(),
                stats.Select(s => s.Mean - (double.IsFinite(s.Ci95HalfWidth) ? s.Ci95HalfWidth : 0)).ToArray(),
                stats.Select(s => s.Mean + (double.IsFinite(s.Ci95HalfWidth) ? s.Ci95HalfWidth : 0)).ToArray())
            {
                Marker = line.Invariant ? marker : Open(marker),
                Pattern = line.Invariant ? LinePattern.Solid : LinePattern.Dotted,
            });
        }
        if (reference.Count > 0) series.Add(new LayerProfileSeries("untrained", FigureStyle.Baseline, [.. reference], Dashed: true));
        bool isMi = metric == "MI";
        return LayerProfilePanel.Build($"{metric} by layer, {groupName}: fields invariant under {groupName} solid, others dotted (mean ± 95% CI over seeds)",
            metric, positions, series, [], allowLog: !isMi, linearLimits: isMi ? (-0.02, 1.02) : null, dodge: Math.Min(0.05, 0.5 / Math.Max(1, lines.Count)));
    }

    /// <summary>Writes mix.png to <paramref name="path"/>: the measure at each layer against alpha (see <see cref="BuildMix"/>).</summary>
    public static void SaveMix(string path, string metric, IReadOnlyList<double> alphas, IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>> perAlphaPerLayer,
        string fieldA, string fieldB) =>
        FigureFile.Save(FigureStyle.Columns(BuildMix(metric, alphas, perAlphaPerLayer, fieldA, fieldB)), path, FigureFile.FormatOf(path), 1000, 600);

    /// <summary>mix.png as an SVG document.</summary>
    public static string MixSvg(string metric, IReadOnlyList<double> alphas, IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>> perAlphaPerLayer,
        string fieldA, string fieldB) =>
        FigureFile.Svg(FigureStyle.Columns(BuildMix(metric, alphas, perAlphaPerLayer, fieldA, fieldB)), 1000, 600);

    /// <summary>
    /// The mix sweep: the measure at each layer (mean over seeds with its 95% t-interval) against alpha in
    /// (1 - alpha) a + alpha b, the title naming a and b. Alpha is on a log axis (0 shown one decade below the smallest
    /// positive decade, as lambda_max in compare.png) when its positive values span a decade or more, where a linear
    /// axis would crowd 0.01 to 0.3 against 0; else on a linear axis.
    /// </summary>
    internal static Plot BuildMix(string metric, IReadOnlyList<double> alphas, IReadOnlyList<IReadOnlyList<IReadOnlyList<double>>> perAlphaPerLayer,
        string fieldA, string fieldB)
    {
        bool logAlpha = UsesLogAlpha(alphas);
        Plot plot = FigureStyle.NewPanel($"{metric} against alpha in (1 − alpha) a + alpha b\na = {fieldA},  b = {fieldB}",
            logAlpha ? "alpha (log axis)" : "alpha", metric);
        plot.Axes.Title.Label.FontSize = 14;
        int layers = perAlphaPerLayer.Count == 0 ? 0 : perAlphaPerLayer.Max(a => a.Count);
        var stats = new SummaryStatistics[alphas.Count, layers];
        for (int a = 0; a < alphas.Count; a++)
            for (int k = 0; k < layers; k++)
                stats[a, k] = SummaryStatistics.Of(k < perAlphaPerLayer[a].Count ? perAlphaPerLayer[a][k].Where(double.IsFinite) : []);
        var means = stats.Cast<SummaryStatistics>().Select(s => s.Mean).Where(double.IsFinite).ToList();
        bool log = metric != "MI" && means.Count > 0 && means.All(v => v > 0);

        LambdaAxis? alphaAxis = logAlpha ? LambdaAxis.For(alphas) : null;
        double Position(double alpha) => alphaAxis is not null && alphaAxis.TryPosition(alpha, out double x) ? x : alpha;

        (double lo, double hi) = (double.NaN, double.NaN);
        if (log)
        {
            List<double> logs = [];
            foreach (SummaryStatistics s in stats)
                logs.AddRange(LogIntervalBars.Ends(s.Mean, s.Mean - Half(s), s.Mean + Half(s)));
            (lo, hi) = LogAxis.Limits(logs);
            plot.Axes.Left.TickGenerator = LogAxis.TickGenerator(lo, hi);
            plot.Axes.SetLimitsY(lo, hi, plot.Axes.Left);
        }
        for (int k = 0; k < layers; k++)
        {
            (Color color, MarkerShape marker) = FigureStyle.Series(k);
            // Layers dodged by a small step so their intervals at one alpha stay apart.
            double dodge = (k - (layers - 1) / 2.0) * (logAlpha ? 0.02 : 0.004);
            List<LogIntervalBars.Bar> bars = [];
            for (int a = 0; a < alphas.Count; a++)
            {
                SummaryStatistics s = stats[a, k];
                double x = Position(alphas[a]) + dodge;
                if (log)
                {
                    if (LogIntervalBars.TryBar(x, s.Mean, s.Mean - Half(s), s.Mean + Half(s), lo, out var bar))
                        bars.Add(bar);
                }
                else if (double.IsFinite(s.Mean))
                {
                    bars.Add(new LogIntervalBars.Bar(x, s.Mean, Half(s), Half(s), false));
                }
            }
            if (bars.Count == 0) continue;
            bars.Sort((p, q) => p.X.CompareTo(q.X));
            if (log)
            {
                LogIntervalBars.Add(plot, bars, color, lo, hi);
            }
            else
            {
                var errorBar = plot.Add.ErrorBar([.. bars.Select(b => b.X)], [.. bars.Select(b => b.Y)], [.. bars.Select(b => b.Up)]);
                errorBar.Color = color;
                errorBar.CapSize = 5;
            }
            var line = plot.Add.Scatter(bars.Select(b => b.X).ToArray(), bars.Select(b => b.Y).ToArray(), color);
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.MarkerShape = marker;
            line.LegendText = k == layers - 1 ? "out" : $"layer {k + 1}";
        }
        if (alphaAxis is not null)
        {
            alphaAxis.Apply(plot);
        }
        else
        {
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                [.. alphas.Distinct().Select(a => Tick.Major(a, a.ToString("G3", CultureInfo.InvariantCulture)))]);
            double left = alphas.Count == 0 ? 0 : alphas.Min(), right = alphas.Count == 0 ? 1 : alphas.Max();
            double pad = Math.Max(0.04 * (right - left), 0.02);
            plot.Axes.SetLimitsX(left - pad, right + pad, plot.Axes.Bottom);
        }
        FigureStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>True when the positive alphas span a decade or more: then alpha goes on a log axis.</summary>
    internal static bool UsesLogAlpha(IReadOnlyList<double> alphas)
    {
        var positive = alphas.Where(a => a > 0 && double.IsFinite(a)).ToList();
        return positive.Count >= 2 && positive.Max() / positive.Min() >= 10;
    }

    static double Half(SummaryStatistics s) => double.IsFinite(s.Ci95HalfWidth) ? s.Ci95HalfWidth : 0;

    static MarkerShape Open(MarkerShape shape) => shape switch
    {
        MarkerShape.FilledCircle => MarkerShape.OpenCircle,
        MarkerShape.FilledSquare => MarkerShape.OpenSquare,
        MarkerShape.FilledTriangleUp => MarkerShape.OpenTriangleUp,
        MarkerShape.FilledTriangleDown => MarkerShape.OpenTriangleDown,
        MarkerShape.FilledDiamond => MarkerShape.OpenDiamond,
        _ => shape,
    };
}
