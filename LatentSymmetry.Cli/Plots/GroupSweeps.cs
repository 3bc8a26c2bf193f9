using LatentSymmetry.Core.Experiments.Analysis;
using LatentSymmetry.Core.Experiments.Grid;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// The lines of compare.png read off one group of the analysis: one sweep per layer, the baseline and the alternatives
/// run beside the grid. Shared by <c>latsym compare</c> and the figures of <c>latsym report</c>, so both draw the same.
/// </summary>
internal static class GroupSweeps
{
    /// <summary>The selected layers (all when <paramref name="selected"/> is null) whose every run diverged: nothing to draw.</summary>
    public static List<int> Diverged(GroupReport g, HashSet<int>? selected) =>
        g.Cells.Where(c => c.SymmetryLayer.Number is int k && (selected is null || selected.Contains(k)))
            .GroupBy(c => c.SymmetryLayer.Value).Where(grp => grp.All(c => c.Task.N == 0)).Select(grp => grp.Key).Order().ToList();

    /// <summary>Per selected layer not in <paramref name="diverged"/>, output last: task and symmetry loss (mean, CI) against lambda_max.</summary>
    public static List<LayerSweep> Sweeps(GroupReport g, HashSet<int>? selected, IReadOnlyCollection<int> diverged) =>
        g.Cells.Where(c => c.SymmetryLayer.Number is int k && (selected is null || selected.Contains(k)) && !diverged.Contains(k))
            .GroupBy(c => c.SymmetryLayer.Value)
            .OrderBy(grp => grp.Key == -1 ? int.MaxValue : grp.Key)
            .Select(grp => new LayerSweep(grp.Key == -1 ? "output" : $"layer {grp.Key}",
                grp.OrderBy(c => c.LambdaMax).Select(c => new SweepPoint(c.LambdaMax, c.Task.Mean, c.Task.Ci95HalfWidth)).ToList(),
                grp.OrderBy(c => c.LambdaMax).Select(c => new SweepPoint(c.LambdaMax, c.Sym.Mean, c.Sym.Ci95HalfWidth)).ToList()))
            .ToList();

    /// <summary>The baseline variants with a finite result as reference lines; <paramref name="second"/> gives their value in the second panel.</summary>
    public static BaselineReference[] References(GroupReport g, Func<CellStatistics, MeanCi?> second) =>
        [.. g.Baselines.Where(v => v.Statistics.Task.N > 0).Select(v => new BaselineReference(ReportText.Variant(v.Variant),
            ReferenceColor(v.Variant),
            v.Variant == BaselineVariant.Augment ? ScottPlot.LinePattern.DenselyDashed : ScottPlot.LinePattern.Dotted,
            new MeanCi(v.Statistics.Task.Mean, v.Statistics.Task.Ci95HalfWidth), second(v.Statistics)))];

    // Each alternative in the colour it wears in every figure.
    static ScottPlot.Color ReferenceColor(string variant) => variant switch
    {
        BaselineVariant.Augment => FigureStyle.Augmentation,
        BaselineVariant.Relaxed => FigureStyle.RelaxedModel,
        _ => FigureStyle.InvariantModel,
    };

    /// <summary>compare.png of the group with compare's defaults: every layer, the baseline and the alternatives, the symmetry loss second; null when nothing can be drawn.</summary>
    public static CompareFigure? DefaultFigure(GroupReport g)
    {
        var sweeps = Sweeps(g, null, Diverged(g, null));
        if (sweeps.Count == 0 && g.Baseline is null) return null;
        var baseline = g.Baseline is { } cell ? new MeanCi(cell.Task.Mean, cell.Task.Ci95HalfWidth) : new MeanCi(double.NaN, double.NaN);
        return new CompareFigure(new SweepComparison(FigureTitle.Of(g.Key), sweeps, baseline, null) { References = References(g, _ => null), Seeds = g.Files.Count });
    }
}
