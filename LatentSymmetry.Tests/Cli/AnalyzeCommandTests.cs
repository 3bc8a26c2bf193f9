namespace LatentSymmetry.Tests.Cli;

/// <summary><c>latsym analyze</c>'s output streams and warnings.</summary>
public class AnalyzeCommandTests : TempDirectoryTests
{
    const string Header = "learning_rate,lambda_sym_max,symmetry_layer,test_task_loss,test_sym_loss\n";

    string WriteFile(int seed)
    {
        var path = Path.Combine(Dir, $"layers=2x8_lr=3e-4_seed={seed}.csv");
        File.WriteAllText(path, Header + "0.0003,0.0,,0.01,0.0\n0.0003,1.0,1,0.02,0.1\n0.001,1.0,-1,0.03,0.2\n");
        return path;
    }

    [TestCase("table")]
    [TestCase("csv")]
    public void Warnings_go_to_stderr_with_the_latsym_prefix_and_say_one_thing(string format)
    {
        // Issue 19, row 13: warnings were on stdout without the prefix, and a row of another learning rate was said
        // both to be "grouped by its own learning rate" and "left out".
        var r = CliRunner.Run("analyze", WriteFile(1), "--format", format);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stdout, Does.Not.Contain("warning"));
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Is.Not.Empty);
        Assert.That(lines, Is.All.StartsWith("latsym: warning: "));
        Assert.That(r.Stderr, Does.Contain("left out").And.Not.Contain("grouped by their own learning rate"));
    }

    [Test]
    public void Several_files_warn_on_stderr_too()
    {
        var r = CliRunner.Run("analyze", WriteFile(1), WriteFile(2));
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stdout, Does.Not.Contain("warning"));
        Assert.That(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2).And.All.Contain("learning rate 0.001 differs from the file name's lr=3e-4"));
    }

    [Test]
    public void The_json_document_keeps_its_warnings_and_stderr_stays_empty()
    {
        var r = CliRunner.Run("analyze", WriteFile(1), "--format", "json");
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stderr, Is.Empty);
        using var json = System.Text.Json.JsonDocument.Parse(r.Stdout);
        Assert.That(json.RootElement.GetProperty("warnings").GetArrayLength(), Is.EqualTo(2));
    }
}
