using LatentSymmetry.Core.Experiments.Results;

namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>
/// The multi-seed analysis of one (architecture, learning rate, set-up) group of result files: the penalty grid's cells
/// and, beside them, the baseline variants run with it (<c>benchmark --baselines</c>).
/// </summary>
/// <param name="Key">Architecture and learning rate.</param>
/// <param name="Files">The files of the group (one per seed), in the order given.</param>
/// <param name="Seeds">Their seeds, from the file names (null where the name does not follow the pattern).</param>
/// <param name="Cells">Every cell seen, layers ascending then -1 then the baseline, lambdas ascending.</param>
/// <param name="BestByLayer">Per layer, the cell with the lowest mean task loss.</param>
/// <param name="Baseline">The baseline cell, when present.</param>
/// <param name="BeatBaseline">Cells that beat the baseline (see <see cref="BaselineComparison.BeatsBaseline"/>), largest factor first.</param>
/// <param name="Incomplete">Cells present in fewer files than the group has.</param>
public sealed record GroupReport(
    ResultGroupKey Key,
    IReadOnlyList<string> Files,
    IReadOnlyList<int?> Seeds,
    IReadOnlyList<CellStatistics> Cells,
    IReadOnlyList<CellStatistics> BestByLayer,
    CellStatistics? Baseline,
    IReadOnlyList<CellStatistics> BeatBaseline,
    IReadOnlyList<IncompleteCell> Incomplete)
{
    /// <summary>
    /// The alternatives to the penalty run beside the grid (augmentation, the invariant model), each summarised like a
    /// cell and compared with <see cref="Baseline"/> (the plain MLP) paired by seed; empty when the files hold none.
    /// </summary>
    public IReadOnlyList<BaselineCell> Baselines { get; init; } = [];

    /// <summary>True when some cell or baseline variant has orbit task losses (set-up files).</summary>
    public bool HasOrbit => Cells.Any(c => c.Orbit is not null) || Baselines.Any(b => b.Statistics.Orbit is not null);
}
