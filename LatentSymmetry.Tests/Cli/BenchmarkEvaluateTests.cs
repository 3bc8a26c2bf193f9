using LatentSymmetry.Core.Evaluation;

namespace LatentSymmetry.Tests.Cli;

public class BenchmarkEvaluateTests : TempDirectoryTests
{
    string[] Grid(params string[] extra) =>
    [
        "benchmark", "--num-hidden-layers", "2", "--hidden-dim", "8", "--epochs", "2", "--samples", "300", "--batch-size", "32",
        "--seeds", "1", "--lambdas", "0,1", "--layers", "1,-1", "--learning-rates", "3e-4", "--results-dir", Dir, .. extra,
    ];

    [Test]
    public void Evaluate_writes_one_companion_row_per_cell_and_layer_and_a_resumed_grid_adds_none()
    {
        var r = CliRunner.Run(Grid("--evaluate"));
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        var path = Path.Combine(Dir, "evaluate", "layers=2x8_lr=3e-4_seed=1.csv");
        var lines = File.ReadAllLines(path);
        Assert.That(lines[0], Is.EqualTo(EvaluationCsv.Header));
        Assert.That(lines.Length - 1, Is.EqualTo(5 * 3), "4 penalised cells and the baseline, 3 layers each");
        var results = File.ReadAllLines(Path.Combine(Dir, "layers=2x8_lr=3e-4_seed=1.csv"));
        // The companion's test loss is the result file's, cell by cell.
        foreach (var row in results.Skip(1))
        {
            var c = row.Split(',');
            var matching = lines.Skip(1).Select(l => l.Split(',')).Where(e => e[0] == c[0] && e[1] == c[1] && e[2] == c[2]).ToList();
            Assert.That(matching, Has.Count.EqualTo(3), row);
            Assert.That(matching.Select(e => e[11]).Distinct(), Is.EqualTo(new[] { c[3] }), row);
        }
        var again = CliRunner.Run(Grid("--evaluate"));
        Assert.That(again.ExitCode, Is.EqualTo(0), again.Stderr);
        Assert.That(File.ReadAllLines(path), Is.EqualTo(lines));
        var analysis = CliRunner.Run("analyze", Dir);
        Assert.That(analysis.ExitCode, Is.EqualTo(0), "the companion folder is not read as results: " + analysis.Stderr);
        var section = analysis.Stdout[analysis.Stdout.IndexOf("invariance measures of benchmark --evaluate", StringComparison.Ordinal)..];
        Assert.That(section.TrimEnd().Split('\n'), Has.Length.EqualTo(2 + 15), "title, header, one row per cell and layer");
        Assert.That(section, Does.Contain("(1)"), "one seed per cell");

        // Issue 19, row 12: --format markdown printed this table as fixed-width text inside the markdown document.
        var markdown = CliRunner.Run("analyze", Dir, "--format", "markdown");
        Assert.That(markdown.ExitCode, Is.EqualTo(0), markdown.Stderr);
        var table = markdown.Stdout[markdown.Stdout.IndexOf("**Invariance measures of benchmark --evaluate**", StringComparison.Ordinal)..]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.That(table, Has.Count.EqualTo(2 + 15), "header, separator, one row per cell and layer");
        Assert.That(table[0], Does.StartWith("| lr | lambda | sym | variant | layer | Q_h |"));
        Assert.That(table[1], Does.Match(@"^\|(---\|)+$"));
        Assert.That(table.Select(l => l.Count(c => c == '|')), Is.All.EqualTo(table[0].Count(c => c == '|')), "every row has every column");
    }

    [Test]
    public void Analyze_keeps_the_companions_of_two_penalty_kinds_apart()
    {
        var r = CliRunner.Run(Grid("--evaluate", "--penalties", "raw,normalized"));
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(File.Exists(Path.Combine(Dir, "evaluate", "layers=2x8_lr=3e-4_seed=1_setup=pen-normalized.csv")), Is.True);
        var rows = EvaluationSummary.Read(Directory.GetFiles(Path.Combine(Dir, "evaluate")));
        // Two kinds x (4 penalised cells and the baseline) x 3 measured layers, each of one seed: never merged.
        Assert.That(rows, Has.Count.EqualTo(2 * 5 * 3));
        Assert.That(rows.All(row => row.Statistics[0].N == 1), Is.True);
        Assert.That(rows.Count(row => row.VariantOrPenalty == "pen-normalized"), Is.EqualTo(15));
        var analysis = CliRunner.Run("analyze", Dir);
        Assert.That(analysis.ExitCode, Is.EqualTo(0), analysis.Stderr);
        Assert.That(analysis.Stdout, Does.Contain("pen-normalized"));
    }

    [TestCase("Q_h")]
    [TestCase("Q")]
    [TestCase("orbit_ratio")]
    [TestCase("invariance_error")]
    public void Compare_draws_a_measure_of_the_companion(string metric)
    {
        Assert.That(CliRunner.Run(Grid("--evaluate")).ExitCode, Is.EqualTo(0));
        var figure = Path.Combine(Dir, "compare.png");
        var r = CliRunner.Run("compare", Dir, "--metric", metric, "--output", figure);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(new FileInfo(figure).Length, Is.GreaterThan(0));
    }

    [Test]
    public void Compare_of_a_measure_the_companion_lacks_is_a_one_line_error()
    {
        Assert.That(CliRunner.Run(Grid()).ExitCode, Is.EqualTo(0));
        var r = CliRunner.Run("compare", Dir, "--metric", "Q", "--output", Path.Combine(Dir, "c.png"));
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        // Issue 19: the hint came after a list of every file (836 characters); now first, the files counted.
        Assert.That(r.Stderr, Does.StartWith("latsym: --metric Q: the results have no Q values (run benchmark with --evaluate); 0 of their 1 evaluation file exist, e.g. "));
        Assert.That(File.Exists(Path.Combine(Dir, "c.png")), Is.False);
    }

    [Test]
    public void Without_evaluate_no_companion_is_written()
    {
        Assert.That(CliRunner.Run(Grid()).ExitCode, Is.EqualTo(0));
        Assert.That(Directory.Exists(Path.Combine(Dir, "evaluate")), Is.False);
    }
}
