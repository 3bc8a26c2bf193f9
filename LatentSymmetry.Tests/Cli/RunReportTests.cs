using LatentSymmetry.Cli.Output;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Tests.Cli;

/// <summary>The train report in a terminal: lines broken between words, never inside one.</summary>
public class RunReportTests
{
    static readonly TrainingResult Result = new Trainer(new TrainingOptions
    {
        HiddenLayers = 2, HiddenDim = 8, Epochs = 2, Samples = 200, BatchSize = 32, RunSeed = 1234567890,
        Field = LatentSymmetry.Core.Fields.FieldCatalog.Parse("broken:eps=0.1"),
    }).Run();

    [TestCase(80)]
    [TestCase(60)]
    public void A_narrow_terminal_gets_whole_words_on_every_line(int width)
    {
        // Issue 19: at 80 columns the terminal broke "(run seed 42)" as "(ru" / "n seed 42)".
        var wide = new StringWriter();
        RunReport.Write(wide, Result, "runs/some-run-directory");
        var narrow = new StringWriter();
        RunReport.Write(narrow, Result, "runs/some-run-directory", width);
        var lines = narrow.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.That(lines.Select(l => l.Length), Is.All.LessThan(width), narrow.ToString());
        Assert.That(wide.ToString().Split('\n').Max(l => l.TrimEnd('\r').Length), Is.GreaterThanOrEqualTo(width), "the case needs a line that is too long");
        static string[] Words(string text) => text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
        Assert.That(Words(narrow.ToString()), Is.EqualTo(Words(wide.ToString())), "the same words, none cut");
    }

    [Test]
    public void Without_a_width_the_report_is_unchanged()
    {
        var plain = new StringWriter();
        RunReport.Write(plain, Result, "runs/x");
        Assert.That(plain.ToString(), Does.Contain($"(run seed {Result.Options.RunSeed})"));
    }
}
