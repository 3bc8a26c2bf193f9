namespace LatentSymmetry.Core.Training;

/// <summary>
/// One epoch's figures: λ, the training losses (means over the epoch's batches), the validation losses
/// (over the whole validation split). Sym losses are null without a symmetry layer.
/// </summary>
public sealed record EpochMetrics(
    int Epoch,
    double Lambda,
    double TrainTaskLoss,
    double? TrainSymLoss,
    double ValTaskLoss,
    double? ValSymLoss,
    double ElapsedSeconds);
