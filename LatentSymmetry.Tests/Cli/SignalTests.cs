using System.Runtime.InteropServices;
using LatentSymmetry.Cli.Commands;

namespace LatentSymmetry.Tests.Cli;

/// <summary>A signal ends a run with the shell's exit code for it, 128 + its number, and leaves nothing half-written.</summary>
public class SignalTests : TempDirectoryTests
{
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    [TestCase(PosixSignal.SIGTERM, 143)]
    [TestCase(PosixSignal.SIGINT, 130)]
    public void The_exit_code_of_a_signal_is_128_plus_its_number(PosixSignal signal, int expected)
    {
        // Row 12 of issue 10: SIGTERM exited 130, SIGINT's code.
        Assert.That(Termination.ExitCodeFor(signal), Is.EqualTo(expected));
    }

    [TestCase("TERM", 143)]
    [TestCase("INT", 130)]
    public void A_signalled_train_exits_with_its_code_and_leaves_no_run_directory(string signal, int expected)
    {
        // Row 12, in a real process: the run is stopped between batches while it trains (a progress line is out
        // and its staging directory exists), then neither the run directory nor the staging directory may remain.
        var runs = Path.Combine(Dir, "runs");
        using var latsym = LatsymProcess.Start(Dir, "train", "--epochs", "100000", "--samples", "2000", "--hidden-dim", "8",
            "--num-hidden-layers", "2", "--batch-size", "32", "--headless");
        bool training = latsym.WaitUntil(() => latsym.Stdout.Contains("epoch", StringComparison.Ordinal)
            && Directory.Exists(runs) && Directory.EnumerateDirectories(runs, ".*.partial-*").Any(), Patience);
        Assert.That(training, Is.True, $"training never started; stderr: {latsym.Stderr}");
        latsym.Signal(signal);
        int code = latsym.WaitForExit(Patience);
        Assert.That(code, Is.EqualTo(expected), latsym.Stderr);
        Assert.That(latsym.Stderr, Is.EqualTo($"latsym: cancelled by SIG{signal}{Environment.NewLine}"), "one line on stderr");
        // runs/ itself is removed too when the run created it.
        Assert.That(Directory.Exists(runs) ? Directory.EnumerateFileSystemEntries(runs) : [], Is.Empty, "no run directory and no staging directory is left");
        Assert.That(Directory.EnumerateFileSystemEntries(Dir), Is.Empty.Or.EqualTo(new[] { runs }), "nothing else is written");
    }

    [TestCase("TERM", 143)]
    [TestCase("INT", 130)]
    public void A_signalled_evaluate_exits_with_its_code_and_writes_nothing(string signal, int expected)
    {
        // Issue 19, row 2: evaluate ignored the signal, ran to the end, exited 0 and wrote its four files.
        // 12,000 test points turned 64 times take evaluate well over ten seconds here; the signal comes after two.
        var run = Path.Combine(Dir, "run");
        var trained = CliRunner.Run("train", "--epochs", "1", "--samples", "60000", "--hidden-dim", "8", "--num-hidden-layers", "2", "--headless", "-o", run);
        Assert.That(trained.ExitCode, Is.Zero, trained.Stderr);
        var before = Directory.EnumerateFileSystemEntries(run).Order().ToList();
        using var latsym = LatsymProcess.Start(Dir, "evaluate", run, "--rotations", "64");
        Thread.Sleep(TimeSpan.FromSeconds(2));
        latsym.Signal(signal);
        int code = latsym.WaitForExit(Patience);
        Assert.That(code, Is.EqualTo(expected), latsym.Stdout + latsym.Stderr);
        Assert.That(latsym.Stderr, Is.EqualTo($"latsym: cancelled by SIG{signal}{Environment.NewLine}"), "one line on stderr, from latsym's own handler");
        Assert.That(Directory.EnumerateFileSystemEntries(run).Order(), Is.EqualTo(before), "nothing written into the run directory");
    }

    [TestCase("TERM", 143)]
    [TestCase("INT", 130)]
    public void A_signalled_benchmark_exits_with_its_code_and_keeps_only_complete_rows(string signal, int expected)
    {
        // Signalled after its first recorded cell, while the next one trains: that cell is dropped, the rows
        // recorded before it stay, each one whole.
        var results = Path.Combine(Dir, "results");
        using var latsym = LatsymProcess.Start(Dir, "benchmark", "--num-hidden-layers", "2", "--hidden-dim", "8", "--epochs", "400",
            "--samples", "2000", "--batch-size", "32", "--lambdas", "0,1", "--learning-rates", "3e-4", "--seeds", "1", "--jobs", "1",
            "--results-dir", results);
        Assert.That(latsym.WaitUntil(() => latsym.Stdout.Contains("[1/7]", StringComparison.Ordinal), Patience), Is.True,
            $"no cell was recorded; stdout: {latsym.Stdout} stderr: {latsym.Stderr}");
        latsym.Signal(signal);
        int code = latsym.WaitForExit(Patience);
        Assert.That(code, Is.EqualTo(expected), latsym.Stderr);
        Assert.That(latsym.Stderr, Is.EqualTo($"latsym: cancelled by SIG{signal}{Environment.NewLine}"), "one line on stderr");
        Assert.That(latsym.Stdout, Does.Contain("cancelled, rerun to resume"));

        int reported = latsym.Stdout.Split('\n').Count(l => l.StartsWith('['));
        var file = Path.Combine(results, "layers=2x8_lr=3e-4_seed=1.csv");
        var text = File.ReadAllText(file);
        Assert.That(text, Does.EndWith("\n"), "no torn last row");
        var lines = text.TrimEnd('\n').Split('\n');
        int columns = lines[0].Split(',').Length;
        Assert.That(lines.Skip(1).Select(l => l.Split(',').Length), Is.All.EqualTo(columns), "every row is whole");
        Assert.That(lines.Length - 1, Is.EqualTo(reported).And.LessThan(7), "exactly the reported cells are recorded, and the grid was cut short");
        Assert.That(Directory.EnumerateFiles(Path.Combine(results, ".claims")), Is.Empty, "no claim is left");
    }
}
