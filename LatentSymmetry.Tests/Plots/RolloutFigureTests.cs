using LatentSymmetry.Cli.Plots;
using LatentSymmetry.Core.Dynamics;
using ScottPlot;

namespace LatentSymmetry.Tests.Plots;

public class RolloutFigureTests
{
    static IReadOnlyList<RolloutRow> Rows(double scale) =>
        [.. Enumerable.Range(1, 100).Select(h => new RolloutRow(h, scale * h * 1e-4, scale * h * 2e-4, 2, 1e-7 * h, 1e-16 * h))];

    static List<string> Labels(Plot plot) =>
        [.. plot.GetPlottables().SelectMany(p => p.LegendItems).Concat(plot.Legend.ManualItems).Select(i => i.LabelText).Where(t => !string.IsNullOrEmpty(t))];

    // Six runs gave twelve error entries and a legend cut off below the figure: the error panel names its two line
    // styles once, the ratio panel names the runs.
    [Test]
    public void Six_runs_name_their_colours_once_and_the_line_styles_once()
    {
        var runs = Enumerable.Range(1, 6).Select(i => ($"run{i}", Rows(i))).ToList();
        var plots = new RolloutFigure(runs).Build().GetPlots();
        var error = Labels(plots[0]);
        var ratio = Labels(plots[1]);
        Assert.That(error, Is.EqualTo(new[] { "in region (solid)", "turned starts (dashed)" }));
        Assert.That(ratio, Is.EqualTo(runs.Select(r => r.Item1)));
    }

    [Test]
    public void One_run_labels_its_two_lines()
    {
        var plots = new RolloutFigure([("only", Rows(1))]).Build().GetPlots();
        Assert.That(Labels(plots[0]), Is.EqualTo(new[] { "in region", "turned starts" }));
    }
}
