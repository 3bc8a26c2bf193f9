using System.Diagnostics;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Optim;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Training;

/// <summary>
/// Runs the original project's protocol: data from the data seed, weights from the model seed, rotations
/// from the augmentation seed; AdamW on MSE + λ(epoch) · L_sym; validation every epoch; test at the end.
/// Single-threaded and bit-reproducible: the same options give the same numbers on every machine.
/// </summary>
public sealed class Trainer
{
    // Evaluation draws its rotations from streams of its own, so that evaluating never shifts the
    // training stream; offsets are arbitrary fixed constants.
    const int ValidationRotationOffset = 0x5EED_0001;
    const int TestRotationOffset = 0x5EED_0002;

    /// <summary>A trainer for <paramref name="options"/>, which must be valid.</summary>
    public Trainer(TrainingOptions options)
    {
        var error = options.Validate();
        if (error is not null) throw new ArgumentException(error, nameof(options));
        Options = options;
    }

    /// <summary>The run's settings.</summary>
    public TrainingOptions Options { get; }

    /// <summary>Builds the data set this run trains on (a pure function of the data seed and sizes).</summary>
    public FieldDataset<float> CreateDataset() => new(Options.Seeds.Data, Options.Samples, Options.BoxHalfWidth);

    /// <summary>Builds the initial model (a pure function of the model seed and architecture).</summary>
    public Mlp<float> CreateModel()
    {
        var model = new Mlp<float>(3, Options.HiddenDim, Options.HiddenLayers, 1);
        model.Initialize(new RandomStream(Options.Seeds.Model));
        return model;
    }

    /// <summary>
    /// Trains to the end, reporting each epoch to <paramref name="onEpoch"/>. A non-finite loss stops the
    /// run early and marks it diverged (its test losses are then NaN).
    /// </summary>
    public TrainingResult Run(Action<EpochMetrics>? onEpoch = null, CancellationToken cancellation = default)
    {
        var o = Options;
        var seeds = o.Seeds;
        var clock = Stopwatch.StartNew();
        var data = CreateDataset();
        var model = CreateModel();
        var optimizer = new AdamW<float>(model.NamedParameters().Select(p => p.Tensor), o.Optimizer);
        var sampler = o.SymmetryLayer.IsSet ? SymmetryGroup.So3.CreateSampler(seeds.Augmentation) : null;
        var step = new TrainingStep<float>(model, optimizer, o.SymmetryLayer, sampler);
        var evaluator = new Evaluator<float>();
        var schedule = new LambdaSchedule(o.LambdaSymMax, o.Epochs);
        var order = data.CreateBatchOrder(o.BatchSize);
        var points = new float[3 * o.BatchSize];
        var targets = new float[o.BatchSize];
        var history = new List<EpochMetrics>(o.Epochs);
        var batchTask = new List<double>(o.Epochs * order.BatchCount);
        var batchSym = new List<double>(o.SymmetryLayer.IsSet ? o.Epochs * order.BatchCount : 0);
        bool diverged = false;

        for (int epoch = 0; epoch < o.Epochs && !diverged; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            double lambda = o.SymmetryLayer.IsSet ? schedule.At(epoch) : 0;
            order.NextEpoch();
            double taskSum = 0, symSum = 0;
            for (int i = 0; i < order.BatchCount; i++)
            {
                var rows = order.Batch(i);
                data.Train.Gather(rows, points.AsSpan(0, 3 * rows.Length), targets.AsSpan(0, rows.Length));
                var (task, sym) = step.Run(points.AsSpan(0, 3 * rows.Length), targets.AsSpan(0, rows.Length), lambda);
                batchTask.Add(task);
                taskSum += task;
                if (sampler is not null) { batchSym.Add(sym); symSum += sym; }
                if (!double.IsFinite(task) || (sampler is not null && !double.IsFinite(sym))) { diverged = true; break; }
            }
            var (valTask, valSym) = evaluator.Evaluate(model, data.Validation, o.SymmetryLayer, SymmetryGroup.So3, seeds.Augmentation ^ ValidationRotationOffset);
            diverged |= !double.IsFinite(valTask);
            var metrics = new EpochMetrics(epoch, lambda, taskSum / order.BatchCount,
                sampler is null ? null : symSum / order.BatchCount, valTask, valSym, clock.Elapsed.TotalSeconds);
            history.Add(metrics);
            onEpoch?.Invoke(metrics);
        }

        double testTask = double.NaN;
        double? testSym = o.SymmetryLayer.IsSet ? double.NaN : null;
        if (!diverged)
            (testTask, testSym) = evaluator.Evaluate(model, data.Test, o.SymmetryLayer, SymmetryGroup.So3, seeds.Augmentation ^ TestRotationOffset);
        return new TrainingResult(o, seeds, history, batchTask, batchSym, testTask, testSym, diverged, clock.Elapsed.TotalSeconds, model, data);
    }
}
