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

        ImageFileAssert.IsPng(directory.File(FieldSliceFigure.DefaultFileName), 1500, 565);
        ImageFileAssert.IsSvg(directory.File("slice.svg"), 1500, 565);
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
            ImageFileAssert.IsPng(path, 1500, 565);
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

    [Test]
    public void Each_panel_has_a_square_data_area_and_equal_units_on_both_axes()
    {
        Multiplot figure = new FieldSliceFigure(SyntheticFigures.FieldSlice(n: 24)).Build();
        figure.Render(1500, 565).Dispose();

        foreach (Plot plot in figure.GetPlots())
        {
            PixelRect data = plot.LastRender.DataRect;
            Assert.That(data.Width, Is.EqualTo(data.Height).Within(1), "data area in pixels");
            AxisLimits limits = plot.Axes.GetLimits();
            double xPerPixel = limits.HorizontalSpan / data.Width, yPerPixel = limits.VerticalSpan / data.Height;
            Assert.That(xPerPixel, Is.EqualTo(yPerPixel).Within(1e-9), "a unit of x and of y take the same pixels");
        }
    }

    [Test]
    public void Units_stay_square_when_the_figure_is_not_sized_for_square_panels()
    {
        Multiplot figure = new FieldSliceFigure(SyntheticFigures.FieldSlice(n: 24)).Build();
        figure.Render(1500, 480).Dispose();

        foreach (Plot plot in figure.GetPlots())
        {
            PixelRect data = plot.LastRender.DataRect;
            AxisLimits limits = plot.Axes.GetLimits();
            Assert.That(limits.HorizontalSpan / data.Width, Is.EqualTo(limits.VerticalSpan / data.Height).Within(1e-9));
        }
    }

    [Test]
    public void Colour_bars_sit_under_the_panels_with_a_readable_horizontal_label()
    {
        Multiplot figure = new FieldSliceFigure(SyntheticFigures.FieldSlice(n: 8) with { ValueLabel = "f (radial)" }).Build();

        ScottPlot.Panels.ColorBar[] bars = [.. figure.GetPlots().Select(p => p.Axes.GetPanels().OfType<ScottPlot.Panels.ColorBar>().Single())];
        Assert.That(bars.Select(b => b.Edge), Has.All.EqualTo(Edge.Bottom));
        Assert.That(bars.Select(b => b.Label), Is.EqualTo(new[] { "f (radial)", "f (radial)", "prediction − truth" }));
        Assert.That(bars.Select(b => b.LabelStyle.FontSize), Has.All.GreaterThanOrEqualTo(14));
        Assert.That(bars.Select(b => b.LabelStyle.Rotation), Has.All.EqualTo(0));
    }

    [Test]
    public void A_disk_is_blanked_outside_its_circle_and_its_edges_drawn_as_circles()
    {
        FieldSlice slice = SyntheticFigures.FieldSlice(n: 9, extent: 2) with { Disk = (2, 0.5) };
        foreach (Plot plot in new FieldSliceFigure(slice).Build().GetPlots())
        {
            Ellipse[] shapes = [.. plot.GetPlottables<Ellipse>()];
            Ellipse mask = shapes.Single(e => e.InnerRadiusX > 0);
            Assert.That((mask.InnerRadiusX, mask.InnerRadiusY), Is.EqualTo((2.0, 2.0)), "the mask starts at the disk's edge");
            // The mask reaches beyond the corners of the image (the extent plus half a cell, 2.25).
            Assert.That(mask.RadiusX, Is.GreaterThan(2.25 * Math.Sqrt(2)));
            Assert.That(mask.FillColor, Is.EqualTo(Colors.White));
            Assert.That(shapes.Where(e => e.InnerRadiusX == 0).Select(e => e.RadiusX).Order(), Is.EqualTo(new[] { 0.5, 2.0 }), "the hole and the edge");
        }
    }

    [Test]
    public void A_square_slice_has_no_disk_mask()
    {
        foreach (Plot plot in new FieldSliceFigure(SyntheticFigures.FieldSlice(n: 9)).Build().GetPlots())
            Assert.That(plot.GetPlottables<Ellipse>(), Is.Empty);
    }

    [Test]
    public void The_training_region_is_outlined_by_rays_from_the_origin_named_once()
    {
        FieldSlice slice = SyntheticFigures.FieldSlice(n: 9, extent: 1) with { Disk = (1, 0), RegionEdges = [45, -45], RegionLabel = "training region (sector:90)" };
        foreach (Plot plot in new FieldSliceFigure(slice).Build().GetPlots())
        {
            LinePlot[] rays = [.. plot.GetPlottables<LinePlot>().Where(l => l.LinePattern.Equals(LinePattern.Dashed))];
            Assert.That(rays, Has.Length.EqualTo(2));
            double c = Math.Sqrt(0.5);
            Assert.That(rays.Select(r => r.Start), Has.All.EqualTo(Coordinates.Origin));
            Assert.That(rays[0].End.X, Is.EqualTo(c).Within(1e-12));
            Assert.That(rays[0].End.Y, Is.EqualTo(c).Within(1e-12));
            Assert.That(rays[1].End.Y, Is.EqualTo(-c).Within(1e-12));
            Assert.That(plot.GetPlottables<LinePlot>().Select(l => l.LegendText).Where(t => t.Length > 0), Is.EqualTo(new[] { "training region (sector:90)" }));
        }
        Assert.That(new FieldSliceFigure(SyntheticFigures.FieldSlice(n: 9)).Build().GetPlot(0).GetPlottables<LinePlot>(), Is.Empty, "no region, no rays");
    }
}
