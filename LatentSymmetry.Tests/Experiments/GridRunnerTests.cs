using LatentSymmetry.Core.Models;
using System.Collections.Concurrent;
using LatentSymmetry.Core.Experiments.Grid;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Tests.Experiments;

public class GridRunnerTests
{
    private static readonly ExperimentGrid Grid = new(3, 16, [1, 2], lambdaMaxValues: [0.0, 0.1, 100.0], learningRates: [1e-4, 6e-4]);

    // A deterministic stand-in for training: the losses depend only on the cell; lambda 100 at layer 2 diverges.
    private static CellResult FakeTrainer(GridCell cell, CancellationToken token)
    {
        token.ThrowIfCancellationRequested();
        if (cell.LambdaMax == 100.0 && cell.SymmetryLayer.Number == 2)
        {
            return new CellResult(double.PositiveInfinity, double.NaN, 3);
        }

        double task = cell.LearningRate * (1 + cell.Seed) / (1 + cell.LambdaMax) + (0.001 * Math.Abs(cell.SymmetryLayer.Number ?? 7)); // a loss is >= 0
        return new CellResult(task, 1e-5 * Math.Abs(cell.SymmetryLayer.Number ?? 0) / (1 + cell.LambdaMax), 50);
    }

    private static Dictionary<string, ResultRow[]> ReadAll(string directory) =>
        Directory.GetFiles(directory, "*.csv").ToDictionary(
            p => Path.GetFileName(p),
            p => ResultTable.Read(p).Rows.Select(r => r with { WallSeconds = null }).OrderBy(r => r.Key.ToString()).ToArray());

    [Test]
    public void Results_are_identical_for_one_and_two_jobs()
    {
        using var one = new TemporaryDirectory();
        using var two = new TemporaryDirectory();
        GridRunSummary s1 = new GridRunner(Grid, one.Path).Run(Grid.Cells, FakeTrainer, jobs: 1);
        GridRunSummary s2 = new GridRunner(Grid, two.Path).Run(Grid.Cells, FakeTrainer, jobs: 2);

        Assert.That((s1.Recorded, s1.Diverged, s1.AlreadyPresent), Is.EqualTo((Grid.Cells.Count, 4, 0)));
        Assert.That((s2.Recorded, s2.Diverged, s2.AlreadyPresent), Is.EqualTo((s1.Recorded, s1.Diverged, s1.AlreadyPresent)));
        Dictionary<string, ResultRow[]> a = ReadAll(one.Path), b = ReadAll(two.Path);
        Assert.That(a.Keys, Is.EquivalentTo(Grid.Files().Select(f => f.FileName)));
        Assert.That(b.Keys, Is.EquivalentTo(a.Keys));
        foreach (string file in a.Keys)
        {
            Assert.That(b[file], Is.EqualTo(a[file]), file);
            Assert.That(a[file], Has.Length.EqualTo(Grid.CellsPerFile));
        }
    }

    [Test]
    public void Diverged_runs_are_recorded_with_nan_losses()
    {
        using var dir = new TemporaryDirectory();
        new GridRunner(Grid, dir.Path).Run(Grid.Cells, FakeTrainer);
        ResultRow row = ResultTable.Read(Path.Combine(dir.Path, "layers=3x16_lr=1e-4_seed=1.csv")).Find(new CellKey(1e-4, 100.0, SymmetryLayer.Hidden(2)))!;
        Assert.That(double.IsNaN(row.TestTaskLoss) && double.IsNaN(row.TestSymLoss), Is.True);
        Assert.That((row.Diverged, row.Epochs), Is.EqualTo(((bool?)true, (int?)3)));
    }

    [Test]
    public void Rerun_after_a_crash_runs_only_the_missing_cells()
    {
        using var dir = new TemporaryDirectory();
        int calls = 0;
        CellResult Crashing(GridCell cell, CancellationToken token) =>
            Interlocked.Increment(ref calls) == 10 ? throw new InvalidOperationException("node lost") : FakeTrainer(cell, token);

        var runner = new GridRunner(Grid, dir.Path);
        Assert.Throws<InvalidOperationException>(() => runner.Run(Grid.Cells, Crashing, jobs: 1));

        var ran = new ConcurrentBag<GridCell>();
        GridRunSummary summary = new GridRunner(Grid, dir.Path).Run(Grid.Cells, (c, t) =>
        {
            ran.Add(c);
            return FakeTrainer(c, t);
        }, jobs: 2);

        Assert.That(summary.AlreadyPresent, Is.EqualTo(9));
        Assert.That(ran, Is.EquivalentTo(Grid.Cells.Skip(9)));
        Assert.That(ReadAll(dir.Path).Values.Sum(rows => rows.Length), Is.EqualTo(Grid.Cells.Count));
    }

    [Test]
    public void Shards_run_separately_fill_the_same_files_completely()
    {
        using var dir = new TemporaryDirectory();
        using var reference = new TemporaryDirectory();
        var shards = Enumerable.Range(1, 3).Select(k => Task.Run(() =>
            new GridRunner(Grid, dir.Path).Run(new ShardSpec(k, 3).Select(Grid.Cells), FakeTrainer, jobs: 2))).ToArray();
        Task.WaitAll(shards);
        new GridRunner(Grid, reference.Path).Run(Grid.Cells, FakeTrainer);

        Dictionary<string, ResultRow[]> sharded = ReadAll(dir.Path), whole = ReadAll(reference.Path);
        Assert.That(sharded.Keys, Is.EquivalentTo(whole.Keys));
        foreach (string file in whole.Keys)
        {
            Assert.That(sharded[file], Is.EqualTo(whole[file]), file);
        }
    }

    [Test]
    public void Cancellation_stops_without_recording_the_cancelled_cell()
    {
        using var dir = new TemporaryDirectory();
        using var cts = new CancellationTokenSource();
        int calls = 0;
        GridRunSummary summary = new GridRunner(Grid, dir.Path).Run(Grid.Cells, (c, t) =>
        {
            if (Interlocked.Increment(ref calls) == 5)
            {
                cts.Cancel();
            }

            return FakeTrainer(c, t);
        }, cancellationToken: cts.Token);

        Assert.That(summary.Cancelled, Is.True);
        Assert.That(summary.Recorded, Is.EqualTo(4));
        Assert.That(new GridRunner(Grid, dir.Path).Plan(Grid.Cells).Missing, Has.Count.EqualTo(Grid.Cells.Count - 4));
    }

    [Test]
    public void Torn_tail_is_repaired_and_reported_before_running()
    {
        using var dir = new TemporaryDirectory();
        var runner = new GridRunner(Grid, dir.Path);
        runner.Run(Grid.Cells.Take(5).ToArray(), FakeTrainer);
        File.AppendAllText(runner.PathFor(Grid.Cells[5]), "0.0001,0.1,3,0.00");

        GridRunSummary summary = new GridRunner(Grid, dir.Path).Run(Grid.Cells, FakeTrainer);
        Assert.That(summary.Warnings.Single(), Does.Contain("repaired torn tail"));
        Assert.That(summary.AlreadyPresent, Is.EqualTo(5));
        Assert.That(ReadAll(dir.Path).Values.Sum(rows => rows.Length), Is.EqualTo(Grid.Cells.Count));
    }

    [Test]
    public void A_cell_claimed_by_another_process_is_skipped_not_trained_twice()
    {
        // Row 18 of issue 10: two unsharded processes each trained all the cells. A claim held elsewhere (here a
        // second handle, which a file lock excludes just as another process) makes the runner skip that cell.
        using var dir = new TemporaryDirectory();
        GridCell claimed = Grid.Cells[4];
        using (CellClaim? held = CellClaim.TryAcquire(dir.Path, Grid.FileFor(claimed), claimed.Key))
        {
            Assert.That(held, Is.Not.Null);
            Assert.That(CellClaim.TryAcquire(dir.Path, Grid.FileFor(claimed), claimed.Key), Is.Null, "a held claim cannot be taken twice");
            var trained = new ConcurrentBag<GridCell>();
            GridRunSummary summary = new GridRunner(Grid, dir.Path).Run(Grid.Cells, (c, t) => { trained.Add(c); return FakeTrainer(c, t); }, jobs: 2);
            Assert.That(trained, Does.Not.Contain(claimed));
            Assert.That(trained, Has.Count.EqualTo(Grid.Cells.Count - 1));
            Assert.That(summary.ClaimedElsewhere, Is.EqualTo(1));
        }

        // Released (or its process died): the next run trains it, and no claim file is left behind.
        var rerun = new List<GridCell>();
        new GridRunner(Grid, dir.Path).Run(Grid.Cells, (c, t) => { rerun.Add(c); return FakeTrainer(c, t); });
        Assert.That(rerun, Is.EqualTo(new[] { claimed }));
        Assert.That(Directory.EnumerateFiles(Path.Combine(dir.Path, CellClaim.DirectoryName)), Is.Empty);
    }

    [Test]
    public void Two_runners_on_one_grid_split_the_cells()
    {
        using var dir = new TemporaryDirectory();
        var trained = new ConcurrentBag<GridCell>();
        using var gate = new Barrier(2);
        CellResult Slow(GridCell c, CancellationToken t)
        {
            trained.Add(c);
            Thread.Sleep(5); // long enough that the other runner meets the claim, not the recorded row
            return FakeTrainer(c, t);
        }

        var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(() => { gate.SignalAndWait(); return new GridRunner(Grid, dir.Path).Run(Grid.Cells, Slow, jobs: 2); })).ToArray();
        Task.WaitAll(runs);
        Assert.That(trained.Distinct().Count(), Is.EqualTo(Grid.Cells.Count));
        Assert.That(trained.Count, Is.LessThan(Grid.Cells.Count * 3 / 2), "most cells trained once, not by both");
        Assert.That(runs.Sum(r => r.Result.Recorded), Is.EqualTo(Grid.Cells.Count));
    }

    [Test]
    public void Counting_recorded_cells_reads_only_existing_files()
    {
        using var dir = new TemporaryDirectory();
        var runner = new GridRunner(Grid, dir.Path);
        runner.Run(Grid.Cells.Take(5).ToArray(), FakeTrainer);
        Assert.That(runner.CountRecorded(ShardSpec.All).Recorded, Is.EqualTo(5));
        var shard = new ShardSpec(2, 3);
        Assert.That(runner.CountRecorded(shard).Recorded, Is.EqualTo(Enumerable.Range(0, 5).Count(shard.Contains)));
    }

    [Test]
    public void Baseline_variants_resume_and_shard_like_the_penalty_grid()
    {
        // benchmark --baselines: the variant cells (files of their own) are counted, resumed and sharded by their index.
        var grid = new ExperimentGrid(3, 16, [1, 2], lambdaMaxValues: [0.0, 0.1], learningRates: [1e-4, 6e-4], baselines: ["augment", "invariant"]);
        int variants = 2 * 2 * 2;
        using var dir = new TemporaryDirectory();
        using var reference = new TemporaryDirectory();

        // A run stopped part-way into the variant cells, then the same shards resumed separately.
        var first = new GridRunner(grid, dir.Path);
        int stop = grid.Cells.Count - variants + 3;
        first.Run(grid.Cells.Take(stop).ToArray(), FakeTrainer);
        Assert.That(first.CountRecorded(ShardSpec.All).Recorded, Is.EqualTo(stop));
        var shard = new ShardSpec(2, 3);
        Assert.That(first.CountRecorded(shard).Recorded, Is.EqualTo(Enumerable.Range(0, stop).Count(shard.Contains)));

        var ran = new ConcurrentBag<GridCell>();
        var summaries = Enumerable.Range(1, 3).Select(k => Task.Run(() =>
            new GridRunner(grid, dir.Path).Run(new ShardSpec(k, 3).Select(grid.Cells), (c, t) => { ran.Add(c); return FakeTrainer(c, t); }, jobs: 2))).ToArray();
        Task.WaitAll(summaries);
        Assert.That(ran, Is.EquivalentTo(grid.Cells.Skip(stop)), "only the missing variant cells ran");
        Assert.That(summaries.Sum(s => s.Result.AlreadyPresent), Is.EqualTo(stop));

        new GridRunner(grid, reference.Path).Run(grid.Cells, FakeTrainer);
        Dictionary<string, ResultRow[]> resumed = ReadAll(dir.Path), whole = ReadAll(reference.Path);
        Assert.That(whole.Keys, Is.EquivalentTo(grid.Files().Select(f => f.FileName)));
        Assert.That(whole.Keys.Count(k => k.EndsWith("_setup=augment.csv", StringComparison.Ordinal)), Is.EqualTo(4));
        Assert.That(resumed.Keys, Is.EquivalentTo(whole.Keys));
        foreach (string file in whole.Keys)
        {
            Assert.That(resumed[file], Is.EqualTo(whole[file]), file);
        }

        Assert.That(new GridRunner(grid, dir.Path).CountRecorded(ShardSpec.All).Recorded, Is.EqualTo(grid.Cells.Count));
    }
}
