using System.Collections.Concurrent;
using System.Diagnostics;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Experiments.Runs;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Core.Experiments.Grid;

/// <summary>
/// Runs grid cells through a trainer callback on worker threads (the one <see cref="ExperimentRunner"/>, which
/// <c>survey</c> uses too) and records each result the moment it is known,
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
    public ResultStore StoreFor(GridCell cell) => _stores.GetOrAdd(PathFor(cell), p => new ResultStore(p, OptionsFor(Grid.FileFor(cell))));

    /// <summary>
    /// The store settings of <paramref name="file"/>: a lab set-up's files carry the set-up columns, a penalty other
    /// than raw's the penalty column too.
    /// </summary>
    private ResultStoreOptions OptionsFor(ResultFileName file) =>
        Grid.PenaltyOf(file) != Orbits.PenaltyKind.Raw ? StoreOptions with { Columns = ResultColumns.WithPenalty }
        : file.Setup.Length == 0 ? StoreOptions : StoreOptions with { Columns = ResultColumns.WithSetup };

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
    /// How many of the cells of <paramref name="shard"/> are already recorded, reading only the result files that exist
    /// (repairing torn tails as <see cref="Plan"/> does), so it costs nothing for a huge grid that has barely started.
    /// </summary>
    public (int Recorded, IReadOnlyList<string> Warnings) CountRecorded(ShardSpec shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var warnings = new List<string>();
        int recorded = 0;
        if (!Directory.Exists(ResultsDirectory))
        {
            return (0, warnings);
        }

        foreach (string path in Directory.EnumerateFiles(ResultsDirectory, "layers=*.csv"))
        {
            // KeysOf yields nothing for a file that is not this grid's (another architecture, seed or set-up).
            if (!ResultFileName.TryParse(path, out ResultFileName? name))
            {
                continue;
            }

            ResultStoreState? state = null;
            foreach (CellKey key in Grid.KeysOf(name))
            {
                state ??= new ResultStore(path, OptionsFor(name)).Recover();
                if (state.Cells.Contains(key) && Grid.IndexOf(name, key) is int index && shard.Contains(index))
                {
                    recorded++;
                }
            }

            warnings.AddRange(state?.Warnings ?? []);
        }

        return (recorded, warnings);
    }

    /// <summary>
    /// Runs the missing cells of <paramref name="cells"/> (e.g. <c>shard.Select(grid.Cells)</c>) over <paramref name="jobs"/>
    /// worker threads, appending each result as soon as it is known. <paramref name="progress"/> is called on the worker
    /// thread after each append.
    /// </summary>
    /// <remarks>
    /// Cells are taken in order and each result file is read when its first cell comes up, so nothing is planned ahead
    /// (a million-seed grid starts at once). Before training, a worker claims its cell (<see cref="CellClaim"/>); a cell
    /// another process has claimed is skipped and counted in <see cref="GridRunSummary.ClaimedElsewhere"/>, and a
    /// claimed cell is checked against its file once more, since another process may have recorded it meanwhile.
    /// </remarks>
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
        var ledger = new Ledger(this, trainer, progress);
        RunnerSummary s = ExperimentRunner.Run(cells, ledger, jobs, cancellationToken);
        return new GridRunSummary(s.Requested, s.AlreadyPresent, s.Recorded, s.Diverged, s.RecordedElsewhere, s.Cancelled, [.. ledger.Warnings])
        {
            ClaimedElsewhere = s.ClaimedElsewhere,
        };
    }

    /// <summary>The grid's records for the runner: a cell is recorded when its result file holds its key; claims are <see cref="CellClaim"/>s.</summary>
    private sealed class Ledger(GridRunner runner, Func<GridCell, CancellationToken, CellResult> trainer, Action<CellOutcome>? progress) : IJobLedger<GridCell>
    {
        private string? _currentPath;
        private ResultStoreState? _currentState;

        /// <summary>Repairs and oddities in the order met, each naming its file.</summary>
        public ConcurrentQueue<string> Warnings { get; } = new();

        public bool IsRecorded(GridCell cell, bool fresh)
        {
            if (fresh)
            {
                return runner.StoreFor(cell).Recover().Cells.Contains(cell.Key);
            }

            // Each file is read when its first cell comes up, with a store of its own, not StoreFor's cached one: a huge
            // grid must not keep one per file it passes.
            string path = runner.PathFor(cell);
            if (path != _currentPath)
            {
                _currentState = new ResultStore(path, runner.OptionsFor(runner.Grid.FileFor(cell))).Recover();
                foreach (string w in _currentState.Warnings)
                {
                    Warnings.Enqueue(w);
                }

                _currentPath = path;
            }

            return _currentState!.Cells.Contains(cell.Key);
        }

        public IDisposable? TryClaim(GridCell cell) => CellClaim.TryAcquire(runner.ResultsDirectory, runner.Grid.FileFor(cell), cell.Key);

        public JobOutcome Execute(GridCell cell, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            CellResult result = trainer(cell, cancellationToken);
            ResultRow row = ResultRow.FromResult(cell, result, clock.Elapsed.TotalSeconds);
            AppendOutcome outcome = runner.StoreFor(cell).Append(row);
            foreach (string w in outcome.Warnings)
            {
                Warnings.Enqueue(w);
            }

            progress?.Invoke(new CellOutcome(cell, row, outcome.Appended, outcome.Warnings));
            return new JobOutcome(outcome.Appended, row.IsDiverged, []);
        }
    }
}
