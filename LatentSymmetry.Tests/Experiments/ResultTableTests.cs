using LatentSymmetry.Core.Models;
using System.Text;
using LatentSymmetry.Core.Experiments.Results;

namespace LatentSymmetry.Tests.Experiments;

public class ResultTableTests
{
    private const string Header = "learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss\r\n";

    private static ResultTable ParseText(string text, string path = "results/x.csv") => ResultTable.Parse(path, Encoding.UTF8.GetBytes(text));

    [Test]
    public void Reads_a_file_written_the_way_python_writes_it()
    {
        ResultTable table = ParseText(Header + "0.0003,0.001,3,0.000123,1.2e-05\r\n0.0003,0,1,0.0005,0.25\r\n0.0003,0.0,,0.000512,0.0\r\n",
            "results/layers=6x128_lr=3e-4_seed=42.csv");
        Assert.That(table.Rows, Is.EqualTo(new[]
        {
            new ResultRow(0.0003, 0.001, SymmetryLayer.Hidden(3), 0.000123, 1.2e-05),
            new ResultRow(0.0003, 0.0, SymmetryLayer.Hidden(1), 0.0005, 0.25),
            new ResultRow(0.0003, 0.0, SymmetryLayer.None, 0.000512, 0.0),
        }));
        Assert.That(table.Name, Is.EqualTo(new ResultFileName(6, 128, 3e-4, 42)));
        Assert.That(table.HasExtendedColumns, Is.False);
        Assert.That(table.Warnings, Is.Empty);
    }

    [Test]
    public void Writing_in_the_original_format_reproduces_pythons_bytes()
    {
        // What csv.DictWriter writes for these rows (floats via repr, None layer as '', \r\n line ends).
        const string python = Header + "0.0003,0.001,3,0.000123,1.2e-05\r\n0.0003,100.0,-1,0.00012345678,nan\r\n0.0003,0.0,,0.000512,0.0\r\n";
        ResultTable table = ParseText(python);
        string written = ResultCsv.FormatHeader(ResultColumns.Standard) + "\r\n"
            + string.Concat(table.Rows.Select(r => ResultCsv.FormatRow(r, ResultColumns.Standard) + "\r\n"));
        Assert.That(written, Is.EqualTo(python));
    }

    [Test]
    public void Extended_columns_round_trip()
    {
        var row = new ResultRow(6e-4, 0.2, SymmetryLayer.Output, double.NaN, double.NaN) { WallSeconds = 12.5, Epochs = 37, Diverged = true };
        var baseline = new ResultRow(6e-4, 0.0, SymmetryLayer.None, 1.5e-4, 0.0) { WallSeconds = 10.0, Epochs = 100, Diverged = false };
        string text = ResultCsv.FormatHeader(ResultColumns.Extended) + "\n"
            + ResultCsv.FormatRow(row, ResultColumns.Extended) + "\n" + ResultCsv.FormatRow(baseline, ResultColumns.Extended) + "\n";
        Assert.That(text, Does.Contain("0.0006,0.2,-1,nan,nan,12.5,37,True\n0.0006,0.0,,0.00015,0.0,10.0,100,False\n"));
        ResultTable table = ParseText(text);
        Assert.That(table.Rows, Is.EqualTo(new[] { row, baseline }));
        Assert.That(table.HasExtendedColumns, Is.True);
    }

    [Test]
    public void Columns_are_found_by_name_and_unknown_columns_ignored()
    {
        ResultTable table = ParseText("test_sym_loss,symmetry_layer,note,test_task_loss,lambda_sym_max,learning_rate\n1e-05,2,hi,0.5,1.0,0.0001\n");
        Assert.That(table.Rows.Single(), Is.EqualTo(new ResultRow(1e-4, 1.0, SymmetryLayer.Hidden(2), 0.5, 1e-05)));
    }

    [Test]
    public void Malformed_number_names_file_line_and_column()
    {
        string text = Header
            + "0.0003,0.1,1,0.5,0.1\r\n0.0003,0.2,1,0.5,0.1\r\n0.0003,0.3,1,0.5,0.1\r\n0.0003,0.5,1,0.5,0.1\r\n0.0003,1.0,1,0.5,0.1\r\n0.0003,2.0,1,abc,0.1\r\n";
        var ex = Assert.Throws<ResultFileException>(() => ParseText(text));
        Assert.That(ex!.Message, Is.EqualTo("results/x.csv:7: malformed number 'abc' in column test_task_loss"));
        Assert.That(ex.LineNumber, Is.EqualTo(7));
        Assert.That(ex.FilePath, Is.EqualTo("results/x.csv"));
    }

    [Test]
    public void Missing_column_names_file_and_header_line()
    {
        var ex = Assert.Throws<ResultFileException>(() => ParseText("learning_rate,lambda_sym_max,symmetry_layer,test_task_loss\n0.1,0.1,1,0.5\n"));
        Assert.That(ex!.Message, Does.StartWith("results/x.csv:1: missing column test_sym_loss"));
    }

    [Test]
    public void Wrong_field_count_and_bad_layer_are_errors_with_line()
    {
        Assert.That(Assert.Throws<ResultFileException>(() => ParseText(Header + "0.1,0.1,1,0.5\r\n"))!.Message, Does.StartWith("results/x.csv:2: expected 5 fields"));
        Assert.That(Assert.Throws<ResultFileException>(() => ParseText(Header + "0.1,0.1,one,0.5,0.1\r\n"))!.Message,
            Is.EqualTo("results/x.csv:2: malformed layer 'one' in column symmetry_layer"));
    }

    [Test]
    public void Empty_file_is_an_error()
    {
        Assert.That(Assert.Throws<ResultFileException>(() => ParseText(string.Empty))!.Message, Does.StartWith("results/x.csv:1: empty file"));
    }

    [Test]
    public void Missing_file_is_an_error_naming_it()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.File("nope.csv");
        var ex = Assert.Throws<ResultFileException>(() => ResultTable.Read(path));
        Assert.That(ex!.Message, Is.EqualTo($"{path}: file not found"));
    }

    [Test]
    public void Torn_tail_is_ignored_with_a_warning_and_the_file_is_left_alone()
    {
        using var dir = new TemporaryDirectory();
        string path = dir.File("layers=6x128_lr=3e-4_seed=1.csv");
        string text = Header + "0.0003,0.1,1,0.5,0.1\r\n0.0003,0.2,1,0.00";
        File.WriteAllText(path, text);
        ResultTable table = ResultTable.Read(path);
        Assert.That(table.Rows, Has.Count.EqualTo(1));
        Assert.That(table.Warnings.Single(), Does.Contain("line 3 has no trailing newline"));
        Assert.That(File.ReadAllText(path), Is.EqualTo(text));
    }

    [Test]
    public void Duplicate_cells_keep_the_first_row_with_a_warning()
    {
        ResultTable table = ParseText(Header + "0.0003,0.1,1,0.5,0.1\r\n0.0003,0.1,1,0.7,0.1\r\n");
        Assert.That(table.Rows.Single().TestTaskLoss, Is.EqualTo(0.5));
        Assert.That(table.Warnings.Single(), Does.StartWith("results/x.csv:3: duplicate cell"));
    }

    [Test]
    public void Byte_order_mark_and_lf_line_ends_are_accepted()
    {
        ResultTable table = ParseText("\uFEFFlearning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss\n0.0001,1e-3,,inf,0.0\n");
        Assert.That(table.Rows.Single(), Is.EqualTo(new ResultRow(1e-4, 1e-3, SymmetryLayer.None, double.PositiveInfinity, 0.0)));
    }

    [TestCase("0.0003,0.0,1,-inf,0.1", "test_task_loss -inf is negative")]
    [TestCase("0.0003,0.0,1,-0.3,0.1", "test_task_loss -0.3 is negative")]
    [TestCase("0.0003,0.0,1,0.3,-inf", "test_sym_loss -inf is negative")]
    [TestCase("0.0003,-1.0,1,0.3,0.1", "lambda_sym_max -1.0 must be a finite number >= 0")]
    [TestCase("0.0003,inf,1,0.3,0.1", "lambda_sym_max inf must be a finite number >= 0")]
    [TestCase("-0.0003,0.0,1,0.3,0.1", "learning_rate -0.0003 must be a finite number > 0")]
    [TestCase("0.0003,0.0,0,0.3,0.1", "symmetry_layer 0 does not exist")]
    [TestCase("0.0003,0.0,-7,0.3,0.1", "symmetry_layer -7 does not exist")]
    [TestCase("0.0003,0.0,9,0.3,0.1", "symmetry_layer 9 does not exist in a network of 6 hidden layers")]
    public void Values_no_run_can_produce_are_refused_with_file_and_line(string row, string message)
    {
        // Row 7 of issue 10: these were accepted and -inf and -0.3 were picked as the best.
        var content = Encoding.UTF8.GetBytes("learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss\n0.0003,0.1,1,0.5,0.1\n" + row + "\n");
        var e = Assert.Throws<ResultFileException>(() => ResultTable.Parse("layers=6x128_lr=3e-4_seed=1.csv", content));
        Assert.That(e!.Message, Does.StartWith("layers=6x128_lr=3e-4_seed=1.csv:3: ").And.Contain(message));
    }

    [Test]
    public void Diverged_losses_nan_and_inf_are_kept()
    {
        var content = Encoding.UTF8.GetBytes("learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss\n0.0003,0.1,6,nan,nan\n0.0003,1.0,-1,inf,inf\n");
        var table = ResultTable.Parse("layers=6x128_lr=3e-4_seed=1.csv", content);
        Assert.That(table.Rows.Select(r => r.IsDiverged), Is.EqualTo(new[] { true, true }));
    }
}
