using System.Text.Json;

namespace LatentSymmetry.Tests.Cli;

/// <summary>train --task flow --field kepler and latsym rollout on it: the drift of energy and angular momentum, and bad input in one line.</summary>
public class TwoBodyRolloutTests : TempDirectoryTests
{
    static readonly string[] Tiny = ["train", "--epochs", "2", "--samples", "800", "--hidden-dim", "12", "--num-hidden-layers", "2", "--batch-size", "32", "--headless",
        "--task", "flow", "--dt", "0.1", "--train-region", "cone:60", "--symmetry-layer", "none"];

    [Test]
    public void A_vn_run_on_the_two_body_problem_reports_drifts_and_stays_flat_across_the_group()
    {
        var run = Path.Combine(Dir, "kepler");
        var r = CliRunner.Run([.. Tiny, "--field", "kepler", "--model", "vn", "--output", run]);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stdout, Does.Contain("states of kepler: bound orbits"));

        var roll = CliRunner.Run(["rollout", run, "--horizon", "10", "--starts", "30", "--json"]);
        Assert.That(roll.ExitCode, Is.Zero, roll.Stderr);
        using var doc = JsonDocument.Parse(roll.Stdout);
        var rows = doc.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.That(rows, Has.Count.EqualTo(10));
        foreach (var row in rows)
        {
            Assert.That(row.GetProperty("ratio").GetDouble(), Is.EqualTo(1).Within(1e-5));
            Assert.That(row.GetProperty("equivariance_residual_float64").GetDouble(), Is.LessThan(1e-13));
            // Without float32 rounding the exact model is as good off the region as in it to float64 rounding.
            Assert.That(row.GetProperty("ratio_float64").GetDouble(), Is.EqualTo(1).Within(1e-9));
            Assert.That(row.GetProperty("energy_drift").GetDouble(), Is.GreaterThan(0));
            Assert.That(row.GetProperty("energy_drift_truth").GetDouble(), Is.LessThan(1e-9));
            Assert.That(row.GetProperty("angular_momentum_drift").GetDouble(), Is.GreaterThan(0));
            Assert.That(row.GetProperty("angular_momentum_drift_truth").GetDouble(), Is.LessThan(1e-9));
            // A VN step keeps r and v in their plane: the angular momentum's direction moves by rounding only.
            Assert.That(row.GetProperty("angular_momentum_angle_float64").GetDouble(), Is.LessThan(1e-12));
        }
        var evaluate = CliRunner.Run(["evaluate", run]);
        Assert.That((evaluate.ExitCode, evaluate.Stderr.TrimEnd().Split('\n').Length), Is.EqualTo((2, 1)), evaluate.Stderr);
        Assert.That(evaluate.Stderr, Does.Contain("is not evaluated yet"));
        var csv = File.ReadAllLines(Path.Combine(run, "rollout.csv"));
        Assert.That(csv[0], Is.EqualTo("run,horizon,error_in_region,error_off_region,ratio,equivariance_residual_float32,equivariance_residual_float64,ratio_float64,"
            + "energy_drift,energy_drift_truth,angular_momentum_drift,angular_momentum_drift_truth,angular_momentum_angle,angular_momentum_angle_float64"));
        Assert.That(csv[1].Split(','), Has.Length.EqualTo(14));
    }

    [TestCase(new[] { "--field", "kepler", "--model", "invariant" }, "latsym: --model invariant: it takes points of R^3, not states of 2 vectors")]
    [TestCase(new[] { "--field", "kepler", "--group", "so2" }, "latsym: --field flow:dt=0.1,substeps=16,field=(kepler:gm=1,soft=0.1,rmin=1,rmax=2,noise=0.1,phase=1) takes states of 2 3-D vectors but group so2 acts on 2-D vectors")]
    [TestCase(new[] { "--field", "kepler:rmin=3" }, "latsym: --field: field 'kepler': rmin=3 must be below rmax=2")]
    [TestCase(new[] { "--field", "kepler:noise=0.5" }, "latsym: --field: field 'kepler': noise=0.5 is not valid")]
    public void Bad_two_body_input_is_one_line_with_exit_code_2_and_no_files(string[] options, string message)
    {
        var r = CliRunner.Run([.. Tiny, "--output", Path.Combine(Dir, "run"), .. options]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        Assert.That(r.Stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(r.Stderr, Does.StartWith(message));
        Assert.That(Directory.EnumerateFileSystemEntries(Dir), Is.Empty);
    }
}
