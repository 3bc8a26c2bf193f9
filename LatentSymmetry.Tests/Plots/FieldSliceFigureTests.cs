using LatentSymmetry.Cli.Plots;
using ScottPlot;
using ScottPlot.Plottables;

namespace LatentSymmetry.Tests.Plots;

public class FieldSliceFigureTests
{
    static Heatmap[] Heatmaps(FieldSlice slice) =>
        [.. new FieldSliceFigure(slice).Build().GetPlots().Select(p => p.GetPlottables<Heatmap>().Single())];

    [Test]
    public void Save_writes_a_png_and_an_svg_of_the_requested_size_and_no_temporary_file()
    {
        using TemporaryDirectory directory = new();
        FieldSliceFigure figure = new(SyntheticFigures.FieldSlice(n: 24));

        figure.Save(directory.File(FieldSliceFigure.DefaultFileName));
        figure.Save(directory.File("slice.svg"));

        ImageFileAssert.IsPng(directory.File(FieldSliceFigure.DefaultFileName), 1500, 480);
        ImageFileAssert.IsSvg(directory.File("slice.svg"), 1500, 480);
        ImageFileAssert.OnlyFiles(directory.Path, FieldSliceFigure.DefaultFileName, "slice.svg");
    }

    [Test]
    public void Each_sample_fills_the_cell_around_its_x_and_y()
    {
        // Value 10 * row + col tells rows (y) and columns (x) apart; the grid is linspace(-3, 3, 4) = -3, -1, 1, 3,
        // so each cell reaches 1 either side of its sample. Probe just inside each cell's four edges.
        const int n = 4;
        double[] values = [.. Enumerable.Range(0, n * n).Select(i => 10.0 * (i / n) + i % n)];
        Heatmap[] heatmaps = Heatmaps(new FieldSlice(n, 3, values, new double[n * n]));

        for (int row = 0; row < n; row++)
        {
            for (int col = 0; col < n; col++)
            {
                foreach ((double dx, double dy) in new[] { (-0.9, -0.9), (0.9, -0.9), (-0.9, 0.9), (0.9, 0.9) })
                {
                    Coordinates at = new(-3 + 2 * col + dx, -3 + 2 * row + dy);
                    Assert.That(heatmaps[0].GetValue(at), Is.EqualTo(10.0 * row + col), $"prediction at {at}");
                    Assert.That(heatmaps[2].GetValue(at), Is.EqualTo(10.0 * row + col), $"difference at {at}");
                }
            }
        }
    }

    [Test]
    public void A_single_sample_fills_the_whole_square()
    {
        Heatmap heatmap = Heatmaps(new FieldSlice(1, 3, [0.25], [0.5]))[0];
        CoordinateRect image = heatmap.GetAlignedExtent();
        Assert.That((image.Left, image.Right, image.Bottom, image.Top), Is.EqualTo((-3.0, 3.0, -3.0, 3.0)));
        Assert.That(heatmap.GetValue(new Coordinates(-2.9, 2.9)), Is.EqualTo(0.25));
    }

    [Test]
    public void Axes_span_the_extent_plus_half_a_cell()
    {
        Multiplot figure = new FieldSliceFigure(SyntheticFigures.FieldSlice(n: 7)).Build();
        foreach (Plot plot in figure.GetPlots())
        {
            AxisLimits limits = plot.Axes.GetLimits();
            Assert.That(limits.Left, Is.EqualTo(-3.5).Within(1e-12));
            Assert.That(limits.Right, Is.EqualTo(3.5).Within(1e-12));
            Assert.That(limits.Bottom, Is.EqualTo(-3.5).Within(1e-12));
            Assert.That(limits.Top, Is.EqualTo(3.5).Within(1e-12));
        }
    }

    [Test]
    public void Prediction_and_truth_share_a_colour_scale_and_the_difference_scale_is_symmetric()
    {
        double[] prediction = [0, 1, 2, 3], truth = [-1, 1, 2, 2.5];
        Heatmap[] heatmaps = Heatmaps(new FieldSlice(2, 3, prediction, truth));

        Assert.That(heatmaps[0].ManualRange, Is.EqualTo(new ScottPlot.Range(-1, 3)));
        Assert.That(heatmaps[1].ManualRange, Is.EqualTo(new ScottPlot.Range(-1, 3)));
        Assert.That(heatmaps[2].ManualRange, Is.EqualTo(new ScottPlot.Range(-1, 1)));
    }

    [Test]
    public void Degenerate_slices_render()
    {
        using TemporaryDirectory directory = new();
        FieldSlice[] slices =
        [
            new(1, 3, [0.5], [0.5]),
            new(2, 3, [1, 1, 1, 1], [1, 1, 1, 1]),
            new(2, 3, [double.NaN, 1, double.PositiveInfinity, 2], [0, double.NaN, 1, 2]),
            new(2, 3, [double.NaN, double.NaN, double.NaN, double.NaN], [double.NaN, double.NaN, double.NaN, double.NaN]),
        ];
        for (int i = 0; i < slices.Length; i++)
        {
            string path = directory.File($"degenerate{i}.png");
            Assert.That(() => new FieldSliceFigure(slices[i]).Save(path), Throws.Nothing, $"slice {i}");
            ImageFileAssert.IsPng(path, 1500, 480);
        }
    }

    [Test]
    public void Mismatched_sizes_are_rejected_naming_the_counts()
    {
        Assert.That(() => new FieldSliceFigure(new FieldSlice(3, 3, new double[9], new double[8])),
            Throws.ArgumentException.With.Message.Contains("9").And.Message.Contains("8"));
        Assert.That(() => new FieldSliceFigure(new FieldSlice(0, 3, [], [])), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new FieldSliceFigure(new FieldSlice(1, 0, [1], [1])), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
