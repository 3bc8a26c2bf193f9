using LatentSymmetry.Cli.Plots;
using ScottPlot;
using ScottPlot.Plottables;

namespace LatentSymmetry.Tests.Plots;

public class LossCurvesFigureTests
{
    static readonly EpochPoint[] None = [];

    [Test]
    public void Save_writes_a_png_of_the_requested_size_and_no_temporary_file()
    {
        using TemporaryDirectory directory = new();
        string path = directory.File(LossCurvesFigure.DefaultFileName);

        new LossCurvesFigure(SyntheticFigures.LossHistory(epochs: 30, batches: 8)).Save(path);

        ImageFileAssert.IsPng(path, 1200, 500);
        ImageFileAssert.OnlyFiles(directory.Path, LossCurvesFigure.DefaultFileName);
    }

    [Test]
    public void Save_writes_svg_by_extension_or_by_format()
    {
        using TemporaryDirectory directory = new();
        LossCurvesFigure figure = new(SyntheticFigures.LossHistory(epochs: 10, batches: 4)) { Width = 900, Height = 400 };

        figure.Save(directory.File("loss_curves.svg"));
        figure.Save(directory.File("loss_curves.image"), FigureFormat.Svg);

        ImageFileAssert.IsSvg(directory.File("loss_curves.svg"), 900, 400);
        ImageFileAssert.IsSvg(directory.File("loss_curves.image"), 900, 400);
        ImageFileAssert.OnlyFiles(directory.Path, "loss_curves.svg", "loss_curves.image");
    }

    [Test]
    public void PerEpoch_places_each_epoch_at_its_end()
    {
        EpochPoint[] points = EpochPoint.PerEpoch([0.5, 0.25, 0.125]);
        Assert.That(points, Is.EqualTo(new EpochPoint[] { new(1, 0.5), new(2, 0.25), new(3, 0.125) }));
    }

    [Test]
    public void Points_that_a_log_axis_cannot_show_are_skipped()
    {
        EpochPoint[] train = [new(1, 0.1), new(2, 0), new(3, double.NaN), new(4, -1), new(5, double.PositiveInfinity), new(6, 1e-3)];
        Multiplot figure = new LossCurvesFigure(new LossHistory(None, train, None, null)).Build();

        Scatter line = figure.GetPlot(0).GetPlottables<Scatter>().Single();
        Coordinates[] drawn = [.. line.Data.GetScatterPoints()];
        Assert.That(drawn.Select(c => c.X), Is.EqualTo(new double[] { 1, 6 }));
        Assert.That(drawn.Select(c => c.Y), Is.EqualTo(new double[] { -1, -3 }).Within(1e-12));
    }

    [Test]
    public void Lambda_is_drawn_against_the_right_axis_and_losses_against_the_left()
    {
        Multiplot figure = new LossCurvesFigure(SyntheticFigures.LossHistory(epochs: 10, batches: 2)).Build();
        Plot symmetry = figure.GetPlot(1);
        // Plottables left on the default axes get them assigned at render time.
        figure.Render(1200, 500).Dispose();

        Scatter[] lines = [.. symmetry.GetPlottables<Scatter>()];
        Assert.That(lines.Single(l => l.LegendText == "λ").Axes.YAxis, Is.SameAs(symmetry.Axes.Right));
        Assert.That(lines.Where(l => l.LegendText != "λ").Select(l => l.Axes.YAxis), Has.All.SameAs(symmetry.Axes.Left));
        Assert.That(symmetry.Axes.Right.Range.Min, Is.EqualTo(0));
        Assert.That(symmetry.Axes.Right.Range.Max, Is.EqualTo(1.05 * 0.1).Within(1e-12));
    }

    [Test]
    public void Without_a_symmetry_layer_the_second_panel_says_so()
    {
        using TemporaryDirectory directory = new();
        LossCurvesFigure figure = new(SyntheticFigures.LossHistory(epochs: 10, batches: 4, symmetry: false));

        Plot symmetry = figure.Build().GetPlot(1);
        figure.Save(directory.File("loss_curves.png"));

        Assert.That(symmetry.GetPlottables<Annotation>().Single().Text, Is.EqualTo("no symmetry layer"));
        Assert.That(symmetry.GetPlottables<Scatter>(), Is.Empty);
        ImageFileAssert.IsPng(directory.File("loss_curves.png"), 1200, 500);
    }

    [Test]
    public void Degenerate_histories_render()
    {
        using TemporaryDirectory directory = new();
        EpochPoint[] zeros = [new(0, 0), new(1, 0)];
        EpochPoint[] nans = [new(0, double.NaN), new(double.NaN, 1)];
        EpochPoint[] single = [new(0, 0.5)];
        LossHistory[] histories =
        [
            new(None, None, None, null),
            new(None, None, None, new SymmetryLossHistory(None, None, None, None)),
            new(None, single, single, new SymmetryLossHistory(None, zeros, nans, zeros)),
            new(zeros, nans, single, new SymmetryLossHistory(nans, single, zeros, single)),
        ];
        for (int i = 0; i < histories.Length; i++)
        {
            string path = directory.File($"degenerate{i}.png");
            Assert.That(() => new LossCurvesFigure(histories[i]).Save(path), Throws.Nothing, $"history {i}");
            ImageFileAssert.IsPng(path, 1200, 500);
        }
    }

    [Test]
    public void The_epoch_axis_starts_at_zero_the_start_of_training()
    {
        Multiplot figure = new LossCurvesFigure(SyntheticFigures.LossHistory(epochs: 3, batches: 4)).Build();
        foreach (Plot panel in figure.GetPlots())
        {
            Assert.That(panel.Axes.Bottom.Range.Min, Is.EqualTo(0));
            Assert.That(panel.Axes.Bottom.Range.Max, Is.EqualTo(3));
            Assert.That(panel.Axes.Bottom.Label.Text, Is.EqualTo("epochs trained"));
        }
    }

    [Test]
    public void A_run_of_one_epoch_draws_its_per_epoch_values_as_markers()
    {
        Plot task = new LossCurvesFigure(new LossHistory(None, EpochPoint.PerEpoch([0.1]), EpochPoint.PerEpoch([0.2]), null)).Build().GetPlot(0);
        Assert.That(task.GetPlottables<Scatter>().Select(s => s.MarkerSize), Has.All.GreaterThan(0));
        Assert.That(task.Axes.Bottom.Range.Min, Is.EqualTo(0));
        Assert.That(task.Axes.Bottom.Range.Max, Is.EqualTo(1));
    }

    [Test]
    public void A_diverged_run_says_in_which_epoch_its_losses_turned_non_finite()
    {
        // Epochs 0 and 1 finite, epoch 2 (0-based, at x = 3) infinite, then NaN.
        EpochPoint[] train = EpochPoint.PerEpoch([0.1, 0.05, double.PositiveInfinity, double.NaN]);
        Plot task = new LossCurvesFigure(new LossHistory(None, train, None, null)).Build().GetPlot(0);

        Assert.That(task.GetPlottables<Annotation>().Single().Text, Is.EqualTo("diverged: non-finite from epoch 2"));
        Assert.That(task.GetPlottables<VerticalLine>().Single().X, Is.EqualTo(2));
        Assert.That(task.Axes.Bottom.Range.Max, Is.EqualTo(4), "the axis keeps the epochs that diverged");
    }

    [Test]
    public void A_panel_without_any_finite_loss_shows_a_note_instead_of_empty_axes()
    {
        EpochPoint[] nan = [new(1.0 / 3, double.NaN), new(2.0 / 3, double.PositiveInfinity)];
        Multiplot figure = new LossCurvesFigure(new LossHistory(nan, EpochPoint.PerEpoch([double.NaN]), EpochPoint.PerEpoch([double.NaN]),
            new SymmetryLossHistory(nan, EpochPoint.PerEpoch([double.NaN]), [], EpochPoint.PerEpoch([0.0])))).Build();

        foreach (Plot panel in figure.GetPlots())
        {
            Assert.That(panel.GetPlottables<Annotation>().Single().Text, Is.EqualTo("no finite values: diverged in epoch 0"));
            Assert.That(panel.GetPlottables<Scatter>().Where(s => s.LegendText != "λ"), Is.Empty);
        }
    }

    [Test]
    public void FirstNonFiniteEpoch_counts_from_zero_for_batch_and_epoch_records()
    {
        EpochPoint[] batches = [new(0.25, 1), new(0.5, double.NaN)], finite = [new(1.0, 1)], infinite = [new(2.0, double.NegativeInfinity)];
        Assert.That(LossCurvesFigure.FirstNonFiniteEpoch(batches), Is.EqualTo(0));
        Assert.That(LossCurvesFigure.FirstNonFiniteEpoch(finite, infinite), Is.EqualTo(1));
        Assert.That(LossCurvesFigure.FirstNonFiniteEpoch(finite), Is.Null);
    }
}
