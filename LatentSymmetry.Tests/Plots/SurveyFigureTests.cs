using LatentSymmetry.Cli.Plots;
using ScottPlot;
using ScottPlot.Plottables;

namespace LatentSymmetry.Tests.Plots;

public class SurveyFigureTests
{
    static SurveyFigure.FieldLine Line(string field, bool invariant, params double[][] perLayer) => new(field, invariant, perLayer);

    [Test]
    public void A_lower_interval_end_below_zero_is_cut_at_the_axis_bottom_not_dropped()
    {
        // Seeds 0.1, 1, 2: mean 1.03, the t-interval's half-width 2.4 reaches below zero.
        var wide = Line("x", false, [0.1, 1, 2], [0.5, 0.6, 0.7]);
        Plot plot = SurveyFigure.Build("Q", "so2", [wide], []);

        ErrorBar bars = plot.GetPlottables<ErrorBar>().Single();
        double bottom = plot.Axes.Left.Range.Min;
        Assert.That(bars.Ys[0] - bars.YErrorNegative![0], Is.EqualTo(bottom).Within(1e-12), "the bar runs to the bottom");
        Assert.That(bars.YErrorNegative[1], Is.GreaterThan(0));
        Assert.That(plot.GetPlottables<Markers>().Single().Data.GetScatterPoints().Count, Is.EqualTo(1), "the cut bar is marked");
    }

    [Test]
    public void Fields_get_distinct_colours_and_invariance_shows_in_the_line_pattern()
    {
        SurveyFigure.FieldLine[] lines =
        [
            Line("radial", true, [1, 2], [1, 2]), Line("bessel-j0", true, [1, 2], [1, 2]), Line("multi-ring", true, [1, 2], [1, 2]),
            Line("x", false, [3, 4], [3, 4]), Line("radial-angular", false, [3, 4], [3, 4]),
        ];
        Plot plot = SurveyFigure.Build("Q", "so2", lines, [2, 2]);

        Scatter[] drawn = [.. plot.GetPlottables<Scatter>().Where(s => s.LegendText != "untrained")];
        Assert.That(drawn.Select(s => s.Color).Distinct().Count(), Is.EqualTo(5));
        Assert.That(drawn.Take(3).Select(s => s.LinePattern), Has.All.EqualTo(LinePattern.Solid));
        Assert.That(drawn.Skip(3).Select(s => s.LinePattern), Has.All.EqualTo(LinePattern.Dotted));
        Assert.That(plot.Axes.Title.Label.Text, Does.Contain("invariant under so2 solid, others dotted"));
    }

    [Test]
    public void The_log_axis_fits_the_data_instead_of_a_fixed_decade_pair()
    {
        Plot plot = SurveyFigure.Build("Q", "so2", [Line("radial", true, [0.5, 0.51, 0.52], [0.8, 0.81, 0.82], [1.9, 1.95, 2])], []);
        // Before: 0.1 to 10 for any data in that range.
        Assert.That(plot.Axes.Left.Range.Min, Is.GreaterThan(Math.Log10(0.3)));
        Assert.That(plot.Axes.Left.Range.Max, Is.LessThan(Math.Log10(4)));
    }

    [Test]
    public void The_mix_title_names_fields_a_and_b_and_alpha_goes_on_a_log_axis_with_zero()
    {
        double[] alphas = [0, 0.01, 0.03, 0.1, 0.3, 1];
        var perAlpha = alphas.Select(a => (IReadOnlyList<IReadOnlyList<double>>)[[1 + a, 1.1 + a], [2 + a, 2.2 + a]]).ToList();
        Plot plot = SurveyFigure.BuildMix("Q", alphas, perAlpha, "bessel-j0:scale=10", "radial-angular:k=2");
        plot.GetImage(1000, 600).Dispose(); // ticks are generated at render time

        Assert.That(plot.Axes.Title.Label.Text, Does.Contain("a = bessel-j0:scale=10").And.Contain("b = radial-angular:k=2"));
        Tick[] ticks = [.. plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor)];
        Assert.That(ticks.Single(t => t.Label == "0").Position, Is.EqualTo(-3), "zero one decade below 0.01");
        Scatter layer1 = plot.GetPlottables<Scatter>().First();
        double[] xs = [.. layer1.Data.GetScatterPoints().Select(c => c.X)];
        // log10 of each alpha (zero at -3), shifted by the layer's dodge.
        double dodge = xs[1] - (-2);
        Assert.That(xs.Select(x => x - dodge), Is.EqualTo(new[] { -3, -2, Math.Log10(0.03), -1, Math.Log10(0.3), 0 }).Within(1e-9));
    }

    [Test]
    public void Alphas_within_a_decade_stay_on_a_linear_axis()
    {
        Assert.That(SurveyFigure.UsesLogAlpha([0, 0.25, 0.5, 0.75, 1]), Is.False);
        Assert.That(SurveyFigure.UsesLogAlpha([0, 0.01, 0.1, 1]), Is.True);
        Assert.That(SurveyFigure.UsesLogAlpha([0.5]), Is.False);

        double[] alphas = [0, 0.5, 1];
        var perAlpha = alphas.Select(a => (IReadOnlyList<IReadOnlyList<double>>)[[1 + a, 1.1 + a]]).ToList();
        Plot plot = SurveyFigure.BuildMix("Q", alphas, perAlpha, "a", "b");
        plot.GetImage(1000, 600).Dispose();
        Assert.That(plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Position), Is.EqualTo(alphas));
    }

    [Test]
    public void Save_and_SaveMix_write_pngs()
    {
        using TemporaryDirectory directory = new();
        SurveyFigure.Save(directory.File("survey.png"), "Q", "so2", [Line("radial", true, [1, 2], [1, 2])], [1, 1]);
        SurveyFigure.SaveMix(directory.File("mix.png"), "Q", [0, 1], [[[1.0, 2.0]], [[2.0, 3.0]]], "a", "b");
        ImageFileAssert.IsPng(directory.File("survey.png"), 1100, 650);
        ImageFileAssert.IsPng(directory.File("mix.png"), 1000, 600);
    }
}
