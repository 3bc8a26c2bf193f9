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
    [TestCase(0.7, 0.76)]
    [TestCase(-0.301, 0.0)]
    public void Limits_always_carry_two_labelled_ticks(double minLog, double maxLog)
    {
        (double min, double max) = LogAxis.Limits(minLog, maxLog);
        Assert.That(min, Is.LessThanOrEqualTo(minLog));
        Assert.That(max, Is.GreaterThanOrEqualTo(maxLog));
        Assert.That(LogAxis.Ticks(min, max).Count(t => t.IsMajor && t.Label.Length > 0), Is.GreaterThanOrEqualTo(2));
    }

    [Test]
    public void Limits_fit_the_data_rather_than_whole_decades()
    {
        // Data from 0.5 to 2 used to get the axis 0.1 to 10; now it gets the least margin, 0.05 decade.
        (double min, double max) = LogAxis.Limits(Math.Log10(0.5), Math.Log10(2));
        Assert.That(min, Is.EqualTo(Math.Log10(0.5) - 0.05).Within(1e-12));
        Assert.That(max, Is.EqualTo(Math.Log10(2) + 0.05).Within(1e-12));
    }

    [Test]
    public void Limits_of_nearly_equal_values_widen_about_the_middle()
    {
        (double min, double max) = LogAxis.Limits(-2.01, -2.0);
        Assert.That(max - min, Is.EqualTo(0.35).Within(1e-12));
        Assert.That((min + max) / 2, Is.EqualTo(-2.005).Within(1e-12));
    }

    [Test]
    public void With_fewer_than_two_decades_in_view_two_three_and_five_are_labelled_as_plain_numbers()
    {
        List<ScottPlot.Tick> ticks = LogAxis.Ticks(Math.Log10(0.15), Math.Log10(0.9));
        Assert.That(ticks.Where(t => t.IsMajor).OrderBy(t => t.Position).Select(t => t.Label), Is.EqualTo(new[] { "0.2", "0.3", "0.5" }));
        Assert.That(ticks.Count(t => !t.IsMajor), Is.EqualTo(5), "0.4 and 0.6 to 0.9 stay unlabelled");

        List<ScottPlot.Tick> narrow = LogAxis.Ticks(Math.Log10(2.5e-5), Math.Log10(6.5e-5));
        Assert.That(narrow.Where(t => t.IsMajor).OrderBy(t => t.Position).Select(t => t.Label),
            Is.EqualTo(new[] { "3×10⁻⁵", "4×10⁻⁵", "5×10⁻⁵", "6×10⁻⁵" }), "a narrow range labels every tick");
    }

    [Test]
    public void A_narrow_range_across_a_decade_labels_the_decade_like_its_neighbours()
    {
        List<ScottPlot.Tick> ticks = LogAxis.Ticks(Math.Log10(0.85), Math.Log10(1.6));
        Assert.That(ticks.Where(t => t.IsMajor).OrderBy(t => t.Position).Select(t => t.Label), Is.EqualTo(new[] { "0.9", "1", "1.5" }));
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
    public void A_small_decade_beside_labelled_multiples_keeps_its_power_of_ten()
    {
        List<ScottPlot.Tick> ticks = LogAxis.Ticks(-3.85, -2.05);
        Assert.That(ticks.Where(t => t.IsMajor).OrderBy(t => t.Position).Select(t => t.Label),
            Is.EqualTo(new[] { "2×10⁻⁴", "3×10⁻⁴", "5×10⁻⁴", "10⁻³", "2×10⁻³", "3×10⁻³", "5×10⁻³" }));
    }

    [Test]
    public void Every_decade_is_labelled_when_asked()
    {
        List<ScottPlot.Tick> ticks = LogAxis.Ticks(-20, 0, maxLabelledDecades: int.MaxValue);
        Assert.That(ticks.Count(t => t.IsMajor), Is.EqualTo(21));
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
