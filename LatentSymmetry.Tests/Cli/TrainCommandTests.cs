using System.Text.Json;
using LatentSymmetry.Core.IO;

namespace LatentSymmetry.Tests.Cli;

public class TrainCommandTests
{
    string _dir = "";

    [SetUp]
    public void CreateDirectory() => _dir = CliRunner.TempDirectory();

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_dir, recursive: true);

    static readonly string[] Tiny = ["train", "--epochs", "2", "--samples", "200", "--hidden-dim", "8", "--num-hidden-layers", "2", "--batch-size", "32"];

    [TestCase("--epochs", "-1", "epochs")]
    [TestCase("--epochs", "0", "epochs")]
    [TestCase("--hidden-dim", "0", "hidden-dim")]
    [TestCase("--num-hidden-layers", "-2", "num-hidden-layers")]
    [TestCase("--batch-size", "0", "batch-size")]
    [TestCase("--samples", "-5", "samples")]
    [TestCase("--symmetry-layer", "3", "symmetry-layer")]
    [TestCase("--symmetry-layer", "0", "symmetry-layer")]
    [TestCase("--symmetry-layer", "output", "symmetry-layer")]
    [TestCase("--epochs", "abc", "--epochs")]
    [TestCase("--learning-rate", "x", "--learning-rate")]
    [TestCase("--learning-rate", "-1", "learning-rate")]
    [TestCase("--lambda-sym-max", "-0.5", "lambda-sym-max")]
    [TestCase("--run-seed", "1.5", "--run-seed")]
    [TestCase("--hidden-dim", "100000000", "hidden-dim")]
    public void Invalid_option_is_a_one_line_error_with_exit_code_2_and_no_files(string option, string value, string named)
    {
        var output = Path.Combine(_dir, "run");
        var r = CliRunner.Run([.. Tiny, "--output", output, option, value]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        var firstLine = r.Stderr.Split('\n')[0];
        Assert.That(firstLine, Does.StartWith("latsym: ").And.Contain(named));
        Assert.That(r.Stderr, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(Directory.EnumerateFileSystemEntries(_dir), Is.Empty, "nothing written");
    }

    [Test]
    public void Unknown_option_is_a_usage_error()
    {
        var r = CliRunner.Run("train", "--epoch", "3");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Contain("--epoch"));
    }

    [Test]
    public void Unwritable_output_directory_is_a_usage_error_naming_the_option()
    {
        var blocker = Path.Combine(_dir, "file");
        File.WriteAllText(blocker, "x");
        var r = CliRunner.Run([.. Tiny, "--output", Path.Combine(blocker, "run")]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        Assert.That(r.Stderr, Does.StartWith("latsym: --output"));
        Assert.That(Directory.EnumerateFileSystemEntries(_dir), Is.EqualTo(new[] { blocker }));
    }

    [Test]
    public void Existing_output_directory_is_never_overwritten()
    {
        var output = Path.Combine(_dir, "run");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "keep.txt"), "precious");
        var r = CliRunner.Run([.. Tiny, "--output", output]);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Contain("already exists"));
        Assert.That(File.ReadAllText(Path.Combine(output, "keep.txt")), Is.EqualTo("precious"));
    }

    [Test]
    public void Json_run_writes_a_complete_run_directory()
    {
        var output = Path.Combine(_dir, "run");
        var r = CliRunner.Run([.. Tiny, "--output", output, "--json", "--headless", "--run-seed", "42"]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("seeds").GetProperty("data").GetInt32(), Is.EqualTo(598827508));
        Assert.That(root.GetProperty("seeds").GetProperty("model").GetInt32(), Is.EqualTo(1505365778));
        Assert.That(root.GetProperty("seeds").GetProperty("augmentation").GetInt32(), Is.EqualTo(1969969517));
        Assert.That(root.GetProperty("test_task_loss").GetDouble(), Is.GreaterThan(0));
        Assert.That(root.GetProperty("test_sym_loss").GetDouble(), Is.GreaterThanOrEqualTo(0));
        Assert.That(root.GetProperty("run_dir").GetString(), Is.EqualTo(output));
        Assert.That(root.GetProperty("num_hidden_layers").GetInt32(), Is.EqualTo(2));

        Assert.That(Directory.EnumerateFiles(output).Select(Path.GetFileName).Order(),
            Is.EqualTo(new[] { "batches.csv", "config.json", "history.csv", "metrics.json", "model.safetensors" }));
        Assert.That(File.ReadAllLines(Path.Combine(output, "history.csv")), Has.Length.EqualTo(3));
        var tensors = SafetensorsFile.Read(Path.Combine(output, "model.safetensors"));
        Assert.That(tensors.Select(t => $"{t.Name}[{string.Join(",", t.Shape)}]"), Is.EqualTo(new[]
        {
            "layers.0.weight[8,3]", "layers.0.bias[8]", "layers.2.weight[8,8]", "layers.2.bias[8]", "layers.4.weight[1,8]", "layers.4.bias[1]",
        }));
        Assert.That(Directory.EnumerateDirectories(_dir).Select(Path.GetFileName), Is.EqualTo(new[] { "run" }), "no staging directory left");
    }

    [Test]
    public void Baseline_run_reports_no_sym_loss()
    {
        var output = Path.Combine(_dir, "run");
        var r = CliRunner.Run([.. Tiny, "--output", output, "--json", "--headless", "--symmetry-layer", "none"]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.That(doc.RootElement.GetProperty("test_sym_loss").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(doc.RootElement.GetProperty("symmetry_layer").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void Report_has_data_configuration_and_results_sections()
    {
        var output = Path.Combine(_dir, "run");
        var r = CliRunner.Run([.. Tiny, "--output", output, "--headless"]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stdout, Does.Contain("DATA").And.Contain("CONFIGURATION").And.Contain("RESULTS").And.Contain("test task loss"));
        Assert.That(r.Stdout, Does.Contain("epoch    2/2"), "plain progress lines when redirected");
    }

    [Test]
    public void Help_documents_every_option()
    {
        var r = CliRunner.Run("train", "--help");
        Assert.That(r.ExitCode, Is.EqualTo(0));
        foreach (var option in new[] { "--symmetry-layer", "--lambda-sym-max", "--num-hidden-layers", "--hidden-dim", "--learning-rate", "--run-seed", "--epochs", "--batch-size", "--samples", "--output", "--headless", "--json" })
            Assert.That(r.Stdout, Does.Contain(option));
    }
}
