using System.Text.Json;
using LatentSymmetry.Core.Experiments.Analysis;
using LatentSymmetry.Core.Experiments.Grid;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Tests.Cli;

/// <summary>benchmark with the lab's set-ups: file names and columns carry the set-up; the original's stay as they were.</summary>
public class LabBenchmarkTests : TempDirectoryTests
{
    static string[] TinyGrid(string results, params string[] extra) =>
        CliRunner.TinyGrid(results, 300, "1", ["--layers", "-1", "--seeds", "1", "--jobs", "1", .. extra]);

    [Test]
    public void A_disk_grid_with_baselines_names_its_files_by_set_up_and_adds_the_set_up_columns()
    {
        var results = Path.Combine(Dir, "results");
        var r = CliRunner.Run(TinyGrid(results, "--group", "so2", "--field", "fourier:k=2", "--train-region", "sector:180", "--baselines", "augment,invariant"));
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        var files = Directory.GetFiles(results).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();
        string[] expected =
        [
            "layers=2x8_lr=3e-4_seed=1_setup=so2+fourier-k2-offset0+sector-180.csv",
            "layers=2x8_lr=3e-4_seed=1_setup=so2+fourier-k2-offset0+sector-180+augment.csv",
            "layers=2x8_lr=3e-4_seed=1_setup=so2+fourier-k2-offset0+sector-180+invariant.csv",
        ];
        Assert.That(files, Is.EquivalentTo(expected));
        files = expected;
        var grid = File.ReadAllLines(Path.Combine(results, files[0]));
        Assert.That(grid[0], Is.EqualTo(string.Join(",", ResultColumns.WithSetup)));
        Assert.That(grid, Has.Length.EqualTo(3), "one penalty cell and the baseline");
        Assert.That(grid[1], Does.Contain(",so2,\"fourier:k=2,offset=0\",sector:180,mlp,False,"));
        var invariant = File.ReadAllLines(Path.Combine(results, files[2]));
        Assert.That(invariant, Has.Length.EqualTo(2));
        Assert.That(invariant[1], Does.StartWith("0.0003,0.0,,").And.Contain(",invariant,False,"));
        Assert.That(File.ReadAllLines(Path.Combine(results, files[1]))[1], Does.Contain(",mlp,True,"));

        // analyze reads them as one study: the grid's group, titled with its set-up, the baselines inside it.
        var report = BenchmarkAnalysis.Analyze(Directory.GetFiles(results));
        var group = report.Groups.Single();
        Assert.That(group.Key.Setup, Is.EqualTo("so2+fourier-k2-offset0+sector-180"));
        Assert.That(group.Key.Title, Does.EndWith(" setup=so2+fourier-k2-offset0+sector-180"));
        Assert.That(group.Baselines.Select(b => b.Variant), Is.EqualTo(new[] { "augment", "invariant" }));
        Assert.That(group.Baselines.All(b => b.Statistics.VsBaseline is { Pairs: 1 } && b.Statistics.OrbitRatio is { N: 1 }), Is.True);
    }

    [Test]
    public void The_original_grid_keeps_the_original_file_name_and_columns()
    {
        var results = Path.Combine(Dir, "results");
        var r = CliRunner.Run(TinyGrid(results, "--baselines", "invariant"));
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        var files = Directory.GetFiles(results).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();
        Assert.That(files, Is.EqualTo(new[] { "layers=2x8_lr=3e-4_seed=1.csv", "layers=2x8_lr=3e-4_seed=1_setup=invariant.csv" }));
        var original = File.ReadAllLines(Path.Combine(results, files[0]));
        Assert.That(original[0], Is.EqualTo("learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss,wall_seconds,epochs,diverged"));
        Assert.That(original.Skip(1).All(l => l.Split(',').Length == 8), Is.True);
    }

    [Test]
    public void Unknown_baseline_and_bad_group_are_usage_errors()
    {
        foreach (var (option, value) in new[] { ("--baselines", "dropout"), ("--group", "so4"), ("--train-region", "cone:200") })
        {
            var results = Path.Combine(Dir, "results");
            var r = CliRunner.Run(TinyGrid(results, option, value));
            Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
            Assert.That(r.Stderr, Does.StartWith("latsym: ").And.Contain(value));
            Assert.That(Directory.Exists(results), Is.False);
        }
    }

    [TestCase("layers=6x128_lr=3e-4_seed=42.csv", "")]
    [TestCase("layers=6x128_lr=3e-4_seed=42_setup=so2+gaussian-ring-center0.6-std0.08+sector-90.csv", "so2+gaussian-ring-center0.6-std0.08+sector-90")]
    public void File_names_with_and_without_a_set_up_round_trip(string name, string setup)
    {
        var parsed = ResultFileName.Parse(name);
        Assert.That(parsed.Setup, Is.EqualTo(setup));
        Assert.That(parsed.Seed, Is.EqualTo(42));
        Assert.That(parsed.FileName, Is.EqualTo(name));
        Assert.That(ResultFileName.TryParse("layers=6x128_lr=3e-4_seed=42_setup=.csv", out _), Is.False);
        Assert.That(ResultFileName.TryParse("layers=6x128_lr=3e-4_seed=42_setup=a b.csv", out _), Is.False);
    }

    [Test]
    public void Baselines_add_one_cell_per_seed_and_learning_rate_in_files_of_their_own()
    {
        var grid = new ExperimentGrid(2, 8, [1, 2], [1.0], [-1], [1e-4, 3e-4], ["invariant"]);
        Assert.That(grid.Cells.Count(c => c.Variant == "invariant"), Is.EqualTo(4));
        Assert.That(grid.Files(), Has.Count.EqualTo(8));
        Assert.That(grid.Files().Count(f => f.Setup == "invariant"), Is.EqualTo(4));
        Assert.Throws<GridSpecException>(() => new ExperimentGrid(2, 8, [1], baselines: ["dropout"]));
    }
}
