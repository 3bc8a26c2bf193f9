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
internal sealed class ProfileFigure(RunEvaluation evaluation, InvarianceMetric metrics, string title)
{
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
            $"{name}: {options.Group.Name}, {options.TargetField.Spec}, {options.HiddenLayers} x {options.HiddenDim}{model}{region}{penalty}, seed {options.RunSeed}");
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
        Plot[] panels = [.. InvarianceMetricText.All.Where(m => (metrics & m.Metric) != 0).Select(m => Panel(m.Metric, m.Name))];
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

    Plot Panel(InvarianceMetric metric, string name)
    {
        int positions = evaluation.Layers.Count;
        var trained = evaluation.Layers.Select(l => l.Get(metric)).ToArray();
        List<LayerProfileSeries> series =
        [
            new("trained (95% bootstrap interval)", FigureStyle.Train, trained.Select(m => m.Value).ToArray(), trained.Select(m => m.Lower).ToArray(), trained.Select(m => m.Upper).ToArray()),
        ];
        if (evaluation.Reference is { } reference)
            series.Add(new("untrained, same seed", FigureStyle.Baseline, reference.Select(l => l.Get(metric).Value).ToArray(), Dashed: true));
        var penalised = evaluation.PenalisedLayer.Select(l => l.Value == -1 ? positions : l.Value).ToArray();
        bool isMi = metric == InvarianceMetric.MI;
        return LayerProfilePanel.Build(name, isMi ? "MI (0 none, 1 all)" : name, positions, series, penalised, allowLog: !isMi,
            linearLimits: isMi ? (-0.02, 1.02) : null, legend: false);
    }
}
