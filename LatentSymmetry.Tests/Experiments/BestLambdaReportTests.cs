using LatentSymmetry.Core.Models;
using System.Text;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Experiments.Analysis;

namespace LatentSymmetry.Tests.Experiments;

public class BestLambdaReportTests
{
    private const string File = "learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss\r\n"
        + "0.0003,0,1,0.0005,0.3\r\n"
        + "0.0003,0,-1,0.0006,0.2\r\n"
        + "0.0003,0.1,1,0.0003,0.01\r\n"
        + "0.0003,0.1,-1,0.0004,0.02\r\n"
        + "0.0003,1.0,1,0.0004,0.001\r\n"
        + "0.0003,1.0,-1,nan,nan\r\n"
        + "0.0003,100.0,1,0.0001,0.0001\r\n"
        + "0.0003,100.0,-1,0.00035,1e-05\r\n"
        + "0.0003,0.5,2,0.0009,0.5\r\n"
        + "0.0003,0.0,,0.00055,0.0\r\n";

    [Test]
    public void Picks_best_and_runner_up_per_layer_ignoring_diverged_rows()
    {
        BestLambdaReport report = BestLambdaReport.Analyze(ResultTable.Parse("layers=2x8_lr=3e-4_seed=1.csv", Encoding.UTF8.GetBytes(File)));
        Assert.That(report.Layers.Select(l => l.SymmetryLayer.Value), Is.EqualTo(new[] { 1, 2, -1 }));

        LayerBest one = report.Layers[0];
        Assert.That((one.Best!.LambdaMax, one.Best.TestTaskLoss, one.Best.TestSymLoss), Is.EqualTo((100.0, 0.0001, 0.0001)));
        Assert.That(one.RunnerUp!.LambdaMax, Is.EqualTo(0.1));

        Assert.That(report.Layers[1].RunnerUp, Is.Null);

        LayerBest output = report.Layers[2];
        Assert.That((output.Best!.LambdaMax, output.RunnerUp!.LambdaMax, output.Diverged), Is.EqualTo((100.0, 0.1, 1)));
        Assert.That(report.Baseline!.TestTaskLoss, Is.EqualTo(0.00055));
    }

    [Test]
    public void Renderers_show_the_table()
    {
        BestLambdaReport report = BestLambdaReport.Analyze(ResultTable.Parse("x.csv", Encoding.UTF8.GetBytes(File)));
        string md = MarkdownReportRenderer.Render(report);
        Assert.That(md, Does.Contain("| 1 | 100.0 | 1.0000e-04 | 1.0000e-04 | 0.1 | 3.0000e-04 | 1.0000e-02 |"));
        Assert.That(md, Does.Contain("| 2 | 0.5 | 9.0000e-04 | 5.0000e-01 | — | — | — |"));

        string csv = CsvReportRenderer.Render(report);
        Assert.That(csv, Does.StartWith("symmetry_layer,rank,lambda_sym_max,test_task_loss,test_sym_loss\n1,1,100.0,0.0001,0.0001\n1,2,0.1,0.0003,0.01\n"));
        Assert.That(csv, Does.EndWith(",1,0.0,0.00055,0.0\n"));

        using var json = System.Text.Json.JsonDocument.Parse(JsonReportRenderer.Render(report));
        Assert.That(json.RootElement.GetProperty("layers")[1].GetProperty("runner_up").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
    }

    [Test]
    public void A_layer_whose_every_run_diverged_is_shown_as_diverged_with_a_warning()
    {
        // Row 6 of issue 10: layer 1's rows NaN, inf and -inf made the layer vanish from every format.
        const string text = "learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss\n"
            + "0.0003,0.1,1,nan,nan\n0.0003,1.0,1,inf,inf\n0.0003,10.0,1,nan,inf\n0.0003,0.1,-1,0.0004,0.02\n";
        BestLambdaReport report = BestLambdaReport.Analyze(ResultTable.Parse("layers=6x128_lr=3e-4_seed=1.csv", Encoding.UTF8.GetBytes(text)));
        Assert.That(report.Layers.Select(l => (l.SymmetryLayer.Value, l.Best is null, l.Diverged)), Is.EqualTo(new[] { (1, true, 3), (-1, false, 0) }));
        Assert.That(report.Warnings, Has.Some.Contains("layer 1: all 3 run(s) diverged"));
        using var json = System.Text.Json.JsonDocument.Parse(JsonReportRenderer.Render(report));
        var layer1 = json.RootElement.GetProperty("layers")[0];
        Assert.That(layer1.GetProperty("all_diverged").GetBoolean(), Is.True);
        Assert.That(MarkdownReportRenderer.Render(report), Does.Contain("| 1 | all 3 diverged |"));
        Assert.That(CsvReportRenderer.Render(report), Does.Contain("\n1,1,,nan,nan\n"));
    }

    [Test]
    public void Rows_of_another_learning_rate_than_the_file_name_are_left_out_with_a_warning()
    {
        // Row 15: a file named lr=3e-4 with a baseline row at lr 0.001 made that the 3e-4 rows' baseline.
        const string text = "learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss\n"
            + "0.0003,0.1,1,0.0004,0.02\n0.001,0.0,,0.009,0.0\n0.0003,0.0,,0.0005,0.0\n";
        var table = ResultTable.Parse("layers=6x128_lr=3e-4_seed=1.csv", Encoding.UTF8.GetBytes(text));
        Assert.That(table.Warnings, Has.Some.Contains(":3: learning rate 0.001 differs from the file name's lr=3e-4"));
        BestLambdaReport report = BestLambdaReport.Analyze(table);
        Assert.That(report.Baseline!.TestTaskLoss, Is.EqualTo(0.0005));
        Assert.That(report.Warnings, Has.Some.Contains("1 row(s) with another learning rate than 0.0003 left out"));
    }
}
