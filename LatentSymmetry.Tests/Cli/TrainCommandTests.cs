using System.Text.Json;
using LatentSymmetry.Core.IO;

namespace LatentSymmetry.Tests.Cli;

public class TrainCommandTests : TempDirectoryTests
{
    static readonly string[] Tiny = ["train", "--epochs", "2", "--samples", "200", "--hidden-dim", "8", "--num-hidden-layers", "2", "--batch-size", "32"];

    [Test]
    public void Unwritable_output_directory_is_a_usage_error_naming_the_option()
    {
        var blocker = Path.Combine(Dir, "file");
        File.WriteAllText(blocker, "x");
        var r = CliRunner.Run([.. Tiny, "--output", Path.Combine(blocker, "run")]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        Assert.That(r.Stderr, Does.StartWith("latsym: --output"));
        Assert.That(Directory.EnumerateFileSystemEntries(Dir), Is.EqualTo(new[] { blocker }));
    }

    [Test]
    public void An_output_with_a_trailing_slash_names_the_same_directory()
    {
        // Issue 19, row 4: "zz/new/" was refused as existing and left an empty zz/ behind.
        var r = CliRunner.Run([.. Tiny, "--headless", "--output", Path.Combine(Dir, "zz", "new") + "/"]);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(File.Exists(Path.Combine(Dir, "zz", "new", "model.safetensors")), Is.True);
        Assert.That(Directory.EnumerateDirectories(Path.Combine(Dir, "zz")).Select(Path.GetFileName), Is.EqualTo(new[] { "new" }), "no staging directory left");
    }

    [Test]
    public void An_abandoned_run_removes_every_directory_its_claim_created()
    {
        // The claim of x/y/run creates x/ and x/y/; a run stopped by a signal takes both back, not only x/y/.
        using var latsym = LatsymProcess.Start(Dir, "train", "--epochs", "100000", "--samples", "2000", "--hidden-dim", "8",
            "--num-hidden-layers", "2", "--headless", "--output", "x/y/run/");
        var staging = Path.Combine(Dir, "x", "y");
        Assert.That(latsym.WaitUntil(() => latsym.Stdout.Contains("epoch", StringComparison.Ordinal)
            && Directory.Exists(staging) && Directory.EnumerateDirectories(staging, ".run.partial-*").Any(), TimeSpan.FromMinutes(3)), Is.True, latsym.Stderr);
        latsym.Signal("TERM");
        Assert.That(latsym.WaitForExit(TimeSpan.FromMinutes(3)), Is.EqualTo(143), latsym.Stderr);
        Assert.That(Directory.EnumerateFileSystemEntries(Dir), Is.Empty, "neither x/ nor x/y/ is left");
    }

    [Test]
    public void A_diverged_run_names_its_epoch_as_the_progress_lines_do()
    {
        // Issue 19, row 14: progress showed "epoch 0/1 ... task Infinity", the report "non-finite in epoch 1".
        var r = CliRunner.Run([.. Tiny, "--headless", "--learning-rate", "1e9", "--output", Path.Combine(Dir, "run")]);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        var last = System.Text.RegularExpressions.Regex.Matches(r.Stdout, @"^epoch +(\d+)/", System.Text.RegularExpressions.RegexOptions.Multiline)[^1].Groups[1].Value;
        Assert.That(r.Stdout, Does.Contain($"a loss became non-finite in epoch {last};"));
    }

    [Test]
    public void A_run_too_small_to_evaluate_is_refused_at_train()
    {
        // Issue 19: --samples 5 trained silently, then evaluate refused "only 1 test points".
        var run = Path.Combine(Dir, "run");
        var r = CliRunner.Run([.. Tiny.Select(a => a == "200" ? "5" : a), "--headless", "--output", run]);
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Is.EqualTo("latsym: --samples 5: leaves 1 test point; 'latsym evaluate' needs at least 3 (raise --samples)\n"));
        Assert.That(Directory.Exists(run), Is.False, "nothing written");
        // 15 samples leave 3 test points: trained, and evaluate measures it.
        var enough = CliRunner.Run([.. Tiny.Select(a => a == "200" ? "15" : a), "--headless", "--output", run]);
        Assert.That(enough.ExitCode, Is.Zero, enough.Stderr);
        Assert.That(CliRunner.Run("evaluate", run, "--no-reference").ExitCode, Is.Zero);
    }

    [Test]
    public void Existing_output_directory_is_never_overwritten()
    {
        var output = Path.Combine(Dir, "run");
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
        var output = Path.Combine(Dir, "run");
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
        Assert.That(Directory.EnumerateDirectories(Dir).Select(Path.GetFileName), Is.EqualTo(new[] { "run" }), "no staging directory left");
    }

    [Test]
    public void Baseline_run_reports_no_sym_loss()
    {
        var output = Path.Combine(Dir, "run");
        var r = CliRunner.Run([.. Tiny, "--output", output, "--json", "--headless", "--symmetry-layer", "none"]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.That(doc.RootElement.GetProperty("test_sym_loss").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(doc.RootElement.GetProperty("symmetry_layer").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public void Report_has_data_configuration_and_results_sections()
    {
        var output = Path.Combine(Dir, "run");
        var r = CliRunner.Run([.. Tiny, "--output", output, "--headless"]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stdout, Does.Contain("DATA").And.Contain("CONFIGURATION").And.Contain("RESULTS").And.Contain("test task loss"));
        Assert.That(r.Stdout, Does.Contain("epoch    1/1"), "plain progress lines when redirected, epochs counted from 0 as in history.csv");
    }

    [Test]
    public void Help_documents_every_option()
    {
        var r = CliRunner.Run("train", "--help");
        Assert.That(r.ExitCode, Is.EqualTo(0));
        foreach (var option in new[] { "--symmetry-layer", "--lambda-sym-max", "--num-hidden-layers", "--hidden-dim", "--learning-rate", "--run-seed", "--epochs", "--batch-size", "--samples", "--output", "--headless", "--json" })
            Assert.That(r.Stdout, Does.Contain(option));
    }

    [Test]
    public void Runs_that_differ_only_in_weight_decay_each_get_their_own_directory()
    {
        // Row 1 of issue 10: the default name left weight decay out, so runs 2-4 were refused as "already exists".
        foreach (var wd in new[] { "0", "0.01", "0.1", "1" })
        {
            var r = RunIn(Dir, [.. Tiny, "--headless", "--weight-decay", wd]);
            Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        }
        var runs = Directory.GetDirectories(Path.Combine(Dir, "runs")).Select(Path.GetFileName).ToList();
        Assert.That(runs, Has.Count.EqualTo(4));
        Assert.That(runs.Count(n => n!.Contains("_wd0.01", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(runs.Where(n => !n!.Contains("_wd", StringComparison.Ordinal)), Has.Exactly(1).Items, "the default weight decay stays out of the name");
    }

    [Test]
    public void Identical_runs_in_parallel_each_get_their_own_directory()
    {
        // Three runs at once with the same settings (so the same name, the same second): threads of this process
        // contend for the name exactly as processes do (the claim is by staging directory, under a file lock).
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Dir;
        List<CliRunner.Outcome> results;
        try
        {
            results = Enumerable.Range(0, 3).AsParallel().WithDegreeOfParallelism(3)
                .Select(_ => CliRunner.Run([.. Tiny, "--headless"])).ToList();
        }
        finally { Environment.CurrentDirectory = previous; }
        Assert.That(results.Select(r => r.ExitCode), Is.All.EqualTo(0), string.Join("\n", results.Select(r => r.Stderr)));
        var runs = Directory.GetDirectories(Path.Combine(Dir, "runs")).Select(Path.GetFileName).ToList();
        Assert.That(runs, Has.Count.EqualTo(3), string.Join(", ", runs));
        Assert.That(Directory.EnumerateDirectories(Path.Combine(Dir, "runs"), ".*"), Is.Empty, "no staging directory left");
        // Issue 19, row 25: runs/.latsym.lock was left behind.
        Assert.That(Directory.EnumerateFiles(Path.Combine(Dir, "runs")), Is.Empty, "no lock file left");
        Assert.That(Directory.EnumerateFileSystemEntries(Dir).Select(Path.GetFileName), Is.EqualTo(new[] { "runs" }));
    }

    [Test]
    public void An_output_being_written_by_another_process_is_refused_before_training()
    {
        // A live process's staging directory claims the name: our own process stands in for it.
        var output = Path.Combine(Dir, "run");
        var staging = Path.Combine(Dir, $".run.partial-{Environment.ProcessId}");
        Directory.CreateDirectory(staging);
        var r = CliRunner.Run([.. Tiny, "--headless", "--output", output]);
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        Assert.That(r.Stderr, Does.Contain("being written by another latsym process"));
        Assert.That(Directory.Exists(output), Is.False);
    }

    [Test]
    public void Stale_staging_directories_of_dead_processes_are_swept()
    {
        // Row 13: kill -9 left runs/.NAME.partial-PID for ever. A finished process's PID stands for the dead one.
        using var dead = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("true") { UseShellExecute = false })!;
        dead.WaitForExit();
        var runs = Path.Combine(Dir, "runs");
        var stale = Path.Combine(runs, $".old.partial-{dead.Id}");
        var live = Path.Combine(runs, $".other.partial-{Environment.ProcessId}");
        Directory.CreateDirectory(stale);
        File.WriteAllText(Path.Combine(stale, "history.csv"), "epoch\n");
        Directory.CreateDirectory(live);
        var r = CliRunner.Run([.. Tiny, "--headless", "--output", Path.Combine(runs, "new")]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(Directory.Exists(stale), Is.False, "the dead process's staging directory is swept");
        Assert.That(Directory.Exists(live), Is.True, "a live process's staging directory is kept");
    }

    [Test]
    public void Lambda_without_a_symmetry_layer_is_warned_about_and_left_out_of_the_name()
    {
        var r = RunIn(Dir, [.. Tiny, "--headless", "--symmetry-layer", "none", "--lambda-sym-max", "5"]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stderr, Does.Contain("warning: --lambda-sym-max 5 has no effect with --symmetry-layer none"));
        var name = Path.GetFileName(Directory.GetDirectories(Path.Combine(Dir, "runs")).Single())!;
        Assert.That(name, Does.Contain("_symnone").And.Not.Contain("lam"));
        var quiet = RunIn(Dir, [.. Tiny, "--headless", "--symmetry-layer", "none"]);
        Assert.That(quiet.Stderr, Does.Not.Contain("warning"), "no warning when lambda is not given");
    }

    [Test]
    public void A_batch_larger_than_the_data_is_not_refused_for_memory()
    {
        // Row 8: --batch-size 10000000 --samples 200 was refused (215 GB) though a batch holds at most 120 points.
        var r = CliRunner.Run("train", "--samples", "200", "--hidden-dim", "8", "--num-hidden-layers", "2", "--epochs", "1", "--batch-size", "10000000",
            "--headless", "--output", Path.Combine(Dir, "run"));
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
    }

    /// <summary>Runs with the working directory set to <paramref name="dir"/>, for the default runs/ directory.</summary>
    static CliRunner.Outcome RunIn(string dir, string[] args)
    {
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = dir;
        try { return CliRunner.Run(args); }
        finally { Environment.CurrentDirectory = previous; }
    }
}
