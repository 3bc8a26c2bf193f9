using LatentSymmetry.Core.Experiments.Analysis;

namespace LatentSymmetry.Tests.Cli;

/// <summary><c>benchmark --baselines relaxed</c>, and analyze and compare showing it beside the grid.</summary>
public class RelaxedBaselineTests : TempDirectoryTests
{
    [Test]
    public void The_relaxed_baseline_runs_beside_the_grid_and_analyze_and_compare_show_it()
    {
        var results = Path.Combine(Dir, "results");
        var r = CliRunner.Run(CliRunner.TinyGrid(results, 200, "0,1", "--layers", "-1", "--seeds", "1", "--field", "broken:eps=0.1", "--baselines", "invariant,relaxed"));
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        var files = Directory.GetFiles(results).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.That(files, Does.Contain("layers=2x8_lr=3e-4_seed=1_setup=broken-eps0.1+relaxed.csv"));
        var rows = File.ReadAllLines(Path.Combine(results, "layers=2x8_lr=3e-4_seed=1_setup=broken-eps0.1+relaxed.csv"));
        Assert.That(rows, Has.Length.EqualTo(2));
        Assert.That(rows[1], Does.Contain(",relaxed,False,"));

        var group = BenchmarkAnalysis.Analyze(Directory.GetFiles(results)).Groups.Single();
        Assert.That(group.Baselines.Select(b => b.Variant), Is.EqualTo(new[] { "invariant", "relaxed" }));
        var analyze = CliRunner.Run(["analyze", .. Directory.GetFiles(results)]);
        Assert.That(analyze.ExitCode, Is.Zero, analyze.Stderr);
        Assert.That(analyze.Stdout, Does.Contain("relaxed model"));
        var figure = Path.Combine(Dir, "compare.png");
        var compare = CliRunner.Run(["compare", .. Directory.GetFiles(results), "--output", figure]);
        Assert.That(compare.ExitCode, Is.Zero, compare.Stderr);
        Assert.That(compare.Stdout, Does.Contain("relaxed model"));
        Assert.That(File.Exists(figure), Is.True);
    }
}
