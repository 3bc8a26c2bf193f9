using System.Text.Json;

namespace LatentSymmetry.Tests.Cli;

/// <summary>benchmark, analyze and compare end to end on a tiny grid.</summary>
public class GridCommandTests : TempDirectoryTests
{
    static string[] TinyGrid(string results, params string[] extra) => CliRunner.TinyGrid(results, 200, "0,1", extra);

    [Test]
    public void Tiny_grid_runs_resumes_and_analyses_end_to_end()
    {
        var results = Path.Combine(Dir, "results");
        var first = CliRunner.Run(TinyGrid(results, "--seeds", "1-2", "--jobs", "2"));
        Assert.That(first.ExitCode, Is.EqualTo(0), first.Stderr);
        var files = Directory.GetFiles(results).Select(f => Path.GetFileName(f)).Order().ToArray();
        Assert.That(files, Is.EqualTo(new[] { "layers=2x8_lr=3e-4_seed=1.csv", "layers=2x8_lr=3e-4_seed=2.csv" }));
        var lines = File.ReadAllLines(Path.Combine(results, files[0]));
        Assert.That(lines[0], Does.StartWith("learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss"));
        Assert.That(lines, Has.Length.EqualTo(1 + 2 * 3 + 1), "2 lambdas x 3 layers + baseline");
        Assert.That(lines.Count(l => l.StartsWith("0.0003,0.0,,", StringComparison.Ordinal)), Is.EqualTo(1), "one baseline row with an empty layer");

        // Running again does nothing: every cell is present.
        var before = File.ReadAllText(Path.Combine(results, files[0]));
        var again = CliRunner.Run(TinyGrid(results, "--seeds", "1-2"));
        Assert.That(again.ExitCode, Is.EqualTo(0));
        Assert.That(again.Stdout, Does.Contain("to run 0"));
        Assert.That(File.ReadAllText(Path.Combine(results, files[0])), Is.EqualTo(before));

        var one = CliRunner.Run("analyze", Path.Combine(results, files[0]), "--format", "json");
        Assert.That(one.ExitCode, Is.EqualTo(0), one.Stderr);
        JsonDocument.Parse(one.Stdout).Dispose();

        var many = CliRunner.Run("analyze", results, "--format", "csv");
        Assert.That(many.ExitCode, Is.EqualTo(0), many.Stderr);
        var csv = many.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(csv[0], Does.StartWith("symmetry_layer,lambda_sym_max,n,task_mean,task_median,task_ci95,sym_mean,sym_median,sym_ci95"));
        Assert.That(csv, Has.Length.EqualTo(1 + 7));
        Assert.That(csv.Skip(1).All(l => l.Split(',')[2] == "2"), Is.True, "every cell has both seeds");

        var table = CliRunner.Run("analyze", results);
        Assert.That(table.ExitCode, Is.EqualTo(0));
        Assert.That(table.Stdout, Does.Contain("baseline"));
        Assert.That(table.Stdout, Does.Contain("vs baseline (>1× better)").And.Contain("above 1× the cell's loss is lower (better)"), "the factor says which way is better");

        var png = Path.Combine(Dir, "compare.png");
        var compare = CliRunner.Run("compare", results, "--layers", "n12l", "--output", png);
        Assert.That(compare.ExitCode, Is.EqualTo(0), compare.Stderr);
        Assert.That(File.ReadAllBytes(png).Take(4), Is.EqualTo(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));
        var svg = Path.Combine(Dir, "compare.svg");
        Assert.That(CliRunner.Run("compare", results, "--output", svg).ExitCode, Is.EqualTo(0));
        Assert.That(File.ReadAllText(svg), Does.Contain("<svg"));
    }

    [Test]
    public void Jobs_and_shards_give_bitwise_identical_files()
    {
        var a = Path.Combine(Dir, "a");
        var b = Path.Combine(Dir, "b");
        Assert.That(CliRunner.Run(TinyGrid(a, "--seeds", "3", "--jobs", "1")).ExitCode, Is.EqualTo(0));
        Assert.That(CliRunner.Run(TinyGrid(b, "--seeds", "3", "--jobs", "2", "--shard", "2/2")).ExitCode, Is.EqualTo(0));
        Assert.That(CliRunner.Run(TinyGrid(b, "--seeds", "3", "--jobs", "2", "--shard", "1/2")).ExitCode, Is.EqualTo(0));
        static Dictionary<string, string> Rows(string dir) => File.ReadAllLines(Directory.GetFiles(dir).Single()).Skip(1)
            .ToDictionary(l => string.Join(',', l.Split(',').Take(3)), l => string.Join(',', l.Split(',').Skip(3).Take(2)));
        Assert.That(Rows(b), Is.EquivalentTo(Rows(a)));
    }

    [Test]
    public void Analyze_names_the_file_and_line_of_a_malformed_number()
    {
        var file = Path.Combine(Dir, "layers=2x8_lr=3e-4_seed=1.csv");
        File.WriteAllText(file, "learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss\n0.0003,0.0,1,0.01,0.2\n0.0003,1.0,1,abc,0.1\n");
        var r = CliRunner.Run("analyze", file);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Contain(":3").And.Contain("abc"));
        var missing = CliRunner.Run("analyze", Path.Combine(Dir, "nope.csv"));
        Assert.That(missing.ExitCode, Is.EqualTo(2));
        Assert.That(missing.Stderr, Does.Contain("nope.csv"));
        Assert.That(CliRunner.Run("analyze", Path.Combine(Dir, "*.txt")).ExitCode, Is.EqualTo(2), "empty selection");
    }

    [Test]
    public void A_damaged_middle_row_in_a_result_file_is_an_input_error_naming_file_and_line()
    {
        // Row 11 of issue 10: a corrupt middle row made benchmark exit 1 like an I/O failure.
        var results = Path.Combine(Dir, "results");
        Directory.CreateDirectory(results);
        var file = Path.Combine(results, "layers=2x8_lr=3e-4_seed=1.csv");
        File.WriteAllText(file, "learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss\n0.0003,0.0,1,0.5,0.1\n0.0003,0.0,2,abc,0.1\n0.0003,0.0,-1,0.5,0.1\n");
        var before = File.ReadAllText(file);
        var r = CliRunner.Run(TinyGrid(results, "--seeds", "1"));
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        Assert.That(r.Stderr.Trim().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(r.Stderr, Does.StartWith($"latsym: {file}:3: malformed number 'abc'"));
        Assert.That(File.ReadAllText(file), Is.EqualTo(before), "the file is left as it was");
    }

    [Test]
    public void Compare_leaves_out_a_layer_whose_every_run_diverged_and_says_so()
    {
        // Row 6: compare drew nothing for such a layer but counted it.
        var file = Path.Combine(Dir, "layers=2x8_lr=3e-4_seed=1.csv");
        File.WriteAllText(file, "learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss\n"
            + "0.0003,0.1,1,nan,nan\n0.0003,1.0,1,inf,inf\n0.0003,0.1,2,0.4,0.1\n0.0003,1.0,2,0.3,0.1\n0.0003,0.0,,0.5,0.0\n");
        var png = Path.Combine(Dir, "c.png");
        var r = CliRunner.Run("compare", file, "--output", png);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stderr, Does.Contain("warning: layer 1: every run diverged"));
        Assert.That(r.Stdout, Does.Contain("1 layer(s) and the baseline"));
    }
}
