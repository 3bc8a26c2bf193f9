using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Training;

/// <summary>
/// What a finished run produced: its history, test losses, the trained model and its data; and the
/// across-the-group figures <see cref="OrbitTaskLoss"/> and <see cref="OrbitRatio"/>.
/// </summary>
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
    Module<float> Model,
    FieldDataset<float> Data)
{
    /// <summary>MSE on the test points each turned by a fresh Haar rotation of the group, against the field at the turned point (NaN when diverged).</summary>
    public double OrbitTaskLoss { get; init; } = double.NaN;

    /// <summary>
    /// The test sym loss of each penalised layer, in the forward order of <see cref="TrainingOptions.SymmetryLayers"/>
    /// (they sum to <see cref="TestSymLoss"/>); empty without a penalty, NaN when diverged.
    /// </summary>
    public IReadOnlyList<double> TestSymLossByLayer { get; init; } = [];

    /// <summary>
    /// True when the run trained on data a program gave (<see cref="Trainer(TrainingOptions, FieldDataset{float}, Models.Module{float})"/>)
    /// that are not the options' own draw (data seed, samples, domain, field, region): config.json then says so
    /// (<c>data_given</c>), and a saved run cannot rebuild them.
    /// </summary>
    public bool DataGiven { get; init; }

    /// <summary>The names of the objective's further terms (<see cref="Trainer.LossTerms"/>), whose values each epoch's <see cref="EpochMetrics.TrainTerms"/> holds.</summary>
    public IReadOnlyList<string> LossTermNames { get; init; } = [];
    /// <summary>
    /// eps_eq = RMS(f(R x) − ρ(R) f(x)) / RMS(f) at the test points, of the trained float32 model and of its float64 copy;
    /// measured for vector tasks only (NaN otherwise, and when diverged).
    /// </summary>
    public (double Float32, double Float64) EquivarianceError { get; init; } = (double.NaN, double.NaN);

    /// <summary>OrbitTaskLoss / TestTaskLoss: 1 when the model is as good everywhere on the orbits as on the test points.</summary>
    public double OrbitRatio => OrbitTaskLoss / TestTaskLoss;
}
