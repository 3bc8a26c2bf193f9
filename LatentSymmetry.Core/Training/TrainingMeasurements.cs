using LatentSymmetry.Core.Models;

namespace LatentSymmetry.Core.Training;

/// <summary>
/// What a training run measures beyond what it trains on: the validation penalty, the validation task loss, and the
/// training penalty of epochs with λ = 0. Turning any off changes no recorded number it does not name (each draws from
/// streams of its own), and saves its cost.
/// </summary>
public sealed record TrainingMeasurements
{
    /// <summary>Everything (the default, as <c>latsym train</c> records it).</summary>
    public static TrainingMeasurements All { get; } = new();

    /// <summary>Only what the test figures need, as the experiment grid, which records no per-epoch losses, runs.</summary>
    public static TrainingMeasurements TestLossesOnly { get; } = new() { ValidationSymLoss = false, ValidationTaskLoss = false, UnweightedSymLoss = false };

    /// <summary>
    /// Whether each epoch also measures the symmetry loss on the validation split (<see cref="EpochMetrics.ValSymLoss"/>;
    /// default true). A caller that keeps only the test losses, as the experiment grid does, turns it off: the
    /// validation penalty costs two extra forward passes of the split to the penalised layer every epoch (3-7% of
    /// a penalised run's CPU time, more the higher the layer), and skipping it changes no other number, since it
    /// draws from its own rotation stream and never decides divergence.
    /// </summary>
    public bool ValidationSymLoss { get; init; } = true;

    /// <summary>
    /// Whether each epoch measures the validation task loss (<see cref="EpochMetrics.ValTaskLoss"/>; default true). Off,
    /// as in the experiment grid, which records no validation loss, the loss is still needed to tell whether the run
    /// diverged (a non-finite validation loss stops it), but that can usually be decided without it: when the weights
    /// bound every output on the validation points (<see cref="Module{T}.OutputBound"/>) so far below float32's range
    /// that no squared error can overflow, the loss is certainly finite and is not computed (ValTaskLoss is NaN there).
    /// Only when no such bound holds (a run close to diverging) is it computed as before, so every recorded number,
    /// divergence and its epoch included, keeps its bits. Applies only when <see cref="ValidationSymLoss"/> is
    /// off too, or without a symmetry layer.
    /// </summary>
    public bool ValidationTaskLoss { get; init; } = true;


    /// <summary>
    /// Whether the epochs with λ = 0 also measure the training penalty they do not train on (<see cref="EpochMetrics.TrainSymLoss"/>;
    /// default true). Off, as in the experiment grid, those epochs cost what an unpenalised epoch costs: the rotations
    /// are still drawn, so the stream and every later epoch are unchanged, but the two rotated passes are not run, the
    /// epoch's <see cref="EpochMetrics.TrainSymLoss"/> is null, and divergence is judged on the task losses alone.
    /// Every epoch of a λ_max = 0 run, and the first epoch of every run (the 1 − cos warm-up starts at 0), is such an epoch.
    /// </summary>
    public bool UnweightedSymLoss { get; init; } = true;
}
