using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Core.Experiments.Grid;

/// <summary>
/// How the grid trains its cells: it computes only what a result row records, and trains once what several cells
/// share. A grid keeps test losses only, so no cell measures the validation penalty, the validation loss where the
/// weights prove it finite, or the training penalty of an epoch with λ = 0 (<see cref="TrainingMeasurements.TestLossesOnly"/>).
/// Every cell with λ_max = 0 trains the weights of its unpenalised twin (<see cref="UnpenalisedTwin"/>), the
/// baseline of its seed, learning rate and set-up: the first such cell to come trains the twin, and the others, and the
/// baseline itself, measure their own test losses on its weights (<see cref="FromTwin"/>). In the default grid
/// that is one training for 8 of each block's 106 cells. Every recorded number is bit for bit what training the cell
/// alone gives. Thread-safe: a cell whose twin another thread is training waits for it.
/// </summary>
public sealed class GridCellTraining
{
    readonly object _gate = new();
    // The twins of the latest blocks, newest last; a block's cells come together, so a few suffice.
    readonly List<(TrainingOptions Options, Lazy<TrainingResult> Run)> _twins = [];
    int _trained;

    /// <summary>A trainer keeping the twins of the latest <paramref name="capacity"/> (seed, learning rate, set-up) blocks.</summary>
    public GridCellTraining(int capacity = 8)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    /// <summary>How many twins are kept; an evicted twin is trained again if a later cell needs it (same bits).</summary>
    public int Capacity { get; }

    /// <summary>How many unpenalised twins have been trained so far.</summary>
    public int TwinsTrained => Volatile.Read(ref _trained);

    /// <summary>The result of the cell run with <paramref name="options"/>.</summary>
    public TrainingResult Run(TrainingOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var twinOptions = UnpenalisedTwin(options);
        if (twinOptions is null) return Train(options, cancellation);
        var twin = Twin(twinOptions, cancellation);
        return FromTwin(options, twin);
    }

    static TrainingResult Train(TrainingOptions options, CancellationToken cancellation) =>
        new Trainer(options) { Measurements = TrainingMeasurements.TestLossesOnly }.Run(cancellation: cancellation);

    TrainingResult Twin(TrainingOptions options, CancellationToken cancellation)
    {
        Lazy<TrainingResult> run;
        lock (_gate)
        {
            int i = _twins.FindIndex(t => t.Options == options);
            if (i >= 0)
            {
                run = _twins[i].Run;
            }
            else
            {
                run = new Lazy<TrainingResult>(() =>
                {
                    Interlocked.Increment(ref _trained);
                    return Train(options, cancellation);
                }, LazyThreadSafetyMode.ExecutionAndPublication);
                _twins.Add((options, run));
                if (_twins.Count > Capacity) _twins.RemoveAt(0);
            }
        }
        try
        {
            return run.Value;
        }
        catch
        {
            // A failed or cancelled training is not kept: the next cell that needs the twin trains it afresh.
            lock (_gate) _twins.RemoveAll(t => ReferenceEquals(t.Run, run));
            throw;
        }
    }

    /// <summary>
    /// The training recipe of <paramref name="cell"/>: <paramref name="template"/> (architecture, epochs, data, group,
    /// field, region) with the cell's seed, learning rate, λ_max, layer and penalty, and its baseline variant applied.
    /// </summary>
    public static TrainingOptions OptionsFor(GridCell cell, TrainingOptions template)
    {
        ArgumentNullException.ThrowIfNull(cell);
        ArgumentNullException.ThrowIfNull(template);
        var options = template with
        {
            RunSeed = cell.Seed,
            LearningRate = cell.LearningRate,
            LambdaSymMax = cell.LambdaMax,
            SymmetryLayers = cell.SymmetryLayer,
            Penalty = cell.Penalty,
        };
        return BaselineVariant.Apply(cell.Variant, options);
    }

    /// <summary>
    /// The unpenalised run that trains exactly the weights a run of <paramref name="options"/> trains, when λ_max is 0;
    /// null otherwise. With λ_max = 0 the penalty never enters a gradient and its rotations come from a stream of their
    /// own, so a λ_max = 0 run at any layer, with any penalty kind, trains what the run without a symmetry layer trains;
    /// only its test sym loss, measured at its layers, differs (see <see cref="FromTwin"/>).
    /// </summary>
    public static TrainingOptions? UnpenalisedTwin(TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.LambdaSymMax == 0
            ? options with { SymmetryLayers = SymmetryLayers.None, Penalty = PenaltyKind.Raw, PenaltyGradDenominator = false }
            : null;
    }

    /// <summary>
    /// The result of a λ_max = 0 run of <paramref name="options"/> from <paramref name="twin"/>, the finished run of
    /// <see cref="UnpenalisedTwin"/>(<paramref name="options"/>): its weights, history and divergence, and the test losses measured on its weights at <paramref name="options"/>' layers, from the rotations
    /// a run of its own would draw. Bit for bit what <c>new Trainer(options) { Measurements = TrainingMeasurements.All with { UnweightedSymLoss = false } }.Run()</c>
    /// returns for the weights, divergence and test figures; the history is the twin's (training sym losses null, NaN per
    /// batch, as never measured). The model and data are the twin's own objects (read, never changed, by evaluation).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="twin"/> is not the run of <paramref name="options"/>' twin.</exception>
    public static TrainingResult FromTwin(TrainingOptions options, TrainingResult twin)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(twin);
        var expected = UnpenalisedTwin(options) ?? throw new ArgumentException($"lambda-sym-max is {options.LambdaSymMax}: only a lambda-sym-max 0 run trains as its unpenalised twin", nameof(options));
        if (twin.Options != expected) throw new ArgumentException("the twin's options are not those of the run's unpenalised twin", nameof(twin));
        if (options == expected) return twin;
        var test = Trainer.Test(options, null, twin.Model, twin.Data, twin.Diverged, new Evaluator<float>());
        var batchSym = new double[twin.BatchTaskLosses.Count];
        Array.Fill(batchSym, double.NaN);
        return twin with
        {
            Options = options,
            BatchSymLosses = batchSym,
            TestTaskLoss = test.Task, // the same value as the twin's: the task loss does not depend on the penalty
            TestSymLoss = test.Sym,
            OrbitTaskLoss = test.Orbit,
            TestSymLossByLayer = test.SymByLayer,
        };
    }
}
