using LatentSymmetry.Cli.Plots;

namespace LatentSymmetry.Tests.Plots;

public class LogAxisTests
{
    [TestCase(0.0)]
    [TestCase(-1e-3)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void TryLog10_refuses_values_a_log_axis_cannot_show(double value) =>
        Assert.That(LogAxis.TryLog10(value, out _), Is.False);

    [Test]
    public void TryLog10_of_a_power_of_ten_is_its_exponent()
    {
        Assert.That(LogAxis.TryLog10(1e-4, out double log), Is.True);
        Assert.That(log, Is.EqualTo(-4).Within(1e-12));
    }

    [Test]
    public void Limits_pad_data_spanning_several_decades_by_five_percent()
    {
        (double min, double max) = LogAxis.Limits(-4, -1);
        Assert.That(min, Is.EqualTo(-4.15).Within(1e-12));
        Assert.That(max, Is.EqualTo(-0.85).Within(1e-12));
    }

    [TestCase(-3.0, -3.0)]
    [TestCase(-2.7, -2.6)]
    [TestCase(-2.01, -1.1)]
    public void Limits_always_enclose_two_labelled_decades(double minLog, double maxLog)
    {
        (double min, double max) = LogAxis.Limits(minLog, maxLog);
        Assert.That(min, Is.LessThanOrEqualTo(minLog));
        Assert.That(max, Is.GreaterThanOrEqualTo(maxLog));
        Assert.That(LogAxis.Ticks(min, max).Count(t => t.IsMajor), Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public void Limits_of_no_finite_data_are_a_default_decade()
    {
        Assert.That(LogAxis.Limits([double.NaN]), Is.EqualTo((-1.0, 0.0)));
        Assert.That(LogAxis.Limits([]), Is.EqualTo((-1.0, 0.0)));
    }

    [Test]
    public void Ticks_label_each_decade_and_mark_two_to_nine_times_each_decade()
    {
        List<ScottPlot.Tick> ticks = LogAxis.Ticks(-3.2, -0.9);
        Assert.That(ticks.Where(t => t.IsMajor).Select(t => t.Label), Is.EqualTo(new[] { "10⁻³", "10⁻²", "10⁻¹" }));
        double[] minor = [.. ticks.Where(t => !t.IsMajor).Select(t => t.Position).Order()];
        // Inside [-3.2, -0.9]: 7..9 x 1e-4 (log10 7e-4 = -3.155), 2..9 x 1e-3 and 2..9 x 1e-2, and 1e-1 .. none above.
        Assert.That(minor, Has.Length.EqualTo(3 + 8 + 8));
        Assert.That(minor[0], Is.EqualTo(Math.Log10(7e-4)).Within(1e-12));
    }

    [Test]
    public void Ticks_thin_the_labels_when_there_are_many_decades()
    {
        List<ScottPlot.Tick> ticks = LogAxis.Ticks(-20, 0);
        string[] labels = [.. ticks.Where(t => t.IsMajor).Select(t => t.Label)];
        Assert.That(labels.Length, Is.LessThanOrEqualTo(8));
        Assert.That(labels, Does.Contain("10⁰"));
        Assert.That(ticks.Count(t => !t.IsMajor), Is.EqualTo(21 - labels.Length), "unlabelled decades stay as minor ticks");
    }

    [Test]
    public void Ticks_below_the_first_decade_are_left_out()
    {
        List<ScottPlot.Tick> ticks = LogAxis.Ticks(-4.4, -1, firstDecade: -3);
        Assert.That(ticks.Min(t => t.Position), Is.EqualTo(-3));
    }

    [TestCase(0, "10⁰")]
    [TestCase(1, "10¹")]
    [TestCase(-4, "10⁻⁴")]
    [TestCase(-12, "10⁻¹²")]
    [TestCase(23, "10²³")]
    public void PowerOfTen_writes_the_exponent_in_superscript(int exponent, string expected) =>
        Assert.That(LogAxis.PowerOfTen(exponent), Is.EqualTo(expected));
}
