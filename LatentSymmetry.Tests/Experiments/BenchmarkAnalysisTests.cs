using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.IO;
using System.Text;
using System.Text.Json;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Experiments.Analysis;

namespace LatentSymmetry.Tests.Experiments;

public class BenchmarkAnalysisTests
{
    private const string Header = "learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss\r\n";

    // Ten seeds. Baseline loss b_s = 1 + s/10. Cell (layer 1, lambda 0.1) = b_s / 2 on every seed: beats the baseline,
    // exact p = 2/1024, factor 2. Cell (layer -1, lambda 0.1) alternates above and below: does not.
    private static ResultTable Seed(int s, bool dropCell = false, string lr = "0.0003", string lrName = "3e-4")
    {
        double b = 1 + (s / 10.0);
        var sb = new StringBuilder(Header);
        if (!dropCell)
        {
            sb.Append(FormattableString.Invariant($"{lr},0.1,1,{PythonFloat.Format(b / 2)},0.01\r\n"));
        }

        sb.Append(FormattableString.Invariant($"{lr},0.1,-1,{PythonFloat.Format(b + (s % 2 == 0 ? 0.05 : -0.05))},{PythonFloat.Format(0.001 * s)}\r\n"));
        sb.Append(FormattableString.Invariant($"{lr},1.0,-1,{(s == 3 ? "nan" : PythonFloat.Format(b * 3))},0.1\r\n"));
        sb.Append(FormattableString.Invariant($"{lr},0.0,,{PythonFloat.Format(b)},0.0\r\n"));
        return ResultTable.Parse($"results/layers=6x128_lr={lrName}_seed={s}.csv", Encoding.UTF8.GetBytes(sb.ToString()));
    }

    [Test]
    public void Summarises_cells_and_compares_with_the_baseline()
    {
        BenchmarkReport report = BenchmarkAnalysis.Analyze([.. Enumerable.Range(1, 10).Select(s => Seed(s))]);
        GroupReport g = report.Groups.Single();
        Assert.That(g.Key, Is.EqualTo(new ResultGroupKey(6, 128, 3e-4)));
        Assert.That(g.Seeds, Is.EqualTo(Enumerable.Range(1, 10).Select(s => (int?)s)));
        Assert.That(g.Cells.Select(c => (c.SymmetryLayer.Number, c.LambdaMax)), Is.EqualTo(new (int?, double)[] { (1, 0.1), (-1, 0.1), (-1, 1.0), (null, 0.0) }));

        CellStatistics baseline = g.Baseline!;
        double[] b = [.. Enumerable.Range(1, 10).Select(s => 1 + (s / 10.0))];
        Assert.That(baseline.Task.Mean, Is.EqualTo(b.Average()).Within(1e-14));
        Assert.That(baseline.Task.Median, Is.EqualTo((b[4] + b[5]) / 2).Within(1e-14));
        Assert.That(baseline.Task.Ci95HalfWidth, Is.EqualTo(2.262157 * SampleSd(b) / Math.Sqrt(10)).Within(1e-6));

        CellStatistics winner = g.Cells[0];
        Assert.That(winner.VsBaseline!.Factor, Is.EqualTo(2.0).Within(1e-12));
        Assert.That(winner.VsBaseline.Test.PValue, Is.EqualTo(2.0 / 1024).Within(1e-15));
        Assert.That(winner.VsBaseline.BeatsBaseline, Is.True);
        Assert.That(g.Cells[1].VsBaseline!.BeatsBaseline, Is.False);
        Assert.That(g.BeatBaseline, Is.EqualTo(new[] { winner }));

        CellStatistics divergedCell = g.Cells[2];
        Assert.That((divergedCell.Present, divergedCell.Diverged, divergedCell.Task.N, divergedCell.VsBaseline!.Pairs), Is.EqualTo((10, 1, 9, 9)));

        Assert.That(g.BestByLayer.Select(c => (c.SymmetryLayer.Number, c.LambdaMax)), Is.EqualTo(new (int?, double)[] { (1, 0.1), (-1, 0.1) }));
        Assert.That(g.Incomplete, Is.Empty);
    }

    [Test]
    public void Completeness_report_lists_cells_missing_from_some_files()
    {
        BenchmarkReport report = BenchmarkAnalysis.Analyze([Seed(1), Seed(2, dropCell: true), Seed(3)]);
        IncompleteCell missing = report.Groups.Single().Incomplete.Single();
        Assert.That((missing.SymmetryLayer.Number, missing.LambdaMax, missing.Present), Is.EqualTo(((int?)1, 0.1, 2)));
        Assert.That(missing.MissingFrom, Is.EqualTo(new[] { "results/layers=6x128_lr=3e-4_seed=2.csv" }));
    }

    [Test]
    public void Files_of_several_learning_rates_form_separate_groups()
    {
        BenchmarkReport report = BenchmarkAnalysis.Analyze([Seed(1, lr: "0.0006", lrName: "6e-4"), Seed(1), Seed(2)]);
        Assert.That(report.Groups.Select(g => g.Key.Title), Is.EqualTo(new[] { "layers=6x128 lr=3e-4", "layers=6x128 lr=6e-4" }));
        Assert.That(report.Groups.Select(g => g.Files.Count), Is.EqualTo(new[] { 2, 1 }));
    }

    [Test]
    public void Csv_has_the_required_columns_and_one_row_per_cell()
    {
        string csv = CsvReportRenderer.Render(BenchmarkAnalysis.Analyze([.. Enumerable.Range(1, 10).Select(s => Seed(s))]));
        string[] lines = csv.TrimEnd('\n').Split('\n');
        Assert.That(lines[0], Does.StartWith("symmetry_layer,lambda_sym_max,n,task_mean,task_median,task_ci95,sym_mean,sym_median,sym_ci95,"));
        Assert.That(lines, Has.Length.EqualTo(5));
        Assert.That(lines[4], Does.StartWith(",0.0,10,"));
        string[] winner = lines[1].Split(',');
        Assert.That(winner[..3], Is.EqualTo(new[] { "1", "0.1", "10" }));
        Assert.That(PythonFloat.Parse(winner[Array.IndexOf(CsvReportRenderer.Columns.ToArray(), "factor_vs_baseline")]), Is.EqualTo(2.0).Within(1e-12));
    }

    [Test]
    public void Json_writes_nan_as_null_and_parses()
    {
        // One seed: confidence intervals are undefined (NaN) and must come out as null.
        string text = JsonReportRenderer.Render(BenchmarkAnalysis.Analyze([Seed(3)]));
        using JsonDocument doc = JsonDocument.Parse(text);
        JsonElement cell = doc.RootElement.GetProperty("groups")[0].GetProperty("cells")[0];
        Assert.That(cell.GetProperty("task").GetProperty("ci95").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(cell.GetProperty("task").GetProperty("n").GetInt32(), Is.EqualTo(1));
        JsonElement diverged = doc.RootElement.GetProperty("groups")[0].GetProperty("cells")[2];
        Assert.That(diverged.GetProperty("task").GetProperty("mean").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void Markdown_names_groups_winners_and_incomplete_cells()
    {
        string md = MarkdownReportRenderer.Render(BenchmarkAnalysis.Analyze([.. Enumerable.Range(1, 10).Select(s => Seed(s, dropCell: s == 4))]));
        Assert.That(md, Does.Contain("## layers=6x128 lr=3e-4 (10 seed files)"));
        Assert.That(md, Does.Contain("- layer 1, λ_max 0.1: 2×"));
        Assert.That(md, Does.Contain("missing from layers=6x128_lr=3e-4_seed=4.csv"));
    }

    [Test]
    public void Reading_a_missing_file_names_it()
    {
        var ex = Assert.Throws<ResultFileException>(() => BenchmarkAnalysis.Analyze(["results/none.csv"]));
        Assert.That(ex!.Message, Does.StartWith("results/none.csv: "));
    }

    private static double SampleSd(double[] x)
    {
        double m = x.Average();
        return Math.Sqrt(x.Sum(v => (v - m) * (v - m)) / (x.Length - 1));
    }
}
