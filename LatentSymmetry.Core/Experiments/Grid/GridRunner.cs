using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using LatentSymmetry.Core.Experiments.Results;

namespace LatentSymmetry.Core.Experiments.Grid;

/// <summary>
/// Runs grid cells through a trainer callback on worker threads and records each result the moment it is known,
/// one <see cref="ResultStore"/> per result file under <see cref="ResultsDirectory"/>. Cells already recorded are
/// skipped, so rerunning after a crash, or running several shards against the same directory, does only missing work.
/// </summary>
/// <remarks>
/// The trainer is called as <c>trainer(cell, token)</c> from up to <c>jobs</c> threads at once and must be thread-safe;
/// it derives every random stream from <see cref="GridCell.Seed"/>, so results do not depend on <c>jobs</c> or on which
/// thread ran the cell (only the order of rows in the files does). A non-finite loss is recorded as a diverged run.
/// If the trainer throws, no new cell starts, cells in flight finish and are recorded, and the first exception is
/// rethrown. On cancellation no new cell starts; a trainer that throws <see cref="OperationCanceledException"/> leaves
/// its cell unrecorded, to be run next time.
/// </remarks>
public sealed class GridRunner
{
    private readonly ConcurrentDictionary<string, ResultStore> _stores = new(StringComparer.Ordinal);

    /// <summary>Creates a runner writing <paramref name="grid"/>'s result files into <paramref name="resultsDirectory"/>.</summary>
    public GridRunner(ExperimentGrid grid, string resultsDirectory, ResultStoreOptions? storeOptions = null)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentException.ThrowIfNullOrEmpty(resultsDirectory);
        Grid = grid;
        ResultsDirectory = resultsDirectory;
        StoreOptions = storeOptions ?? new ResultStoreOptions();
    }

    /// <summary>The grid whose architecture names the result files.</summary>
    public ExperimentGrid Grid { get; }

    /// <summary>Directory of the result files.</summary>
    public string ResultsDirectory { get; }

    /// <summary>Settings of the stores.</summary>
    public ResultStoreOptions StoreOptions { get; }

    /// <summary>The result file of <paramref name="cell"/>.</summary>
    public string PathFor(GridCell cell) => Path.Combine(ResultsDirectory, Grid.FileFor(cell).FileName);

    /// <summary>The store of <paramref name="cell"/>'s result file.</summary>
    public ResultStore StoreFor(GridCell cell) => _stores.GetOrAdd(PathFor(cell), p =>
        new ResultStore(p, Grid.FileFor(cell).Setup.Length == 0 ? StoreOptions : StoreOptions with { Columns = ResultColumns.WithSetup }));

    /// <summary>Recovers every result file the cells touch (repairing torn tails) and lists the cells still missing.</summary>
    public GridPlan Plan(IReadOnlyList<GridCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var warnings = new List<string>();
        var states = new Dictionary<string, ResultStoreState>(StringComparer.Ordinal);
        var missing = new List<GridCell>();
        foreach (GridCell cell in cells)
        {
            string path = PathFor(cell);
            if (!states.TryGetValue(path, out ResultStoreState? state))
            {
                state = StoreFor(cell).Recover();
                states.Add(path, state);
                warnings.AddRange(state.Warnings);
            }

            if (!state.Cells.Contains(cell.Key))
            {
                missing.Add(cell);
            }
        }

        return new GridPlan(cells, missing, warnings);
    }

    /// <summary>
    /// Runs the missing cells of <paramref name="cells"/> (e.g. <c>shard.Select(grid.Cells)</c>) over <paramref name="jobs"/>
    /// worker threads, appending each result as soon as it is known. <paramref name="progress"/> is called on the worker
    /// thread after each append.
    /// </summary>
    public GridRunSummary Run(
        IReadOnlyList<GridCell> cells,
        Func<GridCell, CancellationToken, CellResult> trainer,
        int jobs = 1,
        Action<CellOutcome>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentOutOfRangeException.ThrowIfLessThan(jobs, 1);

        GridPlan plan = Plan(cells);
        var warnings = new ConcurrentQueue<string>(plan.Warnings);
        int next = -1, recorded = 0, diverged = 0, elsewhere = 0;
        ExceptionDispatchInfo? failure = null;
        bool cancelled = false;

        void Work()
        {
            while (Volatile.Read(ref failure) is null)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    cancelled = true;
                    return;
                }

                int index = Interlocked.Increment(ref next);
                if (index >= plan.Missing.Count)
                {
                    return;
                }

                GridCell cell = plan.Missing[index];
                try
                {
                    var clock = Stopwatch.StartNew();
                    CellResult result = trainer(cell, cancellationToken);
                    ResultRow row = ResultRow.FromResult(cell, result, clock.Elapsed.TotalSeconds);
                    AppendOutcome outcome = StoreFor(cell).Append(row);
                    foreach (string w in outcome.Warnings)
                    {
                        warnings.Enqueue(w);
                    }

                    if (outcome.Appended)
                    {
                        Interlocked.Increment(ref recorded);
                        if (row.IsDiverged)
                        {
                            Interlocked.Increment(ref diverged);
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref elsewhere);
                    }

                    progress?.Invoke(new CellOutcome(cell, row, outcome.Appended, outcome.Warnings));
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    cancelled = true;
                    return;
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref failure, ExceptionDispatchInfo.Capture(ex), null);
                    return;
                }
            }
        }

        int threads = Math.Min(jobs, Math.Max(1, plan.Missing.Count));
        if (threads == 1)
        {
            Work();
        }
        else
        {
            Thread[] workers = [.. Enumerable.Range(0, threads).Select(i => new Thread(Work) { Name = $"grid-worker-{i}", IsBackground = true })];
            foreach (Thread t in workers)
            {
                t.Start();
            }

            foreach (Thread t in workers)
            {
                t.Join();
            }
        }

        failure?.Throw();
        return new GridRunSummary(cells.Count, cells.Count - plan.Missing.Count, recorded, diverged, elsewhere, cancelled, [.. warnings]);
    }
}
