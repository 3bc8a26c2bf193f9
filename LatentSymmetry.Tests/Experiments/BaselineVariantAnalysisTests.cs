using System.Text;
using System.Text.Json;
using LatentSymmetry.Core.Experiments.Analysis;
using LatentSymmetry.Core.Experiments.Grid;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.IO;

namespace LatentSymmetry.Tests.Experiments;

/// <summary>The baseline variants of benchmark --baselines read as part of their grid's group (analyze), by hand-built files.</summary>
public class BaselineVariantAnalysisTests
{
    const string Setup = "radial+cone-60";
    static readonly string Header = string.Join(",", ResultColumns.WithSetup) + "\n";

    // Three seeds of a cone:60 grid (layer -1 at lambda 1, and the plain-MLP baseline), augmentation on every seed and the
    // invariant model on seeds 1 and 3 only. Losses chosen so every mean and ratio below is exact by hand:
    //   penalty task 2e-4, 3e-4, 4e-4, orbit 2.4e-4, 3.3e-4, 4e-4 (ratios 1.2, 1.1, 1.0)
    //   plain MLP task 4e-4, 6e-4, 8e-4, orbit 4e-2, 1.2e-2, 8e-3 (ratios 100, 20, 10)
    //   augmentation task 1e-4, 2e-4, 3e-4, orbit 1.1e-4, 2e-4, 2.7e-4 (ratios 1.1, 1.0, 0.9)
    //   invariant model task 5e-5 (seed 1), 7e-5 (seed 3), orbit equal (ratio 1)
    static readonly double[] Penalty = [2e-4, 3e-4, 4e-4], PenaltyOrbit = [2.4e-4, 3.3e-4, 4e-4];
    static readonly double[] Plain = [4e-4, 6e-4, 8e-4], PlainOrbit = [4e-2, 1.2e-2, 8e-3];
    static readonly double[] Augment = [1e-4, 2e-4, 3e-4], AugmentOrbit = [1.1e-4, 2e-4, 2.7e-4];

    static string Row(string lambda, string layer, double task, double sym, string model, bool augment, double orbit) =>
        FormattableString.Invariant($"0.0003,{lambda},{layer},{PythonFloat.Format(task)},{PythonFloat.Format(sym)},1.5,100,False,so3,radial,cone:60,{model},{(augment ? "True" : "False")},{PythonFloat.Format(orbit)}\n");

    static (string Name, string Text) File(int seed, string setup, params string[] rows) =>
        ($"layers=6x128_lr=3e-4_seed={seed}_setup={setup}.csv", Header + string.Concat(rows));

    /// <summary>The hand-built study as files (name and content), for the command tests too.</summary>
    internal static IReadOnlyList<(string Name, string Text)> StudyFiles()
    {
        var files = new List<(string, string)>();
        for (int s = 1; s <= 3; s++)
        {
            int i = s - 1;
            files.Add(File(s, Setup,
                Row("1.0", "-1", Penalty[i], 1e-5, "mlp", false, PenaltyOrbit[i]),
                Row("0.0", "", Plain[i], 0.0, "mlp", false, PlainOrbit[i])));
            files.Add(File(s, Setup + "+augment", Row("0.0", "", Augment[i], 0.0, "mlp", true, AugmentOrbit[i])));
        }

        files.Add(File(1, Setup + "+invariant", Row("0.0", "", 5e-5, 0.0, "invariant", false, 5e-5)));
        files.Add(File(3, Setup + "+invariant", Row("0.0", "", 7e-5, 0.0, "invariant", false, 7e-5)));
        return files;
    }

    static ResultTable Table((string Name, string Text) file) => ResultTable.Parse("results/" + file.Name, Encoding.UTF8.GetBytes(file.Text));

    static ResultTable[] Study() => [.. StudyFiles().Select(Table)];

    [Test]
    public void Baseline_variants_join_their_grid_as_one_group_with_means_by_hand()
    {
        BenchmarkReport report = BenchmarkAnalysis.Analyze(Study());

        GroupReport g = report.Groups.Single();
        Assert.That(g.Key, Is.EqualTo(new ResultGroupKey(6, 128, 3e-4) { Setup = Setup }));
        Assert.That(g.Files, Has.Count.EqualTo(3), "the grid's files; the variants' are their own");
        Assert.That(g.Cells.Select(c => (c.SymmetryLayer.Number, c.LambdaMax)), Is.EqualTo(new (int?, double)[] { (-1, 1.0), (null, 0.0) }));
        Assert.That(g.Baselines.Select(b => b.Variant), Is.EqualTo(new[] { "augment", "invariant" }));
        Assert.That(g.HasOrbit, Is.True);

        // The plain MLP and the penalty: orbit ratio means by hand.
        Assert.That(g.Baseline!.OrbitRatio!.Mean, Is.EqualTo((100.0 + 20 + 10) / 3).Within(1e-9));
        Assert.That(g.Baseline.OrbitRatio.Median, Is.EqualTo(20).Within(1e-9));
        Assert.That(g.Baseline.Orbit!.Mean, Is.EqualTo((4e-2 + 1.2e-2 + 8e-3) / 3).Within(1e-15));
        Assert.That(g.Cells[0].OrbitRatio!.Mean, Is.EqualTo(1.1).Within(1e-12));

        CellStatistics augment = g.Baselines[0].Statistics;
        Assert.That(g.Baselines[0].Files, Has.Count.EqualTo(3));
        Assert.That((augment.Present, augment.Task.N), Is.EqualTo((3, 3)));
        Assert.That(augment.Task.Mean, Is.EqualTo(2e-4).Within(1e-18));
        Assert.That(augment.Orbit!.Mean, Is.EqualTo((1.1e-4 + 2e-4 + 2.7e-4) / 3).Within(1e-18));
        Assert.That(augment.OrbitRatio!.Mean, Is.EqualTo(1.0).Within(1e-12));
        Assert.That(augment.OrbitRatio.Median, Is.EqualTo(1.0).Within(1e-12));
        // Against the plain MLP of the same seeds: 6e-4 / 2e-4, every seed lower, n = 3: exact two-sided p = 2/8.
        Assert.That(augment.VsBaseline!.Pairs, Is.EqualTo(3));
        Assert.That(augment.VsBaseline.Factor, Is.EqualTo(3.0).Within(1e-12));
        Assert.That(augment.VsBaseline.Test.PValue, Is.EqualTo(0.25).Within(1e-15));
        Assert.That(augment.VsBaseline.BeatsBaseline, Is.False);

        // The invariant model lacks seed 2: paired with seeds 1 and 3 of the plain MLP only, (4e-4 + 8e-4) / 2 over 6e-5.
        CellStatistics invariant = g.Baselines[1].Statistics;
        Assert.That(invariant.Task.Mean, Is.EqualTo(6e-5).Within(1e-18));
        Assert.That(invariant.OrbitRatio!.Mean, Is.EqualTo(1.0));
        Assert.That(invariant.VsBaseline!.Pairs, Is.EqualTo(2));
        Assert.That(invariant.VsBaseline.BaselineMean, Is.EqualTo(6e-4).Within(1e-18));
        Assert.That(invariant.VsBaseline.Factor, Is.EqualTo(10.0).Within(1e-9));

        IncompleteCell missing = g.Incomplete.Single();
        Assert.That((missing.Variant, missing.Present), Is.EqualTo(("invariant", 2)));
        Assert.That(missing.MissingFrom, Is.EqualTo(new[] { Path.Combine("results", "layers=6x128_lr=3e-4_seed=2_setup=radial+cone-60+invariant.csv") }));
    }

    [Test]
    public void Json_carries_the_baselines_array_in_the_group_object()
    {
        using JsonDocument doc = JsonDocument.Parse(JsonReportRenderer.Render(BenchmarkAnalysis.Analyze(Study())));
        JsonElement group = doc.RootElement.GetProperty("groups").EnumerateArray().Single();
        Assert.That(group.GetProperty("setup").GetString(), Is.EqualTo(Setup));
        JsonElement[] baselines = [.. group.GetProperty("baselines").EnumerateArray()];
        Assert.That(baselines.Select(b => b.GetProperty("variant").GetString()), Is.EqualTo(new[] { "augment", "invariant" }));
        Assert.That(baselines[0].GetProperty("task").GetProperty("mean").GetDouble(), Is.EqualTo(2e-4).Within(1e-18));
        Assert.That(baselines[0].GetProperty("orbit_ratio").GetProperty("mean").GetDouble(), Is.EqualTo(1.0).Within(1e-12));
        Assert.That(baselines[0].GetProperty("vs_baseline").GetProperty("factor").GetDouble(), Is.EqualTo(3.0).Within(1e-12));
        Assert.That(baselines[1].GetProperty("files").GetArrayLength(), Is.EqualTo(2));
        Assert.That(group.GetProperty("cells")[1].GetProperty("orbit_ratio").GetProperty("median").GetDouble(), Is.EqualTo(20).Within(1e-9));
        Assert.That(group.GetProperty("incomplete")[0].GetProperty("variant").GetString(), Is.EqualTo("invariant"));
    }

    [Test]
    public void Csv_adds_the_variant_rows_after_the_grid_with_the_lab_columns()
    {
        string[] lines = CsvReportRenderer.Render(BenchmarkAnalysis.Analyze(Study())).TrimEnd('\n').Split('\n');
        string[] header = lines[0].Split(',');
        Assert.That(header, Is.EqualTo(CsvReportRenderer.Columns.Concat(CsvReportRenderer.LabColumns)));
        Assert.That(lines, Has.Length.EqualTo(5), "header, two grid cells, two variants");
        string[] augment = lines[3].Split(',');
        string Field(string[] row, string column) => row[Array.IndexOf(header, column)];
        Assert.That((Field(augment, "variant"), Field(augment, "setup"), Field(augment, "symmetry_layer"), Field(augment, "seed_files")),
            Is.EqualTo(("augment", Setup, "", "3")));
        Assert.That(PythonFloat.Parse(Field(augment, "task_mean")), Is.EqualTo(2e-4).Within(1e-18));
        Assert.That(PythonFloat.Parse(Field(augment, "factor_vs_baseline")), Is.EqualTo(3.0).Within(1e-12));
        Assert.That(PythonFloat.Parse(Field(lines[2].Split(','), "orbit_ratio_mean")), Is.EqualTo(130.0 / 3).Within(1e-9));
        Assert.That(Field(lines[2].Split(','), "variant"), Is.Empty);
        Assert.That(Field(lines[4].Split(','), "variant"), Is.EqualTo("invariant"));
    }

    [Test]
    public void Markdown_shows_the_variants_as_rows_of_the_grid_table()
    {
        string md = MarkdownReportRenderer.Render(BenchmarkAnalysis.Analyze(Study()));
        Assert.That(md.Split("## ").Length, Is.EqualTo(2), "one group");
        string[] rows = [.. md.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Take(5)];
        Assert.That(rows[0], Does.Contain("| Orbit ratio mean ± 95% CI | Orbit ratio median | vs baseline"));
        Assert.That(rows[3], Does.StartWith("| augmentation | 0.0 | 3 | 2.0000e-04 ± ").And.Contain("| 1.0000e+00 | 3×, p = 0.25 (3 pairs) |"));
        Assert.That(rows[4], Does.StartWith("| invariant model | 0.0 | 2 | 6.0000e-05 ± ").And.Contain("| 10×, p = 0.5 (2 pairs) |"));
        Assert.That(md, Does.Contain("- invariant model: 2/3, missing from layers=6x128_lr=3e-4_seed=2_setup=radial+cone-60+invariant.csv"));
    }

    [Test]
    public void Variant_files_without_their_grid_stay_a_group_of_their_own()
    {
        ResultTable[] study = Study();
        // Alone, the augmentation files are analysed as before: their own group, the no-penalty row its baseline.
        BenchmarkReport alone = BenchmarkAnalysis.Analyze([.. study.Where(t => t.Name!.Setup.EndsWith("+augment", StringComparison.Ordinal))]);
        GroupReport g = alone.Groups.Single();
        Assert.That(g.Key.Setup, Is.EqualTo(Setup + "+augment"));
        Assert.That(g.Baselines, Is.Empty);
        Assert.That(g.Baseline!.Task.Mean, Is.EqualTo(2e-4).Within(1e-18));

        // A grid of another set-up does not take them.
        ResultTable other = Table(File(1, "so2z+radial", Row("0.0", "", 1e-3, 0.0, "mlp", false, 1e-3)));
        BenchmarkReport mixed = BenchmarkAnalysis.Analyze([other, .. study.Where(t => t.Name!.Setup.EndsWith("+augment", StringComparison.Ordinal))]);
        Assert.That(mixed.Groups.Select(x => (x.Key.Setup, x.Baselines.Count)), Is.EquivalentTo(new[] { ("so2z+radial", 0), (Setup + "+augment", 0) }));
    }

    [TestCase("radial+cone-60+augment", true, "radial+cone-60", "augment")]
    [TestCase("invariant", true, "", "invariant")]
    [TestCase("so2+gaussian-ring+sector-90+invariant", true, "so2+gaussian-ring+sector-90", "invariant")]
    [TestCase("radial+cone-60", false, "", "")]
    [TestCase("augmented", false, "", "")]
    [TestCase("", false, "", "")]
    public void A_set_up_splits_into_the_grid_and_the_variant(string setup, bool isVariant, string grid, string variant)
    {
        Assert.That(BaselineVariant.TrySplit(setup, out string g, out string v), Is.EqualTo(isVariant));
        Assert.That((g, v), Is.EqualTo((grid, variant)));
        if (isVariant)
        {
            Assert.That(BaselineVariant.SetupOf(g, v), Is.EqualTo(setup), "the inverse of the grid's naming");
        }
    }

    [Test]
    public void The_orbit_task_loss_column_is_read_when_present()
    {
        ResultTable lab = Study()[0];
        Assert.That(lab.Rows.Select(r => r.OrbitTaskLoss), Is.EqualTo(new double?[] { 2.4e-4, 4e-2 }));
        Assert.That(ResultCsv.FormatRow(lab.Rows[1], ResultColumns.WithSetup), Does.EndWith(",0.04"), "written back as read");
        ResultTable original = ResultTable.Parse("results/layers=6x128_lr=3e-4_seed=1.csv",
            Encoding.UTF8.GetBytes("learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss\n0.0003,0.0,,0.0004,0.0\n"));
        Assert.That(original.Rows.Single().OrbitTaskLoss, Is.Null);
    }
}
