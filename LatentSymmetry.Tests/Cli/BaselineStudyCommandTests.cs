using LatentSymmetry.Tests.Experiments;

namespace LatentSymmetry.Tests.Cli;

/// <summary>analyze and compare on a grid and its benchmark --baselines files in one directory (the hand-built study).</summary>
public class BaselineStudyCommandTests : TempDirectoryTests
{
    [SetUp]
    public void WriteStudyFiles()
    {
        foreach ((string name, string text) in BaselineVariantAnalysisTests.StudyFiles())
            File.WriteAllText(Path.Combine(Dir, name), text);
    }

    [Test]
    public void Analyze_prints_one_table_with_the_baselines_as_rows()
    {
        var r = CliRunner.Run("analyze", Dir);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stdout.Split("seed files").Length, Is.EqualTo(2), "one group title");
        string[] rows = [.. r.Stdout.Split('\n').Where(l => l.StartsWith("│ ", StringComparison.Ordinal))];
        Assert.That(rows.Select(l => l.Split('│')[1].Trim()), Is.EqualTo(new[] { "layer", "-1 (output)", "baseline", "augmentation", "invariant model" }));
        Assert.That(rows[0], Does.Contain("orbit ratio mean ± 95% CI"));
        Assert.That(rows[3], Does.Contain("3×, p=0.25"));
        Assert.That(r.Stdout, Does.Contain("invariant model: 2/3, missing from layers=6x128_lr=3e-4_seed=2_setup=radial+cone-60+invariant.csv"));
    }

    [Test]
    public void Compare_draws_the_baselines_beside_the_grid()
    {
        string png = Path.Combine(Dir, "compare.png");
        var r = CliRunner.Run("compare", Dir, "-o", png);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stdout, Does.EndWith("1 layer(s) and the baseline; beside them augmentation and invariant model\n"));
        Assert.That(new FileInfo(png).Length, Is.GreaterThan(1000));

        // The orbit ratio of set-up files needs no --evaluate companions.
        r = CliRunner.Run("compare", Dir, "-o", Path.Combine(Dir, "orbit.png"), "--metric", "orbit_ratio");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);

        // Without 'n' the references go with the baseline.
        r = CliRunner.Run("compare", Dir, "-o", Path.Combine(Dir, "layers.png"), "--layers", "l");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stdout, Does.Not.Contain("beside them"));
    }
}
