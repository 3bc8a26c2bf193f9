using LatentSymmetry.Cli.Plots;
using ScottPlot;
using ScottPlot.Plottables;

namespace LatentSymmetry.Tests.Plots;

public class AngleFigureTests
{
    [Test]
    public void Each_bin_shows_its_count_of_test_points_on_the_right_axis()
    {
        var evaluation = SyntheticFigures.RunEvaluation();
        Plot plot = new AngleFigure(evaluation).Build();

        BarPlot counts = plot.GetPlottables<BarPlot>().Single();
        Assert.That(counts.Bars.Select(b => b.Value), Is.EqualTo(evaluation.AngleCurve.Select(b => (double)b.Count)));
        Assert.That(counts.Bars.Select(b => b.Position), Is.EqualTo(evaluation.AngleCurve.Select(b => b.LowerDegrees + 5)));
        Assert.That(counts.Axes.YAxis, Is.SameAs(plot.Axes.Right));
        Assert.That(plot.Axes.Right.Label.Text, Is.EqualTo("test points per bin"));
        // The empty first bin has a bar of 0 and no point on the curve.
        Assert.That(plot.GetPlottables<Scatter>().Single().Data.GetScatterPoints().Select(c => c.X).First(), Is.EqualTo(15));
    }

    [Test]
    public void Every_decade_of_the_error_axis_is_labelled()
    {
        // An error spanning eleven decades over the bins, past the default thinning at eight.
        var evaluation = SyntheticFigures.RunEvaluation();
        evaluation = evaluation with { AngleCurve = [.. evaluation.AngleCurve.Select((b, i) => b with { MeanSquaredError = Math.Pow(10, -12 + i * 12 / 17.0) })] };
        Plot plot = new AngleFigure(evaluation).Build();
        plot.GetImage(800, 480).Dispose(); // ticks are generated at render time

        Tick[] majors = [.. plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor)];
        int[] decades = [.. majors.Select(t => (int)Math.Round(t.Position))];
        Assert.That(decades, Is.EqualTo(Enumerable.Range(-11, 12)), "bin 0 is empty; the others reach from 10^-11.3 to 1");
        Assert.That(majors.Select(t => t.Label), Has.All.StartWith("10"));
    }

    [Test]
    public void Save_writes_a_png()
    {
        using TemporaryDirectory directory = new();
        new AngleFigure(SyntheticFigures.RunEvaluation()).Save(directory.File(AngleFigure.DefaultFileName));
        ImageFileAssert.IsPng(directory.File(AngleFigure.DefaultFileName), 800, 480);
    }
}
