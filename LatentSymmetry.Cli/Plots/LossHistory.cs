namespace LatentSymmetry.Cli.Plots;

/// <summary>The loss curves of one training run, as drawn by <see cref="LossCurvesFigure"/>.</summary>
/// <param name="TaskPerBatch">Task (regression) loss of every training batch (may be empty).</param>
/// <param name="TaskTrain">Mean training task loss per epoch.</param>
/// <param name="TaskValidation">Validation task loss per epoch.</param>
/// <param name="Symmetry">Symmetry-penalty curves, or null for a run without a symmetry layer.</param>
public sealed record LossHistory(
    IReadOnlyList<EpochPoint> TaskPerBatch,
    IReadOnlyList<EpochPoint> TaskTrain,
    IReadOnlyList<EpochPoint> TaskValidation,
    SymmetryLossHistory? Symmetry);
