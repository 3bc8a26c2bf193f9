using System.Globalization;
using System.Text.RegularExpressions;

namespace LatentSymmetry.Tests.Cli;

/// <summary><c>latsym report</c>: what the page holds, that it is self-contained and small, and its bad input.</summary>
public class ReportCommandTests : TempDirectoryTests
{
    const string Header = "learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss\n";

    /// <summary>
    /// Three seed files of a 2-layer grid: baseline, layer 1 and the output at lambda 0.1 and 1. Layer 1 at lambda 0.1
    /// has task losses 0.01, 0.02, 0.03 over the seeds: mean 0.02, sd 0.01, 95% half-width t(0.975, 2) 0.01 / sqrt 3 = 2.4841e-02.
    /// </summary>
    internal static string WriteSmallGrid(string dir)
    {
        string results = Path.Combine(dir, "results");
        Directory.CreateDirectory(results);
        string[] baseline = ["0.051", "0.052", "0.053"], layer1 = ["0.01", "0.02", "0.03"], layer1Strong = ["0.042", "0.044", "0.046"];
        string[] output = ["0.061", "0.062", "0.063"], outputStrong = ["0.069", "0.068", "0.067"];
        for (int i = 0; i < 3; i++)
        {
            File.WriteAllText(Path.Combine(results, $"layers=2x8_lr=3e-4_seed={i + 1}.csv"), Header +
                $"0.0003,0.0,,{baseline[i]},0.0\n0.0003,0.1,1,{layer1[i]},0.5\n0.0003,1.0,1,{layer1Strong[i]},0.1\n" +
                $"0.0003,0.1,-1,{output[i]},0.02\n0.0003,1.0,-1,{outputStrong[i]},0.01\n");
        }
        return results;
    }

    [Test]
    public void A_results_directory_gives_one_self_contained_page_with_the_tables_and_the_compare_figure()
    {
        string results = WriteSmallGrid(Dir);
        string output = Path.Combine(Dir, "report.html");
        var r = CliRunner.Run("report", results, "-o", output, "--title", "Small grid");
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stdout, Does.StartWith($"wrote {output} (").And.Contain("3 result files in 1 group, 1 figure"));
        string html = File.ReadAllText(output);
        Assert.That(html, Does.StartWith("<!DOCTYPE html>").And.Contain("<title>Small grid</title>"));
        // The cell worked out by hand in WriteSmallGrid, and the seeds and the baseline row.
        Assert.That(html, Does.Contain("<td>2.0000e-02 ± 2.4841e-02</td>"));
        Assert.That(html, Does.Contain("Seeds: 1, 2, 3").And.Contain("<td>baseline</td>"));
        Assert.That(html, Does.Contain("complete: every one of the 5 cells has all 3 seed files"));
        Assert.That(Regex.Matches(html, "<svg viewBox=\"0 0 1200 500\"").Count, Is.EqualTo(1), "one compare figure, scalable");
        Assert.That(html, Does.Contain("table.sortable th"), "the sort script is inline");
        AssertSelfContained(html);
        Assert.That(Directory.GetFiles(Dir, "*.tmp", SearchOption.AllDirectories).Concat(Directory.GetFiles(Dir, ".*")), Is.Empty, "no temporary file is left");
    }

    /// <summary>Nothing on the page names a resource to fetch: no src or href to an address, no @import or url(), no link element.</summary>
    internal static void AssertSelfContained(string html)
    {
        Assert.That(html, Does.Not.Contain("<link").And.Not.Contain("@import"));
        Assert.That(Regex.IsMatch(html, @"url\((?!#)"), Is.False, "a url() other than a reference within the page (an SVG clip path)");
        // A data: URI carries its bytes in the page (a slice's heat map is one PNG), so only # and data: may follow.
        Assert.That(Regex.IsMatch(html, @"\b(src|href)\s*=\s*""(?!#|data:)"), Is.False, "a src or href other than a link within the page or data in it");
        // The only addresses are the SVG namespace names, which are never fetched.
        var addresses = Regex.Matches(html, @"https?://[^""'\s<>]+").Select(m => m.Value).Distinct().ToList();
        Assert.That(addresses, Is.SubsetOf(new[] { "http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink" }));
        Assert.That(html, Does.Contain("Content-Security-Policy\" content=\"default-src 'none';"));
        // Each figure numbers its clip paths from the same start: on one page they must not collide.
        var ids = Regex.Matches(html, @"\sid=""([^""]+)""").Select(m => m.Groups[1].Value).ToList();
        Assert.That(ids, Is.Unique);
        foreach (Match reference in Regex.Matches(html, @"url\(#([^)]+)\)"))
            Assert.That(ids, Does.Contain(reference.Groups[1].Value));
    }

    [Test]
    public void A_grid_of_106_cells_and_15_seeds_makes_a_page_under_one_megabyte()
    {
        // The original's grid: 6 hidden layers and the output at 15 lambdas, and the baseline: 106 cells, 15 seed files.
        string results = Path.Combine(Dir, "results");
        Directory.CreateDirectory(results);
        double[] lambdas = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.2, 0.3, 0.5, 1, 2, 3, 5, 10, 100];
        int[] layers = [1, 2, 3, 4, 5, 6, -1];
        var random = new Random(7);
        for (int seed = 1; seed <= 15; seed++)
        {
            var sb = new System.Text.StringBuilder(Header);
            sb.Append(CultureInfo.InvariantCulture, $"0.0003,0.0,,{1e-3 + random.NextDouble() * 1e-3:R},0.0\n");
            foreach (int l in layers)
                foreach (double lambda in lambdas)
                    sb.Append(CultureInfo.InvariantCulture, $"0.0003,{lambda:0.0##},{l},{1e-3 + random.NextDouble() * 2e-3:R},{1e-4 + random.NextDouble() * 1e-2:R}\n");
            File.WriteAllText(Path.Combine(results, $"layers=6x128_lr=3e-4_seed={seed}.csv"), sb.ToString());
        }
        string output = Path.Combine(Dir, "big.html");
        var r = CliRunner.Run("report", results, "-o", output);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        string html = File.ReadAllText(output);
        Assert.That(Regex.Matches(html, "<tr").Count, Is.GreaterThanOrEqualTo(106), "every cell has its row");
        Assert.That(new FileInfo(output).Length, Is.LessThan(1 << 20));
        TestContext.Out.WriteLine($"106 cells x 15 seeds: {new FileInfo(output).Length} bytes");
    }

    [Test]
    public void Torn_and_NaN_rows_are_skipped_and_the_page_says_so()
    {
        string results = WriteSmallGrid(Dir);
        string seed1 = Path.Combine(results, "layers=2x8_lr=3e-4_seed=1.csv");
        // A diverged row (NaN task loss) and a torn last line, as a run killed mid-write leaves it.
        File.WriteAllText(seed1, File.ReadAllText(seed1).Replace("0.0003,1.0,-1,0.069,", "0.0003,1.0,-1,nan,", StringComparison.Ordinal) + "0.0003,0.1,1,0.0");
        string output = Path.Combine(Dir, "report.html");
        var r = CliRunner.Run("report", results, "-o", output);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        string html = File.ReadAllText(output);
        Assert.That(html, Does.Contain("Warnings: what was skipped"));
        Assert.That(html, Does.Contain("1 row(s) with a NaN or infinite test task loss left out").And.Contain("torn tail"));
        Assert.That(html, Does.Contain("<td>2 (1 diverged)</td>"), "the output at lambda 1 has 2 finite seeds of 3");
        Assert.That(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2).And.All.StartWith("latsym: warning: "));
    }

    [Test]
    public void A_directory_with_nothing_readable_is_one_line_exit_2_and_nothing_written()
    {
        string empty = Path.Combine(Dir, "empty");
        Directory.CreateDirectory(Path.Combine(empty, "sub"));
        File.WriteAllText(Path.Combine(empty, "notes.txt"), "hello");
        string output = Path.Combine(Dir, "report.html");
        var r = CliRunner.Run("report", empty, "-o", output);
        AssertRefused(r, $"latsym: '{empty}': nothing the report can read");
        Assert.That(File.Exists(output), Is.False);
        Assert.That(Directory.GetFiles(Dir, "*", SearchOption.AllDirectories), Is.EquivalentTo(new[] { Path.Combine(empty, "notes.txt") }));
    }

    [Test]
    public void An_output_that_exists_is_refused_and_left_as_it_was()
    {
        string results = WriteSmallGrid(Dir);
        string output = Path.Combine(Dir, "report.html");
        File.WriteAllText(output, "mine");
        var r = CliRunner.Run("report", results, "-o", output);
        AssertRefused(r, $"latsym: --output '{output}' exists");
        Assert.That(File.ReadAllText(output), Is.EqualTo("mine"));
    }

    [Test]
    public void An_output_that_is_a_directory_is_refused()
    {
        string results = WriteSmallGrid(Dir);
        var r = CliRunner.Run("report", results, "-o", results);
        AssertRefused(r, $"latsym: --output '{results}' is a directory");
        Assert.That(Directory.GetFiles(results, "*.html"), Is.Empty);
    }

    [Test]
    public void A_damaged_row_inside_a_results_file_is_one_line_naming_file_and_line_and_nothing_written()
    {
        string results = WriteSmallGrid(Dir);
        string seed2 = Path.Combine(results, "layers=2x8_lr=3e-4_seed=2.csv");
        var lines = File.ReadAllLines(seed2);
        lines[2] = "0.0003,0.1,1,abc,0.1";
        File.WriteAllLines(seed2, lines);
        string output = Path.Combine(Dir, "report.html");
        var r = CliRunner.Run("report", results, "-o", output);
        AssertRefused(r, "latsym: ");
        Assert.That(r.Stderr, Does.Contain("seed=2.csv:3: malformed number 'abc'"));
        Assert.That(File.Exists(output), Is.False);
        Assert.That(Directory.GetFiles(Dir, "*.tmp", SearchOption.AllDirectories), Is.Empty);
    }

    static void AssertRefused(CliRunner.Outcome r, string start)
    {
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        Assert.That(r.Stdout, Is.Empty);
        Assert.That(r.Stderr, Does.StartWith(start));
        Assert.That(r.Stderr.TrimEnd('\n').Split('\n'), Has.Length.EqualTo(1), "one line");
    }

    [Test]
    public void A_survey_directory_gives_its_figure_and_summary_table()
    {
        string survey = Path.Combine(Dir, "survey");
        Directory.CreateDirectory(survey);
        File.WriteAllText(Path.Combine(survey, "survey.csv"), "field,invariant,seed,layer,Q\n" +
            "\"gaussian-ring\",True,1,1,0.1\n\"gaussian-ring\",True,1,-1,0.01\n\"gaussian-ring\",True,2,1,0.2\n\"gaussian-ring\",True,2,-1,0.02\n" +
            "\"x\",False,1,1,0.5\n\"x\",False,1,-1,0.4\n\"x\",False,2,1,0.6\n\"x\",False,2,-1,nan\n");
        File.WriteAllText(Path.Combine(survey, "survey_summary.csv"), "field,invariant,layer,n,mean,ci95_half_width,median\n\"gaussian-ring\",True,1,2,0.15,0.635,0.123456789\n");
        string output = Path.Combine(Dir, "report.html");
        var r = CliRunner.Run("report", survey, "-o", output);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        string html = File.ReadAllText(output);
        Assert.That(html, Does.Contain("<h2 id=\"survey1\">Survey: ").And.Contain("<svg viewBox=\"0 0 1100 650\""));
        Assert.That(html, Does.Contain("<td>0.635</td>").And.Contain("<td>0.1235</td>"), "the summary table, numbers to four digits");
        Assert.That(html, Does.Contain("1 row(s) torn or with a NaN value skipped"));
        Assert.That(html, Does.Contain("x (not inv.)"), "the figure's legend is text in the SVG");
    }

    [Test]
    public void A_survey_with_a_mix_sweep_gives_the_mix_figure_and_keeps_the_mix_out_of_the_survey_figure()
    {
        string survey = Path.Combine(Dir, "survey");
        Directory.CreateDirectory(survey);
        var csv = new System.Text.StringBuilder("field,invariant,seed,layer,Q\n\"x\",False,1,1,0.5\n\"x\",False,1,-1,0.4\n");
        foreach (var alpha in new[] { "0.0", "0.1", "1.0" })
            csv.Append(CultureInfo.InvariantCulture, $"\"mix:alpha={alpha},a=(radius),b=(x)\",False,1,1,0.3\n\"mix:alpha={alpha},a=(radius),b=(x)\",False,1,-1,0.2\n");
        File.WriteAllText(Path.Combine(survey, "survey.csv"), csv.ToString());
        string output = Path.Combine(Dir, "report.html");
        var r = CliRunner.Run("report", survey, "-o", output);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stdout, Does.Contain("2 figures"));
        string html = File.ReadAllText(output);
        Assert.That(html, Does.Contain("the mix sweep: Q at each layer against alpha"));
        Assert.That(html, Does.Contain("a = radius, b = x"), "the mix figure's title names its two fields");
        Assert.That(html, Does.Not.Contain("mix:alpha=0.1,a=(radius),b=(x) (not inv.)"), "the survey figure leaves the mixes out");
        AssertSelfContained(html);
    }

    [Test]
    public void An_evaluated_run_gives_its_profile_and_its_loss_curves_and_slice_in_a_collapsed_section()
    {
        string run = Path.Combine(Dir, "runs", "run1");
        Assert.That(CliRunner.Run("train", "--epochs", "2", "--samples", "300", "--hidden-dim", "8", "--num-hidden-layers", "2", "--batch-size", "32",
            "--symmetry-layer", "1", "--lambda-sym-max", "1", "--headless", "--output", run).ExitCode, Is.Zero);
        Assert.That(CliRunner.Run("evaluate", run, "--metrics", "Q_h,SL", "--no-reference").ExitCode, Is.Zero);
        string output = Path.Combine(Dir, "report.html");
        // The parent directory: its runs/ is looked into.
        var r = CliRunner.Run("report", Dir, "-o", output);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stdout, Does.Contain("1 run, 3 figures"));
        string html = File.ReadAllText(output);
        Assert.That(html, Does.Contain("Invariance profiles").And.Contain("<details><summary>run1: so3"));
        // A --headless run has no slice.png: the slice is redrawn from its weights, its panels' titles searchable text.
        Assert.That(html, Does.Contain("the trained model and its field on a plane through the origin").And.Contain("prediction, z = 0"));
        using var metrics = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")));
        string loss = metrics.RootElement.GetProperty("test_task_loss").GetRawText();
        Assert.That(html, Does.Contain($"<dt>test_task_loss</dt><dd>{loss}</dd>"));
        Assert.That(html, Does.Contain("<dt>run_seed</dt><dd>42</dd>").And.Contain("<dt>seeds.data</dt>"));
        Assert.That(Regex.Matches(html, "<svg ").Count, Is.EqualTo(3));
        AssertSelfContained(html);
    }
}
