namespace LatentSymmetry.Cli.Plots;

/// <summary>The symmetry-penalty curves of a run that has a latent symmetry layer, with the penalty weight schedule.</summary>
/// <param name="PerBatch">Symmetry loss of every training batch (may be empty).</param>
/// <param name="Train">Mean training symmetry loss per epoch.</param>
/// <param name="Validation">Validation symmetry loss per epoch.</param>
/// <param name="Lambda">Penalty weight lambda per epoch (drawn on a linear right-hand axis).</param>
public sealed record SymmetryLossHistory(
    IReadOnlyList<EpochPoint> PerBatch,
    IReadOnlyList<EpochPoint> Train,
    IReadOnlyList<EpochPoint> Validation,
    IReadOnlyList<EpochPoint> Lambda);
