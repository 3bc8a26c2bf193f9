namespace LatentSymmetry.Core.Training;

/// <summary>
/// One epoch's figures: λ, the training losses (means over the epoch's batches), the validation losses
/// (over the whole validation split). Sym losses are null without a symmetry layer; with several layers they are
/// the sums, and <see cref="TrainSymLossByLayer"/> and <see cref="ValSymLossByLayer"/> hold the terms.
/// </summary>
public sealed record EpochMetrics(
    int Epoch,
    double Lambda,
    double TrainTaskLoss,
    double? TrainSymLoss,
    double ValTaskLoss,
    double? ValSymLoss,
    double ElapsedSeconds)
{
    /// <summary>Each penalised layer's mean training penalty, in forward order (empty for fewer than two layers).</summary>
    public IReadOnlyList<double> TrainSymLossByLayer { get; init; } = [];

    /// <summary>Each penalised layer's validation penalty, in forward order (empty for fewer than two layers).</summary>
    public IReadOnlyList<double> ValSymLossByLayer { get; init; } = [];

    /// <summary>Each further loss term's mean unweighted training value, in the order of <see cref="Trainer.LossTerms"/> (empty without terms).</summary>
    public IReadOnlyList<double> TrainTerms { get; init; } = [];

    /// <summary>The mean cosine of the task's and the penalty's parameter gradients over the epoch's probes (<see cref="TrainingOptions.GradAlignInterval"/>); null when off, NaN when the epoch had no probe.</summary>
    public double? GradAlignment { get; init; }
}
