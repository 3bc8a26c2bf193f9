using System.Text.RegularExpressions;
using LatentSymmetry.Cli.Output;
using Spectre.Console;

namespace LatentSymmetry.Tests.Cli;

public class ProgressLayoutTests
{
    const string LongestEpochLine = "epoch  199/199  lambda 1.000  task 1.234e-05  sym 6.635e-06  val 1.002e-05";

    [TestCase(60)]
    [TestCase(80)]
    [TestCase(100)]
    [TestCase(132)]
    [TestCase(250)]
    public void The_progress_line_fits_the_terminal_width_on_one_row(int width)
    {
        // Row 2 of issue 10: at 80 columns the default line wrapped over three rows; at 100 the bar was 4 cells.
        var layout = ProgressLayout.For(width);
        Assert.That(layout.BarWidth, Is.InRange(10, 40));
        var rendered = Render(layout, layout.Fit(LongestEpochLine, "epoch 199/199  task 1.23e-05  val 1.00e-05", "epoch 199/199 task 1.2e-05", "epoch 199/199"), width);
        var rows = rendered.Split('\n').Select(r => r.TrimEnd('\r', ' ')).Where(r => r.Trim().Length > 0).ToList();
        Assert.That(rows, Has.Count.EqualTo(1), rendered);
        Assert.That(rows[0].Length, Is.LessThan(width), rows[0]);
        Assert.That(rows[0], Does.Contain(new string('━', layout.BarWidth / 2)), "the bar is drawn");
        Assert.That(rows[0], Does.Contain("epoch 199/199").Or.Contain("epoch  199/199"));
    }

    [TestCase(80, true)]
    [TestCase(132, true)]
    [TestCase(79, false)]
    public void From_80_columns_the_times_are_named(int width, bool named)
    {
        // Issue 19: two bare clocks side by side, which is which left to guess.
        var layout = ProgressLayout.For(width);
        var rendered = Render(layout, layout.Fit("epoch 199/199"), width);
        Assert.That(rendered.Contains("elapsed 0:00:0", StringComparison.Ordinal) && rendered.Contains(", left ", StringComparison.Ordinal), Is.EqualTo(named), rendered);
    }

    [TestCase(45)]
    [TestCase(30)]
    public void A_narrow_terminal_gets_the_description_and_percentage_on_one_row(int width)
    {
        // Issue 19: at 45 columns the 60-column layout wrapped, the percentage one character per row.
        var layout = ProgressLayout.For(width);
        Assert.That(layout.BarWidth, Is.Zero);
        var rendered = Render(layout, layout.Fit(LongestEpochLine, "epoch 199/199  task 1.23e-05  val 1.00e-05", "epoch 199/199 task 1.2e-05", "epoch 199/199"), width);
        var rows = rendered.Split('\n').Select(r => r.TrimEnd('\r', ' ')).Where(r => r.Trim().Length > 0).ToList();
        Assert.That(rows, Has.Count.EqualTo(1), rendered);
        Assert.That(rows[0].Length, Is.LessThan(width), rows[0]);
        Assert.That(rows[0], Does.Contain("60%").And.Contain("epoch 199/199"));
    }

    [Test]
    public void A_wide_terminal_shows_the_whole_epoch_line_and_a_long_bar()
    {
        var layout = ProgressLayout.For(160);
        Assert.That(layout.Fit(LongestEpochLine, "short"), Is.EqualTo(LongestEpochLine));
        Assert.That(layout.BarWidth, Is.GreaterThanOrEqualTo(30));
    }

    /// <summary>The progress display's final frame, as a terminal of <paramref name="width"/> columns shows it, without escape codes.</summary>
    static string Render(ProgressLayout layout, string description, int width)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        // The live renderer, as in a terminal (a non-interactive console falls back to "description: 60%").
        console.Profile.Width = width;
        console.Profile.Capabilities.Interactive = true;
        console.Profile.Capabilities.Ansi = true;
        console.Progress().AutoClear(false).Columns(layout.Columns()).Start(ctx =>
        {
            var task = ctx.AddTask(Markup.Escape(description), maxValue: 200);
            task.Increment(120);
        });
        return Regex.Replace(writer.ToString(), @"\x1b\[[0-9;?]*[A-Za-z]", "");
    }
}
