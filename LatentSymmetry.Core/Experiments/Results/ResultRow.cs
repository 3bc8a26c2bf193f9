using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Core.Experiments.Results;

/// <summary>
/// One row of a result file: the cell's coordinates and its test losses, plus the optional extra columns.
/// Losses are NaN for a diverged run.
/// </summary>
/// <param name="LearningRate">The optimiser's learning rate.</param>
/// <param name="LambdaMax">The final symmetry weight lambda_sym_max.</param>
/// <param name="SymmetryLayer">The penalised layer (1..L, -1 output); null for the baseline.</param>
/// <param name="TestTaskLoss">Task loss on the test split.</param>
/// <param name="TestSymLoss">Symmetry loss on the test split (0.0 for the baseline).</param>
public sealed record ResultRow(double LearningRate, double LambdaMax, SymmetryLayer SymmetryLayer, double TestTaskLoss, double TestSymLoss)
{
    /// <summary>Wall-clock seconds of the run, when recorded.</summary>
    public double? WallSeconds { get; init; }

    /// <summary>Epochs trained, when recorded.</summary>
    public int? Epochs { get; init; }

    /// <summary>Whether the loss turned non-finite, when recorded.</summary>
    public bool? Diverged { get; init; }

    /// <summary>
    /// MSE on the test points turned by Haar rotations of the group (column <c>orbit_task_loss</c> of set-up files), when
    /// the file has it; NaN for a diverged run.
    /// </summary>
    public double? OrbitTaskLoss { get; init; }

    /// <summary>Values of extra columns by name, already formatted (the lab set-up columns); null for none.</summary>
    public IReadOnlyDictionary<string, string>? Extras { get; init; }

    /// <summary>The cell this row records.</summary>
    public CellKey Key => new(LearningRate, LambdaMax, SymmetryLayer);

    /// <summary>True for the baseline row.</summary>
    public bool IsBaseline => !SymmetryLayer.IsSet;

    /// <summary>True when the run diverged: flagged so, or with a non-finite task loss.</summary>
    public bool IsDiverged => Diverged == true || !double.IsFinite(TestTaskLoss);

    /// <summary>
    /// The row for <paramref name="cell"/> given what the trainer returned. A non-finite loss or a diverged flag
    /// records both losses as NaN with diverged = true; the baseline's symmetry loss is 0.0 as in the original.
    /// </summary>
    public static ResultRow FromResult(GridCell cell, CellResult result, double wallSeconds)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(result);
        double sym = cell.IsBaseline ? 0.0 : result.TestSymLoss;
        bool diverged = result.Diverged || !double.IsFinite(result.TestTaskLoss) || !double.IsFinite(sym);
        return new ResultRow(
            cell.LearningRate,
            cell.LambdaMax,
            cell.SymmetryLayer,
            diverged ? double.NaN : result.TestTaskLoss,
            diverged ? double.NaN : sym)
        {
            WallSeconds = wallSeconds,
            Epochs = result.Epochs,
            Diverged = diverged,
            Extras = result.Extras,
        };
    }
}
