using LatentSymmetry.Core.Experiments.Analysis;

namespace LatentSymmetry.Tests.Cli;

/// <summary>benchmark on a vector field with the exactly equivariant baselines.</summary>
public class VectorBenchmarkTests : TempDirectoryTests
{
    static string[] TinyGrid(string results, params string[] extra) =>
        CliRunner.TinyGrid(results, 400, "1", ["--layers", "-1", "--seeds", "1", "--jobs", "1", "--field", "grad:radial", "--train-region", "cone:60", .. extra]);

    [Test]
    public void A_vector_grid_runs_the_equivariant_baselines_and_analyze_reads_them()
    {
        var results = Path.Combine(Dir, "results");
        var r = CliRunner.Run(TinyGrid(results, "--baselines", "augment,equivariant,vn"));
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        var files = Directory.GetFiles(results).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();
        Assert.That(files, Is.EquivalentTo(new[]
        {
            "layers=2x8_lr=3e-4_seed=1_setup=grad-radial+cone-60.csv",
            "layers=2x8_lr=3e-4_seed=1_setup=grad-radial+cone-60+augment.csv",
            "layers=2x8_lr=3e-4_seed=1_setup=grad-radial+cone-60+equivariant.csv",
            "layers=2x8_lr=3e-4_seed=1_setup=grad-radial+cone-60+vn.csv",
        }));
        Assert.That(File.ReadAllLines(Path.Combine(results, "layers=2x8_lr=3e-4_seed=1_setup=grad-radial+cone-60+equivariant.csv"))[1], Does.Contain(",grad:radial,cone:60,equivariant,False,"));
        var report = BenchmarkAnalysis.Analyze(Directory.GetFiles(results));
        var text = string.Join("\n", report.Groups.SelectMany(g => g.Baselines).Select(b => b.Variant));
        Assert.That(text, Does.Contain("equivariant").And.Contain("vn"));
    }

    [TestCase("invariant", "--baselines invariant: model invariant: its outputs are invariant by construction")]
    [TestCase("dropout", "--baselines: 'dropout' is not a baseline")]
    public void A_baseline_that_cannot_learn_the_field_is_refused_before_any_cell(string baseline, string message)
    {
        var results = Path.Combine(Dir, "results");
        var r = CliRunner.Run(TinyGrid(results, "--baselines", baseline));
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        Assert.That(r.Stderr, Does.StartWith("latsym: " + message));
        Assert.That(Directory.Exists(results) && Directory.EnumerateFileSystemEntries(results).Any(), Is.False);
    }
}
