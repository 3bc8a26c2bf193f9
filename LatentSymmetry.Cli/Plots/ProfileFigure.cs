using LatentSymmetry.Core.Invariance;
using System.Globalization;
using LatentSymmetry.Core.Evaluation;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Training;
using ScottPlot;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// profile.png of <c>latsym evaluate</c>: one panel per measure (SL, Q_h, Q, RSL, MI) against the layer, the
/// trained network with its 95% bootstrap intervals, the untrained network of the same seed dashed, the
/// penalised layer marked. SL, Q_h, Q and RSL on log axes (they span decades), MI on [0, 1]. The panels sit in a
/// grid of at most three columns that prints on a page, under a title naming the run, with one legend in a cell of its own.
/// </summary>
internal sealed class ProfileFigure
{
    /// <summary>One measure's panel: its name, the trained network's values with their intervals per layer position, the untrained network's values (or null).</summary>
    internal sealed record Measure(LayerMeasure Metric, string Name, MeasureEstimate[] Trained, double[]? Reference);

    readonly IReadOnlyList<Measure> measures;
    readonly int positions;
    readonly int[] penalised;
    readonly string title;

    /// <summary>The figure of an evaluation just made: the measures of <paramref name="metrics"/>.</summary>
    public ProfileFigure(RunEvaluation evaluation, LayerMeasureSet metrics, string title)
        : this([.. metrics.Select(m => new Measure(m, m.Name,
                [.. evaluation.Layers.Select(l => l.Get(m))], evaluation.Reference?.Select(l => l.Get(m).Value).ToArray()))],
            evaluation.Layers.Count, [.. evaluation.PenalisedLayer.Select(l => l.Value == -1 ? evaluation.Layers.Count : l.Value)], title)
    {
    }

    /// <summary>The figure of measures read back (invariance.json): <paramref name="penalised"/> are layer positions 1..<paramref name="positions"/>.</summary>
    public ProfileFigure(IReadOnlyList<Measure> measures, int positions, int[] penalised, string title)
    {
        this.measures = measures;
        this.positions = positions;
        this.penalised = penalised;
        this.title = title;
    }

    /// <summary>
    /// The figure of an invariance.json that evaluate wrote: each measure it holds with its ci95, the reference layers
    /// dashed, the penalised layer marked; null when it holds no layer.
    /// </summary>
    public static ProfileFigure? FromInvarianceJson(System.Text.Json.JsonElement root, string title)
    {
        if (!root.TryGetProperty("layers", out var layers) || layers.ValueKind != System.Text.Json.JsonValueKind.Array || layers.GetArrayLength() == 0) return null;
        var layerList = layers.EnumerateArray().ToList();
        var reference = root.TryGetProperty("reference_layers", out var r) && r.ValueKind == System.Text.Json.JsonValueKind.Array ? r.EnumerateArray().ToList() : null;
        static double Number(System.Text.Json.JsonElement e) => e.ValueKind == System.Text.Json.JsonValueKind.Number ? e.GetDouble() : double.NaN;
        var measures = new List<Measure>();
        foreach (var metric in LayerMeasures.All)
        {
            string name = metric.Name;
            if (!layerList[0].TryGetProperty(name, out _)) continue;
            var trained = layerList.Select(l =>
            {
                double value = l.TryGetProperty(name, out var v) ? Number(v) : double.NaN;
                double lo = double.NaN, hi = double.NaN;
                if (l.TryGetProperty("ci95", out var ci) && ci.ValueKind == System.Text.Json.JsonValueKind.Object && ci.TryGetProperty(name, out var pair)
                    && pair.ValueKind == System.Text.Json.JsonValueKind.Array && pair.GetArrayLength() == 2)
                {
                    lo = Number(pair[0]);
                    hi = Number(pair[1]);
                }
                return new MeasureEstimate(value, lo, hi);
            }).ToArray();
            measures.Add(new Measure(metric, name, trained, reference?.Select(l => l.TryGetProperty(name, out var v) ? Number(v) : double.NaN).ToArray()));
        }
        if (measures.Count == 0) return null;
        int count = layerList.Count;
        int[] penalised = root.TryGetProperty("penalised_layer", out var p) ? p.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Number => [p.GetInt32()],
            System.Text.Json.JsonValueKind.Array => [.. p.EnumerateArray().Select(e => e.GetInt32())],
            _ => [],
        } : [];
        return new ProfileFigure(measures, count, [.. penalised.Select(k => k == -1 ? count : k)], title);
    }

    /// <summary>The file name in the run directory.</summary>
    public const string DefaultFileName = "profile.png";

    const int CellWidth = 460, CellHeight = 400, HeaderHeight = 56;

    /// <summary>A title naming the run: its directory and what it trained, e.g. "run1: so2, gaussian-ring, 2 x 16, penalty on layer 1 (λ_max 1), seed 42".</summary>
    public static string RunTitle(string directory, TrainingOptions options)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        string model = options.Model == ModelKind.Mlp ? "" : $" {options.Model.ToString().ToLowerInvariant()}";
        string region = options.TrainRegion.IsFull ? "" : $", trained on {options.TrainRegion}";
        int[] layers = [.. options.SymmetryLayers.Numbers];
        string where = string.Join(", ", layers.Select(k => k == -1 ? "the output" : k.ToString(CultureInfo.InvariantCulture)));
        string penalty = layers.Length > 0 && options.LambdaSymMax != 0
            ? $", penalty on {(layers is [-1] ? "" : layers.Length == 1 ? "layer " : "layers ")}{where} (λ_max {FigureTitle.Number(options.LambdaSymMax)})"
            : ", no penalty";
        return string.Create(CultureInfo.InvariantCulture,
            $"{name}: {options.Group.Name}, {options.DataSource?.Label ?? options.TargetField.Spec}, {options.HiddenLayers} x {options.HiddenDim}{model}{region}{penalty}, seed {options.RunSeed}");
    }

    /// <summary>The figure as an SVG document.</summary>
    public string ToSvg()
    {
        Multiplot figure = Build(out int rows, out int columns);
        return FigureFile.Svg(figure, columns * CellWidth, HeaderHeight + rows * CellHeight, alignPanels: false);
    }

    /// <summary>Writes the figure to <paramref name="path"/> (format from the extension), atomically.</summary>
    public void Save(string path)
    {
        Multiplot figure = Build(out int rows, out int columns);
        FigureFile.Save(figure, path, FigureFile.FormatOf(path), columns * CellWidth, HeaderHeight + rows * CellHeight, alignPanels: false);
    }

    /// <summary>The title band, one panel per measure and the legend cell, in a grid of <paramref name="rows"/> x <paramref name="columns"/>.</summary>
    internal Multiplot Build(out int rows, out int columns)
    {
        Plot[] panels = [.. measures.Select(Panel)];
        int cells = panels.Length + 1;
        columns = Math.Min(3, cells);
        rows = (cells + columns - 1) / columns;

        Plot header = new();
        FigureStyle.Note(header, title);
        header.Axes.Frameless();
        var note = header.GetPlottables<ScottPlot.Plottables.Annotation>().Single();
        note.LabelFontColor = Colors.Black;
        note.LabelFontSize = 17;

        Multiplot figure = new(header);
        foreach (Plot panel in panels)
            figure.AddPlot(panel);
        figure.AddPlot(LegendCell(panels));
        figure.Layout = new TitledGrid(rows, columns, HeaderHeight);
        return figure;
    }

    /// <summary>A frameless cell holding the one legend of every panel: each entry once, in the order first met.</summary>
    static Plot LegendCell(Plot[] panels)
    {
        Plot cell = new();
        cell.Axes.Frameless();
        cell.HideGrid();
        var seen = new HashSet<string>();
        foreach (Plot panel in panels)
        {
            foreach (LegendItem item in panel.GetPlottables().SelectMany(p => p.LegendItems).Concat(panel.Legend.ManualItems))
            {
                if (string.IsNullOrEmpty(item.LabelText) || !seen.Add(item.LabelText))
                    continue;
                cell.Legend.ManualItems.Add(new LegendItem
                {
                    LabelText = item.LabelText,
                    LineStyle = item.LineStyle,
                    MarkerStyle = item.MarkerStyle,
                    FillStyle = item.FillStyle,
                });
            }
        }
        cell.Legend.FontSize = 15;
        cell.Legend.OutlineColor = Colors.Transparent;
        cell.Legend.ShadowColor = Colors.Transparent;
        cell.Legend.SymbolWidth = 36;
        cell.ShowLegend(Alignment.MiddleCenter);
        return cell;
    }

    Plot Panel(Measure measure)
    {
        var (metric, name, trained, reference) = (measure.Metric, measure.Name, measure.Trained, measure.Reference);
        List<LayerProfileSeries> series =
        [
            new("trained (95% bootstrap interval)", FigureStyle.Train, trained.Select(m => m.Value).ToArray(), trained.Select(m => m.Lower).ToArray(), trained.Select(m => m.Upper).ToArray()),
        ];
        if (reference is not null)
            series.Add(new("untrained, same seed", FigureStyle.Baseline, reference, Dashed: true));
        // A bounded score (MI, in [0, 1]) on a linear axis with its whole range; the others span decades.
        return LayerProfilePanel.Build(name, metric.AxisLabel, positions, series, penalised, allowLog: metric.LogScale,
            linearLimits: metric.LogScale ? null : (-0.02, 1.02), legend: false);
    }
}
