using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Core.Experiments.Grid;

/// <summary>What happened to one cell during <see cref="GridRunner.Run"/>, reported as each cell finishes.</summary>
/// <param name="Cell">The cell.</param>
/// <param name="Row">The row computed for it (NaN losses when diverged).</param>
/// <param name="Appended">True when the row was written; false when another process had recorded the cell meanwhile.</param>
/// <param name="Warnings">Repairs the store made while appending.</param>
public sealed record CellOutcome(GridCell Cell, ResultRow Row, bool Appended, IReadOnlyList<string> Warnings)
{
    /// <summary>True when the run's loss turned non-finite.</summary>
    public bool Diverged => Row.IsDiverged;
}
