using LatentSymmetry.Cli.Plots;
using ScottPlot;
using ScottPlot.Plottables;

namespace LatentSymmetry.Tests.Plots;

public class LogIntervalBarsTests
{
    [Test]
    public void An_interval_above_zero_is_drawn_as_it_is()
    {
        Assert.That(LogIntervalBars.TryBar(2, 1e-2, 5e-3, 4e-2, axisBottom: -4, out var bar), Is.True);
        Assert.That(bar.X, Is.EqualTo(2));
        Assert.That(bar.Y, Is.EqualTo(-2).Within(1e-12));
        Assert.That(bar.Down, Is.EqualTo(Math.Log10(2)).Within(1e-12));
        Assert.That(bar.Up, Is.EqualTo(Math.Log10(4)).Within(1e-12));
        Assert.That(bar.Clipped, Is.False);
    }

    [TestCase(0.0)]
    [TestCase(-3e-3)]
    public void An_interval_reaching_zero_or_below_is_cut_at_the_axis_bottom_and_flagged(double lower)
    {
        Assert.That(LogIntervalBars.TryBar(0, 1e-2, lower, 2e-2, axisBottom: -3.5, out var bar), Is.True);
        Assert.That(bar.Y - bar.Down, Is.EqualTo(-3.5).Within(1e-12));
        Assert.That(bar.Clipped, Is.True);
    }

    [Test]
    public void A_positive_lower_end_below_the_axis_is_cut_and_flagged_too()
    {
        Assert.That(LogIntervalBars.TryBar(0, 1e-2, 1e-6, 2e-2, axisBottom: -3, out var bar), Is.True);
        Assert.That(bar.Y - bar.Down, Is.EqualTo(-3).Within(1e-12));
        Assert.That(bar.Clipped, Is.True);
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    public void A_mean_a_log_axis_cannot_show_has_no_bar(double mean) =>
        Assert.That(LogIntervalBars.TryBar(0, mean, -1, 1, -3, out _), Is.False);

    [Test]
    public void Ends_leave_out_what_a_log_axis_cannot_show()
    {
        Assert.That(LogIntervalBars.Ends(1e-2, -1e-2, 1e-1), Is.EqualTo(new[] { -2.0, -1.0 }).Within(1e-12));
        Assert.That(LogIntervalBars.Ends(0, -1, 1), Is.Empty);
    }

    [Test]
    public void Cut_bars_end_in_a_marker_inside_the_axis_and_the_legend_says_so_once()
    {
        Plot plot = new();
        LogIntervalBars.Bar[] bars = [new(1, -1, 2, 0.1, true), new(2, -1, 0.1, 0.1, false), new(3, -1.5, 1.5, 0.1, true)];
        LogIntervalBars.Add(plot, bars, Colors.Blue, -3, 0);
        LogIntervalBars.Add(plot, [bars[0]], Colors.Red, -3, 0);

        Markers[] markers = [.. plot.GetPlottables<Markers>()];
        Assert.That(markers[0].Data.GetScatterPoints().Select(c => c.X), Is.EqualTo(new double[] { 1, 3 }));
        Assert.That(markers.SelectMany(m => m.Data.GetScatterPoints()).Select(c => c.Y), Has.All.GreaterThan(-3).And.LessThan(-2.8));
        Assert.That(plot.Legend.ManualItems.Count(i => i.LabelText == FigureStyle.ClippedLegend), Is.EqualTo(1));
    }
}
