using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Optim;

namespace LatentSymmetry.Core.Training;

/// <summary>
/// Everything that defines one training run; the defaults are the original project's. The CLI reads its
/// defaults from here, so they are stated once.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Number of hidden layers, L.</summary>
    public int HiddenLayers { get; init; } = 6;

    /// <summary>Width of each hidden layer, H.</summary>
    public int HiddenDim { get; init; } = 128;

    /// <summary>Where the penalty applies (default: the output, -1).</summary>
    public SymmetryLayer SymmetryLayer { get; init; } = SymmetryLayer.Output;

    /// <summary>λ_max of the 1 − cos schedule.</summary>
    public double LambdaSymMax { get; init; } = 1.0;

    /// <summary>AdamW learning rate.</summary>
    public double LearningRate { get; init; } = AdamWOptions.Default.LearningRate;

    /// <summary>AdamW decoupled weight decay.</summary>
    public double WeightDecay { get; init; } = AdamWOptions.Default.WeightDecay;

    /// <summary>The run seed from which the data, model and augmentation seeds are derived.</summary>
    public int RunSeed { get; init; } = 42;

    /// <summary>Number of epochs, E.</summary>
    public int Epochs { get; init; } = 200;

    /// <summary>Training batch size (the last, smaller batch of an epoch is kept).</summary>
    public int BatchSize { get; init; } = BatchOrder.DefaultBatchSize;

    /// <summary>Number of points in the data set (split 60/20/20).</summary>
    public int Samples { get; init; } = FieldDataset<float>.DefaultCount;

    /// <summary>Half-width B of the sampling box [−B, B]³.</summary>
    public double BoxHalfWidth { get; init; } = FieldDataset<float>.DefaultBoxHalfWidth;

    /// <summary>The seeds derived from <see cref="RunSeed"/>.</summary>
    public DerivedSeeds Seeds => DerivedSeeds.FromRunSeed(RunSeed);

    /// <summary>The AdamW settings of this run.</summary>
    public AdamWOptions Optimizer => AdamWOptions.Default with { LearningRate = LearningRate, WeightDecay = WeightDecay };

    /// <summary>Null when valid, else a message naming the first invalid setting and its valid range.</summary>
    public string? Validate()
    {
        if (HiddenLayers < 1) return $"num-hidden-layers must be at least 1, got {HiddenLayers}";
        if (HiddenDim < 1) return $"hidden-dim must be at least 1, got {HiddenDim}";
        if (SymmetryLayer.IsSet && SymmetryLayer.Value != -1 && SymmetryLayer.Value > HiddenLayers)
            return $"symmetry-layer {SymmetryLayer} does not exist; valid: {SymmetryLayer.ValidValues(HiddenLayers)}";
        if (!double.IsFinite(LambdaSymMax) || LambdaSymMax < 0) return $"lambda-sym-max must be a finite number >= 0, got {LambdaSymMax}";
        if (!double.IsFinite(LearningRate) || LearningRate <= 0) return $"learning-rate must be a finite number > 0, got {LearningRate}";
        if (!double.IsFinite(WeightDecay) || WeightDecay < 0) return $"weight-decay must be a finite number >= 0, got {WeightDecay}";
        if (Epochs < 1) return $"epochs must be at least 1, got {Epochs}";
        if (BatchSize < 1) return $"batch-size must be at least 1, got {BatchSize}";
        if (Samples < 5) return $"samples must be at least 5 (for a 60/20/20 split), got {Samples}";
        if (!double.IsFinite(BoxHalfWidth) || BoxHalfWidth <= 0) return $"box must be a finite number > 0, got {BoxHalfWidth}";
        // Refuse what cannot fit rather than let the operating system kill the process half-way, and name
        // the setting that drives the need (the largest of the terms of MemoryTerms).
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (EstimatedBytes > available)
        {
            var (name, value, _) = MemoryTerms.MaxBy(t => t.Bytes);
            return $"{name} {value} makes the run need about {EstimatedBytes / 1e9:0.#} GB, more than the {available / 1e9:0.#} GB available";
        }
        if (Steps > Array.MaxLength)
            return $"epochs {Epochs} with {Steps / Epochs:0} batches per epoch (samples {Samples}, batch-size {BatchSize}) is {Steps:0} steps, more than the {Array.MaxLength} a run can record";
        return null;
    }

    /// <summary>Training points after the 60/20/20 split (an estimate suffices here).</summary>
    double TrainPoints => Math.Max(1, Math.Floor(0.6 * Samples));

    /// <summary>Optimiser steps of the run: a batch holds at most the training points.</summary>
    double Steps => (double)Epochs * Math.Ceiling(TrainPoints / Math.Min(BatchSize, TrainPoints));

    /// <summary>
    /// Rough memory a run needs: parameters with their gradients and two AdamW moments (16 bytes each in
    /// float32), activations and their gradients for a stacked batch of 3·B rows (B at most the training
    /// points) and an evaluation chunk, the data, and the per-batch loss history.
    /// </summary>
    public double EstimatedBytes => MemoryTerms.Sum(t => t.Bytes);

    /// <summary>The terms of <see cref="EstimatedBytes"/>, each with the option that drives it.</summary>
    (string Option, string Value, double Bytes)[] MemoryTerms
    {
        get
        {
            double h = HiddenDim, layers = HiddenLayers;
            double parameters = 4 * h + 1 + (layers - 1) * (h * h + h) + h + 1;
            double batch = Math.Min(BatchSize, TrainPoints);
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            return
            [
                ("hidden-dim", HiddenDim.ToString(inv), 16 * parameters + 4 * (layers + 1) * h * 4096),
                ("batch-size", BatchSize.ToString(inv), 4 * (layers + 1) * h * 6.0 * batch),
                ("samples", Samples.ToString(inv), (double)Samples * 16),
                ("epochs", Epochs.ToString(inv), Steps * 16 + Epochs * 64.0),
            ];
        }
    }

    /// <summary>A short name for run directories: "L6xH128_sym-1_lam1_lr0.0003_seed42".</summary>
    public string Slug => FormattableString.Invariant(
        $"L{HiddenLayers}xH{HiddenDim}_sym{SymmetryLayer}_lam{LambdaSymMax:R}_lr{LearningRate:R}_seed{RunSeed}");
}
