using LatentSymmetry.Cli.Plots;
using ScottPlot;
using ScottPlot.Plottables;

namespace LatentSymmetry.Tests.Plots;

public class CompareFigureTests
{
    [Test]
    public void Save_writes_a_png_and_an_svg_of_the_requested_size_and_no_temporary_file()
    {
        using TemporaryDirectory directory = new();
        CompareFigure figure = new(SyntheticFigures.SweepComparison());

        figure.Save(directory.File("compare.png"));
        figure.Save(directory.File("compare.svg"), FigureFormat.Svg);

        ImageFileAssert.IsPng(directory.File("compare.png"), 1200, 500);
        ImageFileAssert.IsSvg(directory.File("compare.svg"), 1200, 500);
        ImageFileAssert.OnlyFiles(directory.Path, "compare.png", "compare.svg");
    }

    [Test]
    public void Lambda_zero_is_shown_with_a_zero_tick_one_decade_below_the_smallest_positive_decade()
    {
        Multiplot figure = new CompareFigure(SyntheticFigures.SweepComparison([0, 1e-3, 1e-1], layers: 1)).Build();
        Plot task = figure.GetPlot(0);
        figure.Render(1200, 500).Dispose();

        Tick zero = task.Axes.Bottom.TickGenerator.Ticks.Single(t => t.Label == "0");
        Assert.That(zero.Position, Is.EqualTo(-4));
        double[] xs = [.. task.GetPlottables<ErrorBar>().Single().Xs];
        Assert.That(xs, Is.EqualTo(new double[] { -4, -3, -1 }).Within(1e-12));
    }

    [Test]
    public void Layers_get_graded_colours_in_order()
    {
        Multiplot figure = new CompareFigure(SyntheticFigures.SweepComparison(layers: 7)).Build();
        Color[] colours = [.. figure.GetPlot(0).GetPlottables<Scatter>().Where(s => s.LegendText.Length > 0).Select(s => s.Color)];

        Assert.That(colours, Has.Length.EqualTo(7));
        Assert.That(colours.Distinct().Count(), Is.EqualTo(7));
        Assert.That(colours[0], Is.EqualTo(new ScottPlot.Colormaps.Viridis().GetColor(0)));
        Assert.That(colours[6], Is.EqualTo(new ScottPlot.Colormaps.Viridis().GetColor(0.9)));
    }

    [Test]
    public void Baseline_is_a_dashed_line_in_its_band_and_is_omitted_where_absent()
    {
        SweepComparison comparison = SyntheticFigures.SweepComparison() with { BaselineTask = new MeanCi(1e-3, 2e-4) };
        Multiplot figure = new CompareFigure(comparison).Build();

        HorizontalLine line = figure.GetPlot(0).GetPlottables<HorizontalLine>().Single();
        VerticalSpan band = figure.GetPlot(0).GetPlottables<VerticalSpan>().Single();
        Assert.That(line.Y, Is.EqualTo(-3).Within(1e-12));
        Assert.That(line.LinePattern, Is.EqualTo(LinePattern.Dashed));
        Assert.That(band.Bottom, Is.EqualTo(Math.Log10(8e-4)).Within(1e-12));
        Assert.That(band.Top, Is.EqualTo(Math.Log10(1.2e-3)).Within(1e-12));
        Assert.That(figure.GetPlot(1).GetPlottables<HorizontalLine>(), Is.Empty, "no symmetry baseline given");

        Multiplot zeroSym = new CompareFigure(comparison with { BaselineSymmetry = new MeanCi(0, 0) }).Build();
        Assert.That(zeroSym.GetPlot(1).GetPlottables<HorizontalLine>(), Is.Empty, "a zero symmetry baseline cannot sit on a log axis");
    }

    [Test]
    public void Baseline_variants_are_labelled_reference_lines_in_their_bands()
    {
        SweepComparison comparison = SyntheticFigures.SweepComparison() with
        {
            BaselineTask = new MeanCi(1e-3, 2e-4),
            References =
            [
                new BaselineReference("augmentation", Colors.Orange, LinePattern.DenselyDashed, new MeanCi(1e-4, 5e-5), new MeanCi(1, 0.1)),
                new BaselineReference("invariant model", Colors.Red, LinePattern.Dotted, new MeanCi(1e-5, 0), null),
            ],
        };
        Multiplot figure = new CompareFigure(comparison).Build();

        HorizontalLine[] task = [.. figure.GetPlot(0).GetPlottables<HorizontalLine>()];
        Assert.That(task.Select(l => l.LegendText), Is.EqualTo(new[] { "baseline (plain MLP) ± 95% CI", "augmentation ± 95% CI", "invariant model ± 95% CI" }));
        Assert.That(task.Select(l => l.Y), Is.EqualTo(new[] { -3.0, -4.0, -5.0 }).Within(1e-12));
        Assert.That(task.Select(l => l.LinePattern), Is.EqualTo(new[] { LinePattern.Dashed, LinePattern.DenselyDashed, LinePattern.Dotted }));
        VerticalSpan augmentationBand = figure.GetPlot(0).GetPlottables<VerticalSpan>().ElementAt(1);
        Assert.That(augmentationBand.Bottom, Is.EqualTo(Math.Log10(5e-5)).Within(1e-12));
        Assert.That(augmentationBand.Top, Is.EqualTo(Math.Log10(1.5e-4)).Within(1e-12));
        // The axis reaches down to every reference's band.
        Assert.That(figure.GetPlot(0).Axes.Left.Range.Min, Is.LessThanOrEqualTo(-5));

        // The second panel draws only what has a value there.
        Assert.That(figure.GetPlot(1).GetPlottables<HorizontalLine>().Select(l => l.LegendText), Is.EqualTo(new[] { "augmentation ± 95% CI" }));
    }

    [Test]
    public void A_confidence_bar_reaching_below_zero_is_drawn_to_the_bottom_of_the_axis()
    {
        LayerSweep layer = new("layer 1", [new(0.1, 1e-3, 5e-3), new(1, 1e-2, 1e-3)], []);
        Plot task = new CompareFigure(new SweepComparison("t", [layer], new MeanCi(2e-3, 0), null)).Build().GetPlot(0);

        ErrorBar bars = task.GetPlottables<ErrorBar>().Single();
        double bottom = task.Axes.Left.Range.Min;
        Assert.That(bars.Ys[0] - bars.YErrorNegative![0], Is.EqualTo(bottom).Within(1e-12));
        Assert.That(bars.Ys[0] + bars.YErrorPositive![0], Is.EqualTo(Math.Log10(6e-3)).Within(1e-12));
    }

    [Test]
    public void Degenerate_sweeps_render()
    {
        using TemporaryDirectory directory = new();
        SweepPoint[] awkward = [new(0, 0, 0), new(1e-2, double.NaN, 1), new(double.NaN, 1e-3, 0), new(-1, 1e-3, 0), new(1e-1, 1e-3, double.NaN)];
        SweepComparison[] sweeps =
        [
            SyntheticFigures.SweepComparison([0]),
            SyntheticFigures.SweepComparison([3e-3]),
            SyntheticFigures.SweepComparison([0, 1], layers: 1),
            new("no layers", [], new MeanCi(1e-3, 1e-4), null),
            new("", [new LayerSweep("layer 1", [], [])], new MeanCi(double.NaN, double.NaN), new MeanCi(-1, 1)),
            new("awkward", [new LayerSweep("layer 1", awkward, awkward)], new MeanCi(1e-3, 1), new MeanCi(1e-3, 0)),
        ];
        for (int i = 0; i < sweeps.Length; i++)
        {
            string path = directory.File($"degenerate{i}.png");
            Assert.That(() => new CompareFigure(sweeps[i]).Save(path), Throws.Nothing, $"sweep {i}");
            ImageFileAssert.IsPng(path, 1200, 500);
        }
    }
}
