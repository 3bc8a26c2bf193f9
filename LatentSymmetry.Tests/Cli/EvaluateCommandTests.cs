using System.Security.Cryptography;
using System.Text.Json;

namespace LatentSymmetry.Tests.Cli;

public class EvaluateCommandTests
{
    static readonly string[] Tiny = ["train", "--epochs", "2", "--samples", "300", "--hidden-dim", "8", "--num-hidden-layers", "2", "--batch-size", "32", "--headless"];
    static readonly string[] RunFiles = ["config.json", "history.csv", "batches.csv", "metrics.json", "model.safetensors"];
    static readonly string[] EvaluateFiles = ["invariance.json", "profile.csv", "profile.png", "angle.png"];

    string _root = "";
    string _trained = "";

    [OneTimeSetUp]
    public void TrainOnce()
    {
        _root = CliRunner.TempDirectory();
        _trained = Path.Combine(_root, "trained");
        var r = CliRunner.Run([.. Tiny, "--output", _trained, "--symmetry-layer", "2"]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
    }

    [OneTimeTearDown]
    public void DeleteAll() => Directory.Delete(_root, recursive: true);

    // A fresh copy of the trained run, so a test may damage it.
    string CopyOfRun()
    {
        var dir = Path.Combine(_root, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        foreach (var f in RunFiles) File.Copy(Path.Combine(_trained, f), Path.Combine(dir, f));
        return dir;
    }

    static Dictionary<string, string> Hashes(string dir) =>
        RunFiles.ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(dir, f)))));

    [Test]
    public void Json_reports_the_test_loss_bit_for_bit_and_the_keys_the_issue_lists()
    {
        var dir = CopyOfRun();
        var r = CliRunner.Run("evaluate", dir, "--json");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "metrics.json")));
        var e = json.RootElement;
        var m = metrics.RootElement;
        // Bit for bit: the same double, not merely close.
        Assert.That(BitConverter.DoubleToInt64Bits(e.GetProperty("test_task_loss").GetDouble()),
            Is.EqualTo(BitConverter.DoubleToInt64Bits(m.GetProperty("test_task_loss").GetDouble())));
        Assert.That(e.GetProperty("test_task_loss_matches").GetBoolean(), Is.True);
        Assert.That(e.GetProperty("orbit_task_loss").GetDouble(), Is.EqualTo(m.GetProperty("orbit_task_loss").GetDouble()));
        Assert.That(e.GetProperty("orbit_ratio").GetDouble(), Is.EqualTo(m.GetProperty("orbit_ratio").GetDouble()));
        var eps = e.GetProperty("invariance_error");
        Assert.That(eps.GetProperty("float32").GetDouble(), Is.GreaterThan(0));
        Assert.That(eps.GetProperty("float64").GetDouble(), Is.EqualTo(eps.GetProperty("float32").GetDouble()).Within(1e-3));
        var layers = e.GetProperty("layers").EnumerateArray().ToList();
        Assert.That(layers.Select(l => l.GetProperty("layer").GetInt32()), Is.EqualTo(new[] { 1, 2, -1 }));
        foreach (var l in layers)
            foreach (var name in new[] { "SL", "Q_h", "Q", "RSL", "MI" })
            {
                double v = l.GetProperty(name).GetDouble();
                var ci = l.GetProperty("ci95").GetProperty(name).EnumerateArray().Select(x => x.GetDouble()).ToArray();
                Assert.That(ci, Has.Length.EqualTo(2));
                Assert.That(ci[0], Is.LessThanOrEqualTo(v + 1e-12), $"{name} of layer {l.GetProperty("layer")}");
                Assert.That(ci[1], Is.GreaterThanOrEqualTo(v - 1e-12), $"{name} of layer {l.GetProperty("layer")}");
            }
        Assert.That(e.GetProperty("reference_layers").GetArrayLength(), Is.EqualTo(3));
        Assert.That(e.GetProperty("penalised_layer").GetInt32(), Is.EqualTo(2));
        var bins = e.GetProperty("angle_curve").GetProperty("bins").EnumerateArray().ToList();
        Assert.That(bins, Has.Count.EqualTo(18));
        Assert.That(bins.Sum(b => b.GetProperty("count").GetInt32()), Is.EqualTo(60 * 4), "every turned test point in one bin");
    }

    [Test]
    public void Writes_its_four_files_and_leaves_the_run_files_untouched()
    {
        var dir = CopyOfRun();
        var before = Hashes(dir);
        var r = CliRunner.Run("evaluate", dir, "--metrics", "Q_h,SL");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(Hashes(dir), Is.EqualTo(before));
        foreach (var f in EvaluateFiles) Assert.That(new FileInfo(Path.Combine(dir, f)).Length, Is.GreaterThan(0), f);
        Assert.That(Directory.GetFiles(dir).Select(Path.GetFileName), Is.EquivalentTo(RunFiles.Concat(EvaluateFiles)), "no temporary file left");
        var csv = File.ReadAllLines(Path.Combine(dir, "profile.csv"));
        Assert.That(csv[0], Is.EqualTo("layer,width,SL,SL_ci_low,SL_ci_high,Q_h,Q_h_ci_low,Q_h_ci_high,reference_SL,reference_Q_h"));
        Assert.That(csv.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(new[] { "1", "2", "-1" }));
        Assert.That(r.Stdout, Does.Contain("bit for bit"));
    }

    [Test]
    public void Metrics_list_limits_the_measures_and_no_reference_drops_the_reference()
    {
        var dir = CopyOfRun();
        var r = CliRunner.Run("evaluate", dir, "--metrics", "q", "--no-reference", "--json");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var first = json.RootElement.GetProperty("layers")[0];
        Assert.That(first.TryGetProperty("Q", out _), Is.True);
        Assert.That(first.TryGetProperty("MI", out _), Is.False);
        Assert.That(first.TryGetProperty("Q_h", out _), Is.False);
        Assert.That(json.RootElement.TryGetProperty("reference_layers", out _), Is.False);
    }

    [Test]
    public void An_invariant_model_measures_invariant_to_rounding()
    {
        var dir = Path.Combine(_root, "invariant");
        Assert.That(CliRunner.Run([.. Tiny, "--output", dir, "--model", "invariant", "--symmetry-layer", "none"]).ExitCode, Is.EqualTo(0));
        var r = CliRunner.Run("evaluate", dir, "--json", "--metrics", "Q_h,Q");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        using var json = JsonDocument.Parse(r.Stdout);
        var eps = json.RootElement.GetProperty("invariance_error");
        // All that is left is the rounding of the turned point: float32's and float64's epsilon scale.
        Assert.That(eps.GetProperty("float32").GetDouble(), Is.LessThan(1e-5));
        Assert.That(eps.GetProperty("float64").GetDouble(), Is.LessThan(1e-13));
        foreach (var l in json.RootElement.GetProperty("layers").EnumerateArray())
        {
            Assert.That(l.GetProperty("Q_h").GetDouble(), Is.LessThan(1e-10));
            Assert.That(l.GetProperty("Q").GetDouble(), Is.LessThan(1e-10));
        }
    }

    static void AssertUsageError(CliRunner.Outcome r, string mentions)
    {
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr + r.Stdout);
        Assert.That(r.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), r.Stderr);
        Assert.That(r.Stderr, Does.StartWith("latsym: ").And.Contain(mentions));
    }

    [Test]
    public void A_diverged_run_is_a_one_line_error()
    {
        var dir = Path.Combine(_root, "diverged");
        Assert.That(CliRunner.Run([.. Tiny, "--output", dir, "--learning-rate", "1e9"]).ExitCode, Is.EqualTo(0));
        Assert.That(File.ReadAllText(Path.Combine(dir, "metrics.json")), Does.Contain("\"diverged\": true"));
        AssertUsageError(CliRunner.Run("evaluate", dir), "diverged");
    }

    [Test]
    public void No_such_directory_is_a_one_line_error() =>
        AssertUsageError(CliRunner.Run("evaluate", Path.Combine(_root, "nothing-here")), "no such run directory");

    [Test]
    public void Missing_weights_are_a_one_line_error()
    {
        var dir = CopyOfRun();
        File.Delete(Path.Combine(dir, "model.safetensors"));
        AssertUsageError(CliRunner.Run("evaluate", dir), "model.safetensors");
        Assert.That(File.Exists(Path.Combine(dir, "invariance.json")), Is.False);
    }

    [TestCase(0)]
    [TestCase(5)]
    [TestCase(100)]
    public void Corrupt_weights_are_a_one_line_error_and_nothing_is_written(int keepBytes)
    {
        var dir = CopyOfRun();
        var path = Path.Combine(dir, "model.safetensors");
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes.AsSpan(0, Math.Min(keepBytes, bytes.Length)).ToArray());
        AssertUsageError(CliRunner.Run("evaluate", dir), "model.safetensors");
        foreach (var f in EvaluateFiles) Assert.That(File.Exists(Path.Combine(dir, f)), Is.False, f);
    }

    [Test]
    public void Weights_with_bytes_after_their_data_are_refused_and_nothing_is_written()
    {
        // Issue 19, row 3: trailing bytes were ignored and the run evaluated (exit 0, figures written).
        var dir = CopyOfRun();
        var path = Path.Combine(dir, "model.safetensors");
        File.AppendAllText(path, "trailing bytes!!");
        AssertUsageError(CliRunner.Run("evaluate", dir), "model.safetensors: 16 bytes after the last tensor's data");
        foreach (var f in EvaluateFiles) Assert.That(File.Exists(Path.Combine(dir, f)), Is.False, f);
    }

    [Test]
    public void An_output_file_that_is_a_directory_is_refused_before_the_work()
    {
        // Issue 19, row 9: "Is a directory : '...'" with exit 1, after the evaluation.
        var dir = CopyOfRun();
        Directory.CreateDirectory(Path.Combine(dir, "invariance.json"));
        AssertUsageError(CliRunner.Run("evaluate", dir), "invariance.json' is a directory, where a file is to be written");
        Assert.That(Directory.EnumerateFiles(dir).Select(Path.GetFileName), Is.EquivalentTo(RunFiles), "nothing written");
    }

    [Test]
    public void Too_few_test_points_give_no_intervals_and_say_so()
    {
        // Issue 19, row 15: 3 test points gave Q_h the interval [-5.5e14, 2.7e15] for a quantity that cannot be negative.
        var dir = Path.Combine(_root, "few");
        Assert.That(CliRunner.Run([.. Tiny.Select(a => a == "300" ? "12" : a), "--output", dir, "--train-region", "cone:90"]).ExitCode, Is.Zero);
        var r = CliRunner.Run("evaluate", dir, "--json", "--metrics", "SL,Q_h");
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stderr, Does.Match(@"^latsym: warning: \d+ test points are too few for 95% intervals \(at least 20\); ci95 is left out"));
        using var json = JsonDocument.Parse(r.Stdout);
        foreach (var layer in json.RootElement.GetProperty("layers").EnumerateArray())
        {
            Assert.That(layer.GetProperty("Q_h").ValueKind, Is.EqualTo(JsonValueKind.Number), "the value itself is kept");
            foreach (var interval in layer.GetProperty("ci95").EnumerateObject())
                Assert.That(interval.Value.EnumerateArray().Select(b => b.ValueKind), Is.All.EqualTo(JsonValueKind.Null), interval.Name);
        }
    }

    [Test]
    public void Weights_that_disagree_with_the_config_name_the_tensor()
    {
        var dir = CopyOfRun();
        var config = Path.Combine(dir, "config.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"hidden_dim\": 8", "\"hidden_dim\": 9"));
        AssertUsageError(CliRunner.Run("evaluate", dir), "does not match config.json");
    }

    [Test]
    public void A_config_from_a_newer_version_is_refused()
    {
        var dir = CopyOfRun();
        var config = Path.Combine(dir, "config.json");
        var text = File.ReadAllText(config);
        int at = text.IndexOf("\"tool_version\"", StringComparison.Ordinal);
        File.WriteAllText(config, text[..at] + "\"tool_version\": \"999.0.0\"\n}\n");
        AssertUsageError(CliRunner.Run("evaluate", dir), "newer");
    }

    [Test]
    public void Corrupt_config_is_a_one_line_error()
    {
        var dir = CopyOfRun();
        File.WriteAllText(Path.Combine(dir, "config.json"), "{ \"num_hidden_layers\": ");
        AssertUsageError(CliRunner.Run("evaluate", dir), "config.json");
    }

    [TestCase("--metrics", "SL,XY", "--metrics")]
    [TestCase("--rotations", "0", "--rotations")]
    public void Bad_options_are_one_line_errors(string option, string value, string mentions) =>
        AssertUsageError(CliRunner.Run("evaluate", CopyOfRun(), option, value), mentions);

    [Test]
    public void A_penalty_run_records_its_penalty_and_a_raw_run_writes_no_penalty_key()
    {
        var dir = Path.Combine(_root, "normalized");
        var r = CliRunner.Run([.. Tiny, "--output", dir, "--penalty", "pca-normalized", "--penalty-grad-denominator"]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "config.json")));
        Assert.That(config.RootElement.GetProperty("penalty").GetString(), Is.EqualTo("pca-normalized"));
        Assert.That(config.RootElement.GetProperty("penalty_grad_denominator").GetBoolean(), Is.True);
        Assert.That(File.ReadAllText(Path.Combine(_trained, "config.json")), Does.Not.Contain("penalty"));
        // evaluate reads the penalty back and reproduces the test loss.
        var e = CliRunner.Run("evaluate", dir, "--json", "--metrics", "SL");
        Assert.That(e.ExitCode, Is.EqualTo(0), e.Stderr);
        Assert.That(e.Stdout, Does.Contain("\"test_task_loss_matches\": true"));
    }

    [TestCase("--penalty", "bogus", "--penalty")]
    [TestCase("--penalty-grad-denominator", null, "penalty-grad-denominator")]
    public void Bad_penalty_options_are_one_line_errors(string option, string? value, string mentions)
    {
        string[] args = value is null ? [.. Tiny, "--output", Path.Combine(_root, "bad"), option] : [.. Tiny, "--output", Path.Combine(_root, "bad"), option, value];
        AssertUsageError(CliRunner.Run(args), mentions);
        Assert.That(Directory.Exists(Path.Combine(_root, "bad")), Is.False);
    }
}
