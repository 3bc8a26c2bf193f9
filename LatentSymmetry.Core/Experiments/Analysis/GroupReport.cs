using LatentSymmetry.Core.Experiments.Results;

namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>The multi-seed analysis of one (architecture, learning rate) group of result files.</summary>
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
    IReadOnlyList<IncompleteCell> Incomplete);
