using LatentSymmetry.Core.Evaluation;
using ScottPlot;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// profile.png of <c>latsym evaluate</c>: one panel per measure (SL, Q_h, Q, RSL, MI) against the layer, the
/// trained network with its 95% bootstrap intervals, the untrained network of the same seed dashed, the
/// penalised layer marked. SL, Q_h, Q and RSL on log axes (they span decades), MI on [0, 1].
/// </summary>
internal sealed class ProfileFigure(RunEvaluation evaluation, InvarianceMetric metrics)
{
    /// <summary>The file name in the run directory.</summary>
    public const string DefaultFileName = "profile.png";

    /// <summary>Writes the figure to <paramref name="path"/> (format from the extension), atomically.</summary>
    public void Save(string path)
    {
        var panels = InvarianceMetricText.All.Where(m => (metrics & m.Metric) != 0).Select(m => Panel(m.Metric, m.Name)).ToArray();
        FigureFile.Save(FigureStyle.Columns(panels), path, FigureFile.FormatOf(path), 420 * panels.Length, 460);
    }

    Plot Panel(InvarianceMetric metric, string name)
    {
        int positions = evaluation.Layers.Count;
        var trained = evaluation.Layers.Select(l => l.Get(metric)).ToArray();
        List<LayerProfileSeries> series =
        [
            new("trained", FigureStyle.Train, trained.Select(m => m.Value).ToArray(), trained.Select(m => m.Lower).ToArray(), trained.Select(m => m.Upper).ToArray()),
        ];
        if (evaluation.Reference is { } reference)
            series.Add(new("untrained", FigureStyle.Baseline, reference.Select(l => l.Get(metric).Value).ToArray(), Dashed: true));
        var penalised = evaluation.PenalisedLayer.Select(l => l.Value == -1 ? positions : l.Value).ToArray();
        bool isMi = metric == InvarianceMetric.MI;
        return LayerProfilePanel.Build(name, isMi ? "MI (0 none, 1 all)" : name, positions, series, penalised, allowLog: !isMi, linearLimits: isMi ? (-0.02, 1.02) : null);
    }
}
