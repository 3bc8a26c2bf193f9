using LatentSymmetry.Core.Experiments.Analysis;
using LatentSymmetry.Core.Experiments.Results;

namespace LatentSymmetry.Tests.Cli;

/// <summary>benchmark --penalties: raw's files as the original's, another kind's named for it with a penalty column; resumable; analysed apart.</summary>
public class PenaltyBenchmarkTests : TempDirectoryTests
{
    static string[] TinyGrid(string results, params string[] extra) =>
        CliRunner.TinyGrid(results, 300, "1", ["--layers", "1,-1", "--seeds", "1", "--jobs", "1", .. extra]);

    // The file without its wall_seconds column, the one figure that differs between two runs of the same cell.
    static string[] WithoutWallSeconds(string path) => WithoutWallSecondsOf(File.ReadAllLines(path));

    [Test]
    public void A_normalized_axis_leaves_raw_files_as_before_and_writes_its_own_resumable_files()
    {
        var before = Path.Combine(Dir, "before");
        var r = CliRunner.Run(TinyGrid(before));
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        var results = Path.Combine(Dir, "results");
        r = CliRunner.Run(TinyGrid(results, "--penalties", "raw,normalized"));
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);

        const string Raw = "layers=2x8_lr=3e-4_seed=1.csv", Normalized = "layers=2x8_lr=3e-4_seed=1_setup=pen-normalized.csv";
        Assert.That(Directory.GetFiles(results).Select(Path.GetFileName), Is.EquivalentTo(new[] { Raw, Normalized }));
        Assert.That(WithoutWallSeconds(Path.Combine(results, Raw)), Is.EqualTo(WithoutWallSeconds(Path.Combine(before, Raw))), "raw's file is the original's");
        Assert.That(File.ReadAllLines(Path.Combine(results, Raw))[0], Is.EqualTo(string.Join(",", ResultColumns.Extended)));

        var normalized = File.ReadAllLines(Path.Combine(results, Normalized));
        Assert.That(normalized[0], Is.EqualTo(string.Join(",", ResultColumns.WithPenalty)));
        Assert.That(normalized, Has.Length.EqualTo(4), "two penalty cells and the baseline");
        Assert.That(normalized.Skip(1).All(l => l.StartsWith("0.0003,", StringComparison.Ordinal) && l.Contains(",so3,radial,full,mlp,False,") && l.EndsWith(",normalized", StringComparison.Ordinal)), Is.True);
        // The same cell under the other penalty trains to other weights and measures another loss.
        var rawRows = File.ReadAllLines(Path.Combine(results, Raw));
        Assert.That(normalized[1].Split(',')[..3], Is.EqualTo(rawRows[1].Split(',')[..3]));
        Assert.That(normalized[1].Split(',')[4], Is.Not.EqualTo(rawRows[1].Split(',')[4]));
        // The baseline has no penalty: the same run in both files.
        Assert.That(normalized[3].Split(',')[..5], Is.EqualTo(rawRows[3].Split(',')[..5]));

        // Resume: nothing left to run, nothing rewritten.
        var bytes = Directory.GetFiles(results).ToDictionary(f => f, File.ReadAllBytes);
        r = CliRunner.Run(TinyGrid(results, "--penalties", "raw normalized"));
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stdout, Does.Contain("already done 6, to run 0"));
        foreach (var (path, content) in bytes) Assert.That(File.ReadAllBytes(path), Is.EqualTo(content), path);

        // A killed normalized file resumes: its missing row is the only one run again.
        var path1 = Path.Combine(results, Normalized);
        File.WriteAllLines(path1, normalized[..3]);
        r = CliRunner.Run(TinyGrid(results, "--penalties", "raw,normalized"));
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stdout, Does.Contain("already done 5, to run 1"));
        Assert.That(WithoutWallSeconds(path1), Is.EqualTo(WithoutWallSecondsOf(normalized)));

        // analyze keeps the kinds apart: one group per penalty, titled with it.
        var report = BenchmarkAnalysis.Analyze(Directory.GetFiles(results));
        Assert.That(report.Groups.Select(g => g.Key.Setup), Is.EquivalentTo(new[] { "", "pen-normalized" }));
        var analyze = CliRunner.Run("analyze", results);
        Assert.That(analyze.ExitCode, Is.EqualTo(0), analyze.Stderr);
        Assert.That(analyze.Stdout, Does.Contain("setup=pen-normalized"));
    }

    static string[] WithoutWallSecondsOf(string[] lines)
    {
        int at = Array.IndexOf(lines[0].Split(','), ResultColumns.WallSeconds);
        return [.. lines.Select(l => string.Join(",", l.Split(',').Where((_, i) => i != at)))];
    }
}
