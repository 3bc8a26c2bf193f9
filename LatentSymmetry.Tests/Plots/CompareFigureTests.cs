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
    public void Layers_get_distinct_colour_blind_safe_colours_and_markers_and_none_is_pale()
    {
        Multiplot figure = new CompareFigure(SyntheticFigures.SweepComparison(layers: 7)).Build();
        Scatter[] lines = [.. figure.GetPlot(0).GetPlottables<Scatter>().Where(s => s.LegendText.Length > 0)];

        Assert.That(lines, Has.Length.EqualTo(7));
        Assert.That(lines.Select(l => l.Color).Distinct().Count(), Is.EqualTo(7));
        Assert.That(lines.Select(l => l.MarkerShape).Distinct().Count(), Is.EqualTo(7), "markers tell the layers apart in grey print");
        Assert.That(lines[0].Color, Is.EqualTo(Color.FromHex("#0072B2")), "Wong's blue first");
        // Relative luminance below 0.5: each line keeps a contrast of at least 2:1 against the white background (viridis's
        // yellow end, which the issue found too faint, has 0.8).
        foreach (Scatter line in lines)
            Assert.That(Luminance(line.Color), Is.LessThan(0.5), line.LegendText);
        Color[] references = [FigureStyle.Augmentation, FigureStyle.InvariantModel, FigureStyle.Baseline];
        Assert.That(lines.Select(l => l.Color), Has.None.AnyOf(references), "no layer wears a reference line's colour");
    }

    /// <summary>WCAG relative luminance of a colour (0 black, 1 white).</summary>
    static double Luminance(Color c)
    {
        static double Linear(byte v) => v / 255.0 <= 0.03928 ? v / 255.0 / 12.92 : Math.Pow((v / 255.0 + 0.055) / 1.055, 2.4);
        return 0.2126 * Linear(c.R) + 0.7152 * Linear(c.G) + 0.0722 * Linear(c.B);
    }

    [Test]
    public void A_layer_with_zero_symmetry_loss_is_named_in_the_legend_not_dropped()
    {
        SweepPoint[] task = [new(0, 1e-3, 1e-4), new(0.1, 1e-3, 1e-4)];
        LayerSweep visible = new("layer 1", task, [new(0, 1e-2, 1e-3), new(0.1, 1e-3, 1e-4)]);
        LayerSweep allZero = new("layer 2", task, [new(0, 0, 0), new(0.1, 0, 0)]);
        LayerSweep someZero = new("output", task, [new(0, 1e-2, 1e-3), new(0.1, 0, 0)]);
        Plot symmetry = new CompareFigure(new SweepComparison("t", [visible, allZero, someZero], new MeanCi(1e-3, 1e-4), null)).Build().GetPlot(1);

        string[] legend = [.. symmetry.Legend.GetItems().Select(i => i.LabelText)];
        Assert.That(legend, Does.Contain("layer 2: 0 at every λ (not on a log axis)"));
        Assert.That(legend, Does.Contain("output (0 at λ = 0.1: not drawn)"));
        Assert.That(legend, Does.Contain("layer 1"));
    }

    [Test]
    public void With_one_seed_no_interval_is_drawn_or_claimed()
    {
        SweepComparison comparison = SyntheticFigures.SweepComparison(layers: 2) with
        {
            Seeds = 1,
            References = [new BaselineReference("augmentation", FigureStyle.Augmentation, LinePattern.DenselyDashed, new MeanCi(1e-4, double.NaN), null)],
        };
        Multiplot figure = new CompareFigure(comparison).Build();
        Plot task = figure.GetPlot(0);

        Assert.That(task.GetPlottables<ErrorBar>(), Is.Empty);
        Assert.That(task.GetPlottables<VerticalSpan>(), Is.Empty);
        Assert.That(task.GetPlottables<HorizontalLine>().Select(l => l.LegendText), Is.EqualTo(new[] { "baseline (plain MLP)", "augmentation" }));
        Assert.That(task.Axes.Title.Label.Text, Does.StartWith("6x128, lr=3e-4 (1 seed): "));

        Plot three = new CompareFigure(comparison with { Seeds = 3 }).Build().GetPlot(0);
        Assert.That(three.Axes.Title.Label.Text, Does.StartWith("6x128, lr=3e-4 (3 seeds, mean ± 95% CI): "));
        Assert.That(three.GetPlottables<HorizontalLine>().First().LegendText, Is.EqualTo("baseline (plain MLP) ± 95% CI"));
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
    public void A_confidence_bar_reaching_below_zero_is_cut_at_the_bottom_of_the_axis_and_marked()
    {
        LayerSweep layer = new("layer 1", [new(0.1, 1e-3, 5e-3), new(1, 1e-2, 1e-3)], []);
        Plot task = new CompareFigure(new SweepComparison("t", [layer], new MeanCi(2e-3, 0), null)).Build().GetPlot(0);

        ErrorBar bars = task.GetPlottables<ErrorBar>().Single();
        double bottom = task.Axes.Left.Range.Min;
        Assert.That(bars.Ys[0] - bars.YErrorNegative![0], Is.EqualTo(bottom).Within(1e-12));
        Assert.That(bars.Ys[0] + bars.YErrorPositive![0], Is.EqualTo(Math.Log10(6e-3)).Within(1e-12));
        // The cut bar, and only it, ends in a marker, which the legend explains.
        Markers marker = task.GetPlottables<Markers>().Single();
        Assert.That(marker.Data.GetScatterPoints().Select(c => c.X), Is.EqualTo(new[] { bars.Xs[0] }));
        Assert.That(marker.MarkerShape, Is.EqualTo(FigureStyle.ClippedMarker));
        Assert.That(task.Legend.GetItems().Select(i => i.LabelText), Does.Contain(FigureStyle.ClippedLegend));
    }

    [Test]
    public void No_interval_is_drawn_below_the_bottom_of_the_log_axis()
    {
        // Wide t-intervals of three seeds: half of them reach below zero.
        SweepComparison comparison = SyntheticFigures.SweepComparison() with
        {
            Layers = [.. SyntheticFigures.SweepComparison().Layers.Select((l, i) => l with
            {
                Task = [.. l.Task.Select(p => p with { Ci95 = (i % 2 == 0 ? 2.5 : 0.5) * p.Mean })],
                Symmetry = [.. l.Symmetry.Select(p => p with { Ci95 = (i % 2 == 0 ? 0.5 : 1.5) * p.Mean })],
            })],
        };
        Multiplot figure = new CompareFigure(comparison).Build();
        foreach (Plot panel in figure.GetPlots())
        {
            double bottom = panel.Axes.Left.Range.Min;
            ErrorBar[] bars = [.. panel.GetPlottables<ErrorBar>()];
            int clipped = 0;
            foreach (ErrorBar bar in bars)
            {
                for (int i = 0; i < bar.Ys.Count; i++)
                {
                    double lowerEnd = bar.Ys[i] - bar.YErrorNegative![i];
                    Assert.That(lowerEnd, Is.GreaterThanOrEqualTo(bottom - 1e-12));
                    if (Math.Abs(lowerEnd - bottom) < 1e-12)
                        clipped++;
                }
            }
            Assert.That(clipped, Is.GreaterThan(0), "the wide intervals reach the bottom");
            Assert.That(panel.GetPlottables<Markers>().Sum(m => m.Data.GetScatterPoints().Count), Is.EqualTo(clipped), "every cut bar is marked");
        }
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
