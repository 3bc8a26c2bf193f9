using System.Text.Json;

namespace LatentSymmetry.Tests.Cli;

public class LabOptionsTests : TempDirectoryTests
{
    static readonly string[] Tiny = ["train", "--epochs", "2", "--samples", "300", "--hidden-dim", "8", "--num-hidden-layers", "2", "--batch-size", "32"];

    [TestCase("--group", "o3", "--group")]
    [TestCase("--model", "cnn", "--model")]
    [TestCase("--train-region", "cone:200", "--train-region")]
    [TestCase("--train-region", "ball", "--train-region")]
    [TestCase("--field", "nosuchfield", "--field")]
    [TestCase("--field", "gaussian-ring", "gaussian-ring")]
    [TestCase("--radius", "-1", "radius")]
    [TestCase("--train-region", "cone:0", "keeps 0 training")]
    public void Invalid_lab_option_is_a_one_line_error_with_exit_code_2_and_no_files(string option, string value, string named)
    {
        var r = CliRunner.Run([.. Tiny, "--output", Path.Combine(Dir, "run"), option, value]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        Assert.That(r.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(r.Stderr, Does.StartWith("latsym: ").And.Contain(named));
        Assert.That(Directory.EnumerateFileSystemEntries(Dir), Is.Empty);
    }

    [TestCase(new[] { "--radius", "3" }, "latsym: warning: --radius has no effect with --group so3 (points in the box of --box; the radii are the disk's, so2)")]
    [TestCase(new[] { "--group", "so2z", "--inner-radius", "0.5" }, "latsym: warning: --inner-radius has no effect with --group so2z")]
    [TestCase(new[] { "--model", "invariant", "--augment" }, "latsym: warning: --augment with --model invariant: the model is invariant by construction")]
    public void An_option_without_effect_in_the_setup_is_warned_about(string[] options, string warning)
    {
        // Issue 19, row 20: silently kept.
        var r = CliRunner.Run([.. Tiny, "--headless", "--output", Path.Combine(Dir, "run"), .. options]);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stderr, Does.StartWith(warning));
    }

    [Test]
    public void The_box_on_the_disk_is_warned_about_not_recorded_and_changes_no_bit()
    {
        // Issue 19, row 20: "--box 3" with so2 was recorded as box_half_width 3, though the disk never reads it.
        var with = Path.Combine(Dir, "with");
        var r = CliRunner.Run([.. Tiny, "--headless", "--group", "so2", "--box", "3", "--output", with]);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stderr, Is.EqualTo("latsym: warning: --box has no effect with --group so2 (points on the disk of --radius); config.json records the default\n"));
        var without = Path.Combine(Dir, "without");
        Assert.That(CliRunner.Run([.. Tiny, "--headless", "--group", "so2", "--output", without]).ExitCode, Is.Zero);
        Assert.That(File.ReadAllText(Path.Combine(with, "config.json")), Is.EqualTo(File.ReadAllText(Path.Combine(without, "config.json"))));
        Assert.That(File.ReadAllBytes(Path.Combine(with, "model.safetensors")), Is.EqualTo(File.ReadAllBytes(Path.Combine(without, "model.safetensors"))));
    }

    [Test]
    public void A_disk_run_records_its_setup_in_config_and_the_orbit_figures_in_metrics()
    {
        var dir = Path.Combine(Dir, "run");
        var r = CliRunner.Run([.. Tiny, "--output", dir, "--group", "so2", "--field", "fourier:k=2", "--model", "invariant",
            "--augment", "--train-region", "sector:180", "--radius", "2", "--inner-radius", "0.5"]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "config.json")));
        var c = config.RootElement;
        Assert.That(c.GetProperty("group").GetString(), Is.EqualTo("so2"));
        Assert.That(c.GetProperty("field").GetString(), Does.StartWith("fourier:"));
        Assert.That(c.GetProperty("model").GetString(), Is.EqualTo("invariant"));
        Assert.That(c.GetProperty("augment").GetBoolean(), Is.True);
        Assert.That(c.GetProperty("train_region").GetString(), Is.EqualTo("sector:180"));
        Assert.That(c.GetProperty("radius").GetDouble(), Is.EqualTo(2));
        Assert.That(c.GetProperty("inner_radius").GetDouble(), Is.EqualTo(0.5));
        Assert.That(c.GetProperty("seeds").TryGetProperty("data_augmentation", out _), Is.True);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "metrics.json")));
        double orbit = metrics.RootElement.GetProperty("orbit_task_loss").GetDouble();
        double test = metrics.RootElement.GetProperty("test_task_loss").GetDouble();
        Assert.That(metrics.RootElement.GetProperty("orbit_ratio").GetDouble(), Is.EqualTo(orbit / test));
        Assert.That(File.Exists(Path.Combine(dir, "slice.png")), Is.True);
    }

    [Test]
    public void A_default_run_names_no_lab_setting_in_its_directory_and_records_the_defaults()
    {
        var r = CliRunner.Run([.. Tiny, "--output", Path.Combine(Dir, "run"), "--headless"]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir, "run", "config.json")));
        Assert.That(config.RootElement.GetProperty("group").GetString(), Is.EqualTo("so3"));
        Assert.That(config.RootElement.GetProperty("field").GetString(), Is.EqualTo("radial"));
        Assert.That(config.RootElement.GetProperty("train_region").GetString(), Is.EqualTo("full"));
        Assert.That(new Core.Training.TrainingOptions().IsOriginalSetup, Is.True);
    }
}
