using LatentSymmetry.Tests.Cli;

namespace LatentSymmetry.Tests.Experiments;

/// <summary>
/// The original experiment's files (three seeds, an incomplete cell, a diverged run) render exactly as they did before
/// the baseline variants joined the report: the expected outputs in Golden/ were written by the analyze of main before
/// that change, in every format.
/// </summary>
public class AnalyzeGoldenTests
{
    static readonly string Golden = Path.Combine(TestContext.CurrentContext.TestDirectory, "Experiments", "Golden");

    [TestCase("table")]
    [TestCase("markdown")]
    [TestCase("csv")]
    [TestCase("json")]
    public void Files_of_the_original_experiment_render_as_before(string format)
    {
        string dir = CliRunner.TempDirectory();
        try
        {
            string results = Path.Combine(dir, "res");
            Directory.CreateDirectory(results);
            foreach (string file in Directory.GetFiles(Path.Combine(Golden, "original")))
                File.Copy(file, Path.Combine(results, Path.GetFileName(file)));

            var r = CliRunner.Run("analyze", results, "--format", format);

            Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
            // The golden outputs were made with the relative argument "res".
            Assert.That(r.Stdout.Replace(results, "res", StringComparison.Ordinal), Is.EqualTo(File.ReadAllText(Path.Combine(Golden, "analyze." + format))));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
