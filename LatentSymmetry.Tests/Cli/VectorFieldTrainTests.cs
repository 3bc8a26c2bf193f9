using System.Text.Json;

namespace LatentSymmetry.Tests.Cli;

public class VectorFieldTrainTests : TempDirectoryTests
{
    static readonly string[] Tiny = ["train", "--epochs", "2", "--samples", "300", "--hidden-dim", "12", "--num-hidden-layers", "2", "--batch-size", "32"];

    [TestCase(new[] { "--field", "grad:radial", "--model", "invariant" }, "latsym: --model invariant: its outputs are invariant by construction")]
    [TestCase(new[] { "--field", "radial", "--model", "vn" }, "latsym: --model vn: it gives one vector that turns with the point, but the task's targets are scalars")]
    [TestCase(new[] { "--field", "radial", "--model", "equivariant" }, "latsym: --model equivariant: it gives one vector")]
    [TestCase(new[] { "--field", "grad:radial", "--symmetry-layer", "1", "--latent-rep", "vectors:5" }, "latsym: --latent-rep vectors:5: 5 vectors of 3 are 15 units, wider than the layer (hidden-dim 12)")]
    [TestCase(new[] { "--field", "grad:radial", "--latent-rep", "vectors:x" }, "latsym: --latent-rep: 'vectors:x' is not a representation")]
    [TestCase(new[] { "--field", "rotational-flow" }, "latsym: --field rotational-flow:omega=1,width=0.5 takes 2-D points but group so3 acts on 3-D points")]
    [TestCase(new[] { "--field", "central-force:width=0" }, "latsym: --field: field 'central-force': width=0 is not valid")]
    public void Bad_vector_input_is_one_line_with_exit_code_2_and_no_files(string[] options, string message)
    {
        var r = CliRunner.Run([.. Tiny, "--output", Path.Combine(Dir, "run"), .. options]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        Assert.That(r.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(r.Stderr, Does.StartWith(message));
        Assert.That(Directory.EnumerateFileSystemEntries(Dir), Is.Empty);
    }

    [TestCase("mlp")]
    [TestCase("equivariant")]
    [TestCase("vn")]
    public void A_vector_run_records_its_field_and_equivariance_error(string model)
    {
        var dir = Path.Combine(Dir, "run");
        var r = CliRunner.Run([.. Tiny, "--headless", "--output", dir, "--field", "grad:radial", "--model", model, "--augment"]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "metrics.json")));
        var m = metrics.RootElement;
        Assert.That(m.GetProperty("field").GetString(), Is.EqualTo("grad:radial"));
        double eps32 = m.GetProperty("equivariance_error").GetProperty("float32").GetDouble();
        double eps64 = m.GetProperty("equivariance_error").GetProperty("float64").GetDouble();
        if (model == "mlp") Assert.That(eps64, Is.GreaterThan(1e-3), "a plain MLP is not equivariant");
        else
        {
            // Relative to RMS(f), which is small after two epochs; the absolute error is float32 rounding (about 1e-6).
            Assert.That(eps32, Is.LessThan(1e-2), "float32 rounding only");
            Assert.That(eps64, Is.LessThan(1e-10), "float64 rounding only");
        }
        Assert.That(m.GetProperty("orbit_ratio").GetDouble(), Is.GreaterThan(0));
    }

    [Test]
    public void A_scalar_run_writes_no_equivariance_error()
    {
        var dir = Path.Combine(Dir, "run");
        Assert.That(CliRunner.Run([.. Tiny, "--headless", "--output", dir]).ExitCode, Is.Zero);
        Assert.That(File.ReadAllText(Path.Combine(dir, "metrics.json")), Does.Not.Contain("equivariance_error"));
        Assert.That(File.ReadAllText(Path.Combine(dir, "config.json")), Does.Not.Contain("latent_rep"));
    }
}

public class VectorFieldEvaluateTests : TempDirectoryTests
{
    [Test]
    public void Evaluate_reads_a_vector_run_in_its_representations()
    {
        var dir = Path.Combine(Dir, "run");
        var r = CliRunner.Run("train", "--epochs", "3", "--samples", "400", "--hidden-dim", "12", "--num-hidden-layers", "2", "--headless", "--output", dir,
            "--field", "grad:radial", "--symmetry-layer", "1", "--latent-rep", "vectors:2", "--lambda-sym-max", "10");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "config.json")));
        Assert.That(config.RootElement.GetProperty("latent_rep").GetString(), Is.EqualTo("vectors:2"));
        var e = CliRunner.Run("evaluate", dir, "--json");
        Assert.That(e.ExitCode, Is.EqualTo(0), e.Stderr);
        using var doc = JsonDocument.Parse(e.Stdout);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("test_task_loss_matches").GetBoolean(), Is.True, "the saved run is rebuilt exactly, vector targets included");
        Assert.That(root.TryGetProperty("invariance_error", out _), Is.False);
        Assert.That(root.GetProperty("equivariance_error").GetProperty("float64").GetDouble(), Is.GreaterThan(1e-3), "a plain MLP");
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "metrics.json")));
        Assert.That(root.GetProperty("orbit_ratio").GetDouble(), Is.EqualTo(metrics.RootElement.GetProperty("orbit_ratio").GetDouble()));
        Assert.That(root.GetProperty("layers").GetArrayLength(), Is.EqualTo(3));
    }
}
