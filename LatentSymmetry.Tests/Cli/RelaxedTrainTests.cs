using System.Text.Json;
using LatentSymmetry.Cli.Output;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Tests.Cli;

/// <summary><c>latsym train --model relaxed</c> and its options.</summary>
public class RelaxedTrainTests : TempDirectoryTests
{
    static readonly string[] Tiny = ["train", "--epochs", "2", "--samples", "200", "--hidden-dim", "8", "--num-hidden-layers", "2", "--batch-size", "32", "--headless"];

    [TestCase(new[] { "--model", "relaxed", "--relax-weight", "-1" }, "--relax-weight must be a finite number >= 0, got -1")]
    [TestCase(new[] { "--model", "relaxed", "--relax-weight", "NaN" }, "--relax-weight must be a finite number >= 0, got NaN")]
    [TestCase(new[] { "--relax-branch", "mlp" }, "--relax-branch needs --model relaxed (the model is mlp)")]
    [TestCase(new[] { "--model", "invariant", "--relax-weight", "0.1" }, "--relax-weight needs --model relaxed (the model is invariant)")]
    [TestCase(new[] { "--model", "relaxed", "--relax-branch", "cubic" }, "--relax-branch: 'cubic' is not a branch; valid: quadratic, mlp")]
    [TestCase(new[] { "--model", "relaxed", "--relax-penalty", "l3" }, "--relax-penalty: 'l3' is not a penalty; valid: l2, l1")]
    [TestCase(new[] { "--model", "relaxed", "--symmetry-layer", "1" }, "--symmetry-layer 1 is a hidden layer; --model relaxed is a sum")]
    [TestCase(new[] { "--grad-align-interval", "-1" }, "--grad-align-interval must be at least 0 (0: off), got -1")]
    [TestCase(new[] { "--grad-align-interval", "5", "--symmetry-layer", "none" }, "--grad-align-interval 5 compares the task's gradient with the penalty's: it needs a --symmetry-layer, not none")]
    public void Bad_input_is_one_line_and_exit_code_2(string[] args, string message)
    {
        string run = Path.Combine(Dir, "run");
        var r = CliRunner.Run([.. Tiny, "--output", run, .. args]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        Assert.That(r.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), r.Stderr);
        Assert.That(r.Stderr, Does.Contain(message));
        Assert.That(Directory.Exists(run), Is.False);
    }

    [Test]
    public void A_relaxed_runs_name_carries_the_settings_away_from_their_defaults()
    {
        var now = new DateTime(2026, 12, 2, 1, 2, 3);
        var none = new TrainingOptions { SymmetryLayers = SymmetryLayers.None };
        Assert.That(RunName.For(none with { Model = ModelKind.Relaxed }, now), Does.EndWith("_symnone_relaxed"));
        Assert.That(RunName.For(none with { Model = RelaxedModelKind.With(RelaxBranch.Mlp, RelaxPenalty.L1, 0.01) }, now), Does.EndWith("_symnone_relaxed_mlp_l1_rw0.01"));
        Assert.That(RunName.For(new TrainingOptions { GradAlignInterval = 10 }, now), Does.EndWith("_align10"));
    }

    [Test]
    public void A_relaxed_run_writes_its_settings_and_its_branch_penalty()
    {
        string run = Path.Combine(Dir, "run");
        var r = CliRunner.Run([.. Tiny, "--output", run, "--model", "relaxed", "--relax-branch", "mlp", "--relax-penalty", "l1", "--relax-weight", "0.01",
            "--symmetry-layer", "none", "--field", "broken:eps=0.1"]);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "config.json")));
        var c = config.RootElement;
        Assert.That(c.GetProperty("model").GetString(), Is.EqualTo("relaxed"));
        Assert.That(c.GetProperty("relax_branch").GetString(), Is.EqualTo("mlp"));
        Assert.That(c.GetProperty("relax_penalty").GetString(), Is.EqualTo("l1"));
        Assert.That(c.GetProperty("relax_weight").GetDouble(), Is.EqualTo(0.01));
        Assert.That(File.ReadLines(Path.Combine(run, "history.csv")).First(), Does.EndWith(",train_branch_penalty"));
    }

    [Test]
    public void Evaluate_shows_the_learned_breaking_that_metrics_json_records()
    {
        string run = Path.Combine(Dir, "run");
        var r = CliRunner.Run([.. Tiny, "--output", run, "--model", "relaxed", "--symmetry-layer", "none", "--field", "broken:eps=0.2"]);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")));
        var m = metrics.RootElement;
        var e = CliRunner.Run("evaluate", run, "--metrics", "SL", "--no-reference", "--json");
        Assert.That(e.ExitCode, Is.Zero, e.Stderr);
        using var evaluation = JsonDocument.Parse(e.Stdout);
        var v = evaluation.RootElement;
        foreach (var key in new[] { "breaking_rms", "field_breaking_rms", "branch_share", "branch_square_contrast" })
            Assert.That(v.GetProperty(key).GetDouble(), Is.EqualTo(m.GetProperty(key).GetDouble()), key);
        Assert.That(v.GetProperty("branch_coefficients").GetProperty("z^2").GetDouble(), Is.EqualTo(m.GetProperty("branch_coefficients").GetProperty("z^2").GetDouble()));
        var text = CliRunner.Run("evaluate", run, "--metrics", "SL", "--no-reference");
        Assert.That(text.Stdout, Does.Contain("breaking_rms:").And.Contain("branch_share:").And.Contain("z^2 - (x^2 + y^2)/2:"));
    }
}
