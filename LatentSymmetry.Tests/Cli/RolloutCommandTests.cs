using System.Text.Json;

namespace LatentSymmetry.Tests.Cli;

/// <summary>train --task flow and latsym rollout end to end: an exactly equivariant model stays flat across the group, bad input is one line.</summary>
public class RolloutCommandTests : TempDirectoryTests
{
    static readonly string[] Tiny = ["train", "--epochs", "2", "--samples", "400", "--hidden-dim", "12", "--num-hidden-layers", "2", "--batch-size", "32", "--headless"];

    [Test]
    public void A_flow_run_of_the_equivariant_model_rolls_out_flat_across_the_group()
    {
        var run = Path.Combine(Dir, "flow");
        // A small box and a fast rate, so four epochs fit the step well enough to roll out 20 steps without blowing up.
        var r = CliRunner.Run(["train", "--epochs", "4", "--samples", "400", "--hidden-dim", "12", "--num-hidden-layers", "2", "--batch-size", "32", "--headless",
            "--box", "1.5", "--learning-rate", "3e-3", "--task", "flow", "--field", "central-force", "--dt", "0.2", "--model", "equivariant", "--output", run]);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(File.ReadAllText(Path.Combine(run, "config.json")), Does.Contain("\"flow:dt=0.2,substeps=16,field=(central-force:strength=1,width=2)\""));

        var roll = CliRunner.Run(["rollout", run, "--horizon", "20", "--starts", "40", "--json"]);
        Assert.That(roll.ExitCode, Is.Zero, roll.Stderr);
        using var doc = JsonDocument.Parse(roll.Stdout);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.That(rows.Select(x => x.GetProperty("horizon").GetInt32()), Is.EqualTo(Enumerable.Range(1, 20)));
        foreach (var row in rows)
        {
            Assert.That(row.GetProperty("ratio").GetDouble(), Is.EqualTo(1).Within(1e-5));
            Assert.That(row.GetProperty("equivariance_residual_float32").GetDouble(), Is.LessThan(1e-5));
            Assert.That(row.GetProperty("equivariance_residual_float64").GetDouble(), Is.LessThan(1e-13));
            // Without float32 rounding the exact model is as good off the region as in it to float64 rounding.
            Assert.That(row.GetProperty("ratio_float64").GetDouble(), Is.EqualTo(1).Within(1e-9));
            Assert.That(row.GetProperty("error_in_region").GetDouble(), Is.GreaterThan(0));
        }
        var csv = File.ReadAllLines(Path.Combine(run, "rollout.csv"));
        Assert.That(csv[0], Is.EqualTo("run,horizon,error_in_region,error_off_region,ratio,equivariance_residual_float32,equivariance_residual_float64,ratio_float64"));
        Assert.That(csv, Has.Length.EqualTo(21));
        Assert.That(new FileInfo(Path.Combine(run, "rollout.png")).Length, Is.GreaterThan(1000));
    }

    [TestCase(new[] { "--task", "flow", "--field", "radial" }, "latsym: --task flow learns the flow of a vector field")]
    [TestCase(new[] { "--task", "flow", "--field", "central-force", "--dt", "0" }, "latsym: --dt: 0 is not a time step")]
    [TestCase(new[] { "--task", "flow", "--field", "central-force", "--dt", "NaN" }, "latsym: --dt: NaN is not a time step")]
    [TestCase(new[] { "--task", "orbit", "--field", "central-force" }, "latsym: --task: 'orbit' is not a task; valid: value, flow")]
    public void Bad_flow_training_input_is_one_line_with_exit_code_2_and_no_files(string[] options, string message)
    {
        var r = CliRunner.Run([.. Tiny, "--output", Path.Combine(Dir, "run"), .. options]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        Assert.That(r.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(r.Stderr, Does.StartWith(message));
        Assert.That(Directory.EnumerateFileSystemEntries(Dir), Is.Empty);
    }

    [Test]
    public void Rollout_refuses_a_value_run_and_a_zero_horizon_in_one_line()
    {
        var run = Path.Combine(Dir, "value");
        Assert.That(CliRunner.Run([.. Tiny, "--output", run]).ExitCode, Is.Zero);
        var value = CliRunner.Run(["rollout", run]);
        Assert.That((value.ExitCode, value.Stderr.TrimEnd().Split('\n').Length), Is.EqualTo((2, 1)), value.Stderr);
        Assert.That(value.Stderr, Does.Contain("not a flow run"));
        var zero = CliRunner.Run(["rollout", run, "--horizon", "0"]);
        Assert.That((zero.ExitCode, zero.Stderr.Trim()), Is.EqualTo((2, "latsym: --horizon must be in 1..100000, got 0")));
        Assert.That(File.Exists(Path.Combine(run, "rollout.csv")), Is.False);
    }
}
