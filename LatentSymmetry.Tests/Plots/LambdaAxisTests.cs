using LatentSymmetry.Cli.Plots;
using ScottPlot;

namespace LatentSymmetry.Tests.Plots;

public class LambdaAxisTests
{
    static Tick[] BottomTicks(LambdaAxis axis)
    {
        Plot plot = new();
        axis.Apply(plot);
        plot.RenderInMemory(600, 400);
        return plot.Axes.Bottom.TickGenerator.Ticks;
    }

    [Test]
    public void Zero_sits_one_decade_below_the_decade_of_the_smallest_positive_lambda()
    {
        LambdaAxis axis = LambdaAxis.For([0, 3e-3, 1e-1]);
        Assert.That(axis.TryPosition(0, out double zero), Is.True);
        Assert.That(zero, Is.EqualTo(-4));
        Tick[] major = [.. BottomTicks(axis).Where(t => t.IsMajor).OrderBy(t => t.Position)];
        Assert.That(major.Select(t => t.Label), Is.EqualTo(new[] { "0", "10⁻³", "10⁻²", "10⁻¹" }));
        Assert.That(major[0].Position, Is.EqualTo(-4));
    }

    [Test]
    public void No_tick_falls_between_zero_and_the_first_positive_decade()
    {
        Tick[] ticks = BottomTicks(LambdaAxis.For([0, 1e-3, 1]));
        Assert.That(ticks.Where(t => t.Position > -4 && t.Position < -3), Is.Empty);
    }

    [Test]
    public void Positive_lambda_map_to_their_log10()
    {
        LambdaAxis axis = LambdaAxis.For([0, 1e-2]);
        Assert.That(axis.TryPosition(1e-2, out double x), Is.True);
        Assert.That(x, Is.EqualTo(-2).Within(1e-12));
        Assert.That(axis.TryPosition(-1, out _), Is.False);
        Assert.That(axis.TryPosition(double.NaN, out _), Is.False);
    }

    [Test]
    public void Zero_only_gives_a_single_zero_tick()
    {
        Tick[] major = [.. BottomTicks(LambdaAxis.For([0, 0])).Where(t => t.IsMajor)];
        Assert.That(major.Select(t => t.Label), Is.EqualTo(new[] { "0" }));
    }

    [Test]
    public void Without_zero_there_is_no_zero_tick()
    {
        Tick[] ticks = BottomTicks(LambdaAxis.For([1e-3, 1e-1]));
        Assert.That(ticks.Select(t => t.Label), Has.None.EqualTo("0"));
    }
}
