using System.Text.Json;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Tests.Cli;

public class ProfileCommandTests
{
    [Test]
    public void Gemm_json_has_the_documented_fields()
    {
        var r = CliRunner.Run("profile", "gemm", "--m", "16", "--n", "8", "--k", "4", "--form", "nt", "--json");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("kernel").GetString(), Is.EqualTo("gemm"));
        Assert.That(root.GetProperty("form").GetString(), Is.EqualTo("nt"));
        Assert.That(root.GetProperty("m").GetInt32(), Is.EqualTo(16));
        Assert.That(root.GetProperty("gflops").GetDouble(), Is.GreaterThan(0));
        // Issue 19: the text line named the vector path and GEMM tuning, the JSON did not.
        Assert.That(root.GetProperty("vector_path").GetString(), Is.EqualTo(ExpectedVectorPath()));
        Assert.That(root.GetProperty("gemm_tuning").GetString(), Is.EqualTo(LatentSymmetry.Autograd.Kernels.Gemm.Tuning));
    }

    [Test]
    public void Step_says_when_it_times_the_invariant_model()
    {
        var text = CliRunner.Run("profile", "step", "--num-hidden-layers", "2", "--hidden-dim", "8", "--batch-size", "8", "--model", "invariant");
        Assert.That(text.ExitCode, Is.EqualTo(0), text.Stderr);
        Assert.That(text.Stdout, Does.StartWith("step invariant 2x8 batch 8"));
        var json = CliRunner.Run("profile", "step", "--num-hidden-layers", "2", "--hidden-dim", "8", "--batch-size", "8", "--model", "invariant", "--json");
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.That(doc.RootElement.GetProperty("model").GetString(), Is.EqualTo("invariant"));
        Assert.That(doc.RootElement.GetProperty("gemm_tuning").GetString(), Is.EqualTo(LatentSymmetry.Autograd.Kernels.Gemm.Tuning));
    }

    [Test]
    public void Step_names_its_vector_path_and_the_peak_it_compares_with()
    {
        var json = CliRunner.Run("profile", "step", "--num-hidden-layers", "1", "--hidden-dim", "8", "--batch-size", "4", "--json");
        Assert.That(json.ExitCode, Is.EqualTo(0), json.Stderr);
        using var doc = JsonDocument.Parse(json.Stdout);
        string path = ExpectedVectorPath();
        Assert.That(doc.RootElement.GetProperty("vector_path").GetString(), Is.EqualTo(path));
        string? peak = path switch { "Vector512" => "avx512 fma", "Vector256" when System.Runtime.Intrinsics.X86.Fma.IsSupported => "avx2 fma", _ => null };
        var peakField = doc.RootElement.GetProperty("peak");
        Assert.That(peakField.ValueKind == JsonValueKind.Null ? null : peakField.GetString(), Is.EqualTo(peak));

        var text = CliRunner.Run("profile", "step", "--num-hidden-layers", "1", "--hidden-dim", "8", "--batch-size", "4");
        Assert.That(text.Stdout, Does.Contain($"{path} path, " + (peak is null ? "no FMA peak measured for this path" : $"compare with the {peak} peak")));
    }

    // What the kernels run on in this process; CI reruns the suite with the wider paths switched off.
    static string ExpectedVectorPath() =>
        System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated ? "Vector512" :
        System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? "Vector256" :
        System.Runtime.Intrinsics.Vector128.IsHardwareAccelerated ? "Vector128" : "scalar";

    [Test]
    public void Gemm_rejects_an_unknown_form()
    {
        var r = CliRunner.Run("profile", "gemm", "--form", "tt");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Contain("tt"));
    }

    [Test]
    public void Step_json_reports_time_and_no_allocation()
    {
        var r = CliRunner.Run("profile", "step", "--num-hidden-layers", "2", "--hidden-dim", "16", "--batch-size", "8", "--json");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.That(doc.RootElement.GetProperty("kernel").GetString(), Is.EqualTo("step"));
        Assert.That(doc.RootElement.GetProperty("ms_per_step").GetDouble(), Is.GreaterThan(0));
        Assert.That(doc.RootElement.GetProperty("bytes_allocated_per_step").GetInt64(), Is.Zero);
    }

    [Test]
    public void Step_flop_count_matches_the_hand_count_for_the_default_network()
    {
        // Per row: 3·128 + 5·128·128 + 128 = 82 432 multiply-adds. Forward on 3·128 rows at every layer
        // (penalty at the output); backward twice the forward except the first layer (no input gradient).
        double perRow = 2.0 * 82432, firstLayer = 2.0 * 3 * 128;
        double expected = 3 * 128 * (3 * perRow - firstLayer);
        Assert.That(LatentSymmetry.Cli.Commands.ProfileCommand.StepFlops(new TrainingOptions()), Is.EqualTo(expected));
        Assert.That(LatentSymmetry.Cli.Commands.ProfileCommand.StepFlops(new TrainingOptions { SymmetryLayers = SymmetryLayer.None }), Is.EqualTo(128 * (3 * perRow - firstLayer)));
    }

    [Test]
    public void Rotation_json_reports_every_path_without_allocation()
    {
        var r = CliRunner.Run("profile", "rotation", "--batch-size", "8", "--json");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.That(root.GetProperty("kernel").GetString(), Is.EqualTo("rotation"));
        Assert.That(root.GetProperty("batch_size").GetInt32(), Is.EqualTo(8));
        string[] paths = ["sample", "quaternions_to_matrices", "rotate_rows_forward", "rotate_rows_forward_backward"];
        foreach (var path in paths)
        {
            Assert.That(root.GetProperty("us_per_batch").GetProperty(path).GetDouble(), Is.GreaterThan(0), path);
            Assert.That(root.GetProperty("bytes_allocated_per_call").GetProperty(path).GetInt64(), Is.Zero, path);
        }
    }

    [Test]
    public void Rotation_rejects_an_empty_batch()
    {
        var r = CliRunner.Run("profile", "rotation", "--batch-size", "0");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Contain("--batch-size"));
    }
}
