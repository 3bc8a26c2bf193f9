using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Core.Experiments.Grid;

/// <summary>
/// How the grid trains its cells: it computes only what a result row records, and trains once what several cells
/// share. A grid keeps test losses only, so no cell measures the validation penalty, the validation loss where the
/// weights prove it finite, or the training penalty of an epoch with λ = 0 (<see cref="Trainer.MeasureValidationSymLoss"/>,
/// <see cref="Trainer.MeasureValidationTaskLoss"/>, <see cref="Trainer.MeasureUnweightedSymLoss"/>).
/// Every cell with λ_max = 0 trains the weights of its unpenalised twin (<see cref="Trainer.UnpenalisedTwin"/>), the
/// baseline of its seed, learning rate and set-up: the first such cell to come trains the twin, and the others, and the
/// baseline itself, measure their own test losses on its weights (<see cref="Trainer.FromTwin"/>). In the default grid
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
        var twinOptions = Trainer.UnpenalisedTwin(options);
        if (twinOptions is null) return Train(options, cancellation);
        var twin = Twin(twinOptions, cancellation);
        return Trainer.FromTwin(options, twin);
    }

    static TrainingResult Train(TrainingOptions options, CancellationToken cancellation) =>
        new Trainer(options) { MeasureValidationSymLoss = false, MeasureValidationTaskLoss = false, MeasureUnweightedSymLoss = false }.Run(cancellation: cancellation);

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
}
