using LatentSymmetry.Core.Models;
using System.Text;
using LatentSymmetry.Core.Experiments.Grid;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Tests.Experiments;

public class ResultStoreTests
{
    private static readonly ExperimentGrid Grid = new(2, 8, [42], lambdaMaxValues: [0.0, 0.1, 1.0], learningRates: [3e-4]);

    private static ResultRow RowFor(GridCell cell, double task = 0.5) =>
        ResultRow.FromResult(cell, new CellResult(task + (cell.LambdaMax / 7) + Math.Abs(cell.SymmetryLayer.Number ?? 0), 1e-5 * (1 + cell.LambdaMax), 100), 1.25); // losses are >= 0

    [Test]
    public void New_file_gets_the_extended_header_and_round_trips()
    {
        using var dir = new TemporaryDirectory();
        var store = new ResultStore(dir.File("sub/layers=2x8_lr=3e-4_seed=42.csv"));
        ResultRow[] rows = [.. Grid.Cells.Select(c => RowFor(c))];
        foreach (ResultRow row in rows)
        {
            Assert.That(store.Append(row).Appended, Is.True);
        }

        string text = File.ReadAllText(store.Path);
        Assert.That(text, Does.StartWith("learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss,wall_seconds,epochs,diverged\n"));
        Assert.That(text, Does.Not.Contain("\r"), "LF line ends, as history.csv and the original's files (row 14 of issue 10)");
        Assert.That(text.Split('\n').Count(l => l.EndsWith("False", StringComparison.Ordinal)), Is.EqualTo(rows.Length), "grep 'False$' finds every row");
        Assert.That(ResultTable.Read(store.Path).Rows, Is.EqualTo(rows));
    }

    [Test]
    public void Store_with_some_rows_reports_exactly_the_missing_cells()
    {
        using var dir = new TemporaryDirectory();
        var store = new ResultStore(dir.File("r.csv"));
        GridCell[] done = [Grid.Cells[0], Grid.Cells[4], Grid.Cells[^1]];
        foreach (GridCell cell in done)
        {
            store.Append(RowFor(cell));
        }

        ResultStoreState state = new ResultStore(store.Path).Recover();
        Assert.That(state.Missing(Grid.Cells), Is.EqualTo(Grid.Cells.Except(done)));
        Assert.That(state.Warnings, Is.Empty);
    }

    [Test]
    public void Recover_of_a_missing_file_is_empty_and_creates_nothing()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.File("absent.csv");
        Assert.That(new ResultStore(path).Recover().Cells, Is.Empty);
        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public void Appending_a_present_cell_writes_nothing()
    {
        using var dir = new TemporaryDirectory();
        var store = new ResultStore(dir.File("r.csv"));
        store.Append(RowFor(Grid.Cells[1]));
        byte[] before = File.ReadAllBytes(store.Path);
        AppendOutcome again = store.Append(RowFor(Grid.Cells[1], task: 9));
        Assert.That(again.Appended, Is.False);
        Assert.That(File.ReadAllBytes(store.Path), Is.EqualTo(before));
    }

    [TestCase("0.0003,0.1,2,0.0001")]                 // half a number, no newline
    [TestCase("0.0003,0.1,2,0.000123,1.2e-05,1.25")]  // whole losses but missing extras, no newline
    [TestCase("0.0003,0.1,2,0.000123,1.2e-05,1.25,100,False")] // complete text, newline never written
    [TestCase("0.0003,0.1,2,0.0001\0\0\0\0\0\0")]     // zero-filled tail after a power cut
    [TestCase("0.0003,0.1,2,0.000x,1e-5,1,1,False\r\n")] // terminated but unparsable last line
    public void Torn_last_line_is_truncated_with_a_warning_and_its_cell_runs_again(string tail)
    {
        using var dir = new TemporaryDirectory();
        var store = new ResultStore(dir.File("r.csv"));
        store.Append(RowFor(Grid.Cells[0]));
        store.Append(RowFor(Grid.Cells[1]));
        byte[] intact = File.ReadAllBytes(store.Path);
        File.AppendAllText(store.Path, tail, new UTF8Encoding(false));
        var torn = Grid.Cells.Single(c => c.LambdaMax == 0.1 && c.SymmetryLayer.Number == 2);

        ResultStoreState state = new ResultStore(store.Path).Recover();
        Assert.That(state.Warnings.Single(), Does.Contain("repaired torn tail"));
        Assert.That(state.Cells, Does.Not.Contain(torn.Key));
        Assert.That(File.ReadAllBytes(store.Path), Is.EqualTo(intact));

        Assert.That(store.Append(RowFor(torn)).Appended, Is.True);
        ResultTable table = ResultTable.Read(store.Path);
        Assert.That(table.Rows, Has.Count.EqualTo(3));
        Assert.That(table.Warnings, Is.Empty);
    }

    [Test]
    public void Kill_at_any_byte_of_a_write_is_recovered_to_the_same_file()
    {
        // A kill -9 can cut the last append after any byte; for every cut, recovery plus a rerun must give the complete file.
        using var dir = new TemporaryDirectory();
        var store = new ResultStore(dir.File("r.csv"));
        foreach (GridCell cell in Grid.Cells)
        {
            store.Append(RowFor(cell));
        }

        byte[] complete = File.ReadAllBytes(store.Path);
        int lastLineStart = Array.LastIndexOf(complete, (byte)'\n', complete.Length - 2) + 1;
        for (int cut = lastLineStart; cut < complete.Length; cut++)
        {
            File.WriteAllBytes(store.Path, complete[..cut]);
            var rerun = new ResultStore(store.Path);
            IReadOnlyList<GridCell> missing = rerun.Recover().Missing(Grid.Cells);
            Assert.That(missing, Is.EqualTo(new[] { Grid.Cells[^1] }), $"cut at {cut}");
            rerun.Append(RowFor(missing[0]));
            Assert.That(File.ReadAllBytes(store.Path), Is.EqualTo(complete), $"cut at {cut}");
        }
    }

    [Test]
    public void Append_repairs_a_torn_tail_itself()
    {
        using var dir = new TemporaryDirectory();
        var store = new ResultStore(dir.File("r.csv"));
        store.Append(RowFor(Grid.Cells[0]));
        File.AppendAllText(store.Path, "0.0003,1.0,");
        AppendOutcome outcome = store.Append(RowFor(Grid.Cells[1]));
        Assert.That(outcome.Appended, Is.True);
        Assert.That(outcome.Warnings.Single(), Does.Contain("no trailing newline"));
        Assert.That(ResultTable.Read(store.Path).Rows.Select(r => r.Key), Is.EqualTo(new[] { Grid.Cells[0].Key, Grid.Cells[1].Key }));
    }

    [Test]
    public void Torn_header_is_rewritten()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.File("r.csv");
        File.WriteAllText(path, "learning_rate,lambda_s");
        var store = new ResultStore(path);
        Assert.That(store.Append(RowFor(Grid.Cells[0])).Warnings, Has.Count.EqualTo(1));
        Assert.That(ResultTable.Read(path).Rows.Single().Key, Is.EqualTo(Grid.Cells[0].Key));
    }

    [Test]
    public void Damage_before_the_last_line_is_refused_not_repaired()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.File("r.csv");
        string text = "learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss\r\n0.1,0.1,1,abc,0.1\r\n0.1,0.2,1,0.5,0.1\r\n";
        File.WriteAllText(path, text);
        var ex = Assert.Throws<ResultFileException>(() => new ResultStore(path).Append(RowFor(Grid.Cells[0])));
        Assert.That(ex!.Message, Is.EqualTo($"{path}:2: malformed number 'abc' in column test_task_loss"));
        Assert.That(File.ReadAllText(path), Is.EqualTo(text));
    }

    [Test]
    public void Appending_to_a_python_file_keeps_its_five_columns_and_line_ends()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.File("r.csv");
        const string python = "learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss\r\n0.0003,0,1,0.0005,0.25\r\n";
        File.WriteAllText(path, python);
        new ResultStore(path).Append(new ResultRow(3e-4, 100, SymmetryLayer.Output, 1.2e-5, 0.5) { WallSeconds = 3, Epochs = 1, Diverged = false });
        Assert.That(File.ReadAllText(path), Is.EqualTo(python + "0.0003,100.0,-1,1.2e-05,0.5\r\n"));
    }

    [Test]
    public void Concurrent_appenders_record_each_cell_exactly_once()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.File("layers=6x128_lr=3e-4_seed=1.csv");
        var grid = new ExperimentGrid(6, 128, [1], learningRates: [3e-4]);
        const int Writers = 6;
        using var start = new Barrier(Writers);
        var threads = Enumerable.Range(0, Writers).Select(w => new Thread(() =>
        {
            // Each writer has its own store (as a separate process would); writers share half of their cells with a neighbour.
            var store = new ResultStore(path, new ResultStoreOptions { LockTimeout = TimeSpan.FromMinutes(1) });
            start.SignalAndWait();
            for (int i = 0; i < grid.Cells.Count; i++)
            {
                if (i % Writers == w || i % Writers == (w + 1) % Writers || i % 2 == 0)
                {
                    store.Append(RowFor(grid.Cells[i]));
                }
            }
        })).ToArray();
        foreach (Thread t in threads)
        {
            t.Start();
        }

        foreach (Thread t in threads)
        {
            t.Join();
        }

        string[] lines = File.ReadAllText(path).Split("\n");
        Assert.That(lines[^1], Is.Empty, "file ends with a line terminator");
        Assert.That(lines.Length - 2, Is.EqualTo(grid.Cells.Count), "one line per cell plus the header");
        ResultTable table = ResultTable.Read(path);
        Assert.That(table.Warnings, Is.Empty);
        Assert.That(table.Rows.Select(r => r.Key), Is.EquivalentTo(grid.Cells.Select(c => c.Key)));
        Assert.That(table.Rows, Is.EquivalentTo(grid.Cells.Select(c => RowFor(c))));
    }

    [Test]
    public void Reader_waits_for_the_writer_lock_instead_of_failing()
    {
        using var dir = new TemporaryDirectory();
        var store = new ResultStore(dir.File("r.csv"));
        store.Append(RowFor(Grid.Cells[0]));
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (int i = 0; i < 50; i++)
            {
                Assert.That(ResultTable.Read(store.Path).Rows, Is.Not.Empty);
            }
        })).ToArray();
        foreach (GridCell cell in Grid.Cells.Skip(1))
        {
            store.Append(RowFor(cell));
        }

        Task.WaitAll(readers);
    }
}
