using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Models;

namespace LatentSymmetry.Core.Training;

/// <summary>What a finished run produced: its history, test losses and the trained model.</summary>
public sealed record TrainingResult(
    TrainingOptions Options,
    DerivedSeeds Seeds,
    IReadOnlyList<EpochMetrics> History,
    IReadOnlyList<double> BatchTaskLosses,
    IReadOnlyList<double> BatchSymLosses,
    double TestTaskLoss,
    double? TestSymLoss,
    bool Diverged,
    double WallSeconds,
    Mlp<float> Model,
    FieldDataset<float> Data);
