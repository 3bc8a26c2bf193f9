using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Experiments.Statistics;

namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>One (symmetry layer, lambda_sym_max) cell summarised over the seed files of a group.</summary>
/// <param name="SymmetryLayer">The layer (1..L, -1), or null for the baseline.</param>
/// <param name="LambdaMax">The final symmetry weight.</param>
/// <param name="Present">Files holding a row for the cell (diverged rows included).</param>
/// <param name="Diverged">Rows that diverged; they are left out of the statistics.</param>
/// <param name="Task">Test task loss over the finite rows.</param>
/// <param name="Sym">Test symmetry loss over the finite rows.</param>
/// <param name="VsBaseline">The paired comparison with the baseline; null for the baseline itself or when the group has none.</param>
public sealed record CellStatistics(
    SymmetryLayer SymmetryLayer,
    double LambdaMax,
    int Present,
    int Diverged,
    SummaryStatistics Task,
    SummaryStatistics Sym,
    BaselineComparison? VsBaseline)
{
    /// <summary>
    /// The orbit task loss (test points turned by Haar rotations of the group) over the finite rows, when the files carry
    /// the <c>orbit_task_loss</c> column (set-up files); null otherwise.
    /// </summary>
    public SummaryStatistics? Orbit { get; init; }

    /// <summary>orbit_ratio = orbit task loss / test task loss of each finite row, summarised; null when <see cref="Orbit"/> is.</summary>
    public SummaryStatistics? OrbitRatio { get; init; }

    /// <summary>True for the baseline cell.</summary>
    public bool IsBaseline => !SymmetryLayer.IsSet;
}
