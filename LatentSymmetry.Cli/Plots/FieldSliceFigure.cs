using ScottPlot;
using ScottPlot.Plottables;
using Range = ScottPlot.Range;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// The z = 0 slice of the field as three heatmaps: prediction and truth on one shared colour scale, and their
/// difference on a diverging scale symmetric about zero. Units are square (a circle is drawn round), the colour bars sit
/// under the panels with a horizontal label, a disk's edge is drawn smooth over the grid and the training region, when
/// it is not the whole domain, is outlined by dashed rays.
/// </summary>
public sealed class FieldSliceFigure
{
    /// <summary>The file name the run directory uses for this figure.</summary>
    public const string DefaultFileName = "slice.png";

    readonly FieldSlice slice;

    /// <summary>A figure of <paramref name="slice"/>; nothing is rendered until <see cref="Save(string)"/>.</summary>
    public FieldSliceFigure(FieldSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        ArgumentOutOfRangeException.ThrowIfLessThan(slice.Size, 1, nameof(slice.Size));
        if (!double.IsFinite(slice.Extent) || slice.Extent <= 0)
            throw new ArgumentOutOfRangeException(nameof(slice), slice.Extent, "Extent must be finite and positive.");
        int cells = slice.Size * slice.Size;
        if (slice.Prediction.Count != cells || slice.Truth.Count != cells)
            throw new ArgumentException(
                $"A {slice.Size} x {slice.Size} slice needs {cells} values in Prediction and Truth; got {slice.Prediction.Count} and {slice.Truth.Count}.",
                nameof(slice));
        this.slice = slice;
    }

    // Margins of each panel in pixels: the title above; the x axis, then the colour bar with its ticks and label, below.
    const int Left = 70, Right = 25, Top = 45, Bottom = 115;

    /// <summary>Image width in pixels.</summary>
    public int Width { get; init; } = 1500;

    /// <summary>Image height in pixels; by default the height at which each panel's data area is square.</summary>
    public int Height { get; init; } = 1500 / 3 - Left - Right + Top + Bottom;

    /// <summary>Writes the figure to <paramref name="path"/> in the format its extension names (.png or .svg).</summary>
    public void Save(string path) => Save(path, FigureFile.FormatOf(path));

    /// <summary>The figure as SVG text (for the report).</summary>
    public string ToSvg() => FigureFile.Svg(Build(), Width, Height);

    /// <summary>Writes the figure to <paramref name="path"/> in <paramref name="format"/>.</summary>
    public void Save(string path, FigureFormat format) => FigureFile.Save(Build(), path, format, Width, Height);

    internal Multiplot Build()
    {
        int n = slice.Size;
        double[,] prediction = new double[n, n], truth = new double[n, n], difference = new double[n, n];
        for (int row = 0; row < n; row++)
        {
            for (int col = 0; col < n; col++)
            {
                // ScottPlot draws row 0 of a heatmap at the top; our row 0 is the smallest y, so rows are reversed.
                // Infinite values (a diverged model) have no colour; like NaN they are drawn as missing cells.
                double p = FiniteOrNaN(slice.Prediction[row * n + col]), t = FiniteOrNaN(slice.Truth[row * n + col]);
                prediction[n - 1 - row, col] = p;
                truth[n - 1 - row, col] = t;
                difference[n - 1 - row, col] = p - t;
            }
        }

        Range shared = FiniteRange(prediction, truth);
        double largest = MaxAbs(difference);
        // An exact prediction has no scale of its own; show it as zero on a unit scale rather than divide by zero.
        Range symmetric = largest > 0 ? new Range(-largest, largest) : new Range(-1, 1);

        string where = slice.Plane is null ? "" : $", {slice.Plane}";
        return FigureStyle.Columns(
            Panel($"prediction{where}", prediction, shared, new ScottPlot.Colormaps.Viridis(), slice.ValueLabel),
            Panel($"truth{where}", truth, shared, new ScottPlot.Colormaps.Viridis(), slice.ValueLabel),
            Panel($"difference (prediction − truth){where}", difference, symmetric, new ScottPlot.Colormaps.Balance(), "prediction − truth"));
    }

    Plot Panel(string title, double[,] values, Range range, IColormap colormap, string valueLabel)
    {
        Plot plot = FigureStyle.NewPanel(title, "x", slice.VerticalLabel);
        plot.Layout.Fixed(new PixelPadding(Left, Right, Bottom, Top));
        if (!values.Cast<double>().Any(double.IsFinite))
        {
            // ScottPlot cannot take the colour range of an all-NaN heatmap, and there is nothing to colour anyway.
            FigureStyle.Note(plot, "no finite values");
            return plot;
        }
        // ScottPlot's Extent is the rectangle of cell centres (first to last sample) and the image reaches half a
        // cell beyond it; it needs two samples per side, so a single sample is drawn as four equal cells.
        double[,] cells = values.GetLength(0) == 1 ? new double[2, 2] { { values[0, 0], values[0, 0] }, { values[0, 0], values[0, 0] } } : values;
        double centres = values.GetLength(0) == 1 ? slice.Extent / 2 : slice.Extent;
        Heatmap heatmap = plot.Add.Heatmap(cells);
        heatmap.Extent = new CoordinateRect(-centres, centres, -centres, centres);
        heatmap.Colormap = colormap;
        heatmap.ManualRange = range;
        heatmap.NaNCellColor = slice.Disk is null ? Colors.LightGray : Colors.Transparent;
        CoordinateRect image = heatmap.GetAlignedExtent();
        if (slice.Disk is { } disk)
            AddDiskEdge(plot, disk.Outer, disk.Inner, image);
        AddRegion(plot, image);
        plot.Axes.SetLimits(image);
        // Square units: a circle of the field is drawn as a circle, whatever the panel's size.
        plot.Axes.SquareUnits();
        var bar = plot.Add.ColorBar(heatmap, Edge.Bottom);
        bar.Label = valueLabel;
        bar.LabelStyle.FontSize = 14;
        bar.LabelStyle.Bold = false;
        bar.Width = 16;
        plot.HideGrid();
        return plot;
    }

    /// <summary>
    /// Blanks the grid outside the disk (and inside an annulus's hole) with the background colour and draws the edges as
    /// circles, so the edge is as smooth as the image's resolution rather than stepped by the grid's cells.
    /// </summary>
    static void AddDiskEdge(Plot plot, double outer, double inner, CoordinateRect image)
    {
        double corner = Math.Sqrt(Math.Max(image.Right * image.Right, image.Left * image.Left) + Math.Max(image.Top * image.Top, image.Bottom * image.Bottom));
        Ellipse outside = plot.Add.AnnularSector(Coordinates.Origin, 1.05 * corner, outer, Angle.FromDegrees(0), Angle.FromDegrees(360));
        outside.FillColor = Colors.White;
        outside.LineWidth = 0;
        Ellipse edge = plot.Add.Circle(Coordinates.Origin, outer);
        edge.LineColor = Colors.DimGray;
        edge.LineWidth = 1;
        edge.FillColor = Colors.Transparent;
        if (inner > 0)
        {
            Ellipse hole = plot.Add.Circle(Coordinates.Origin, inner);
            hole.FillColor = Colors.White;
            hole.LineColor = Colors.DimGray;
            hole.LineWidth = 1;
        }
    }

    /// <summary>The training region's edges as dashed rays from the origin to the edge of the image, named in a small legend.</summary>
    void AddRegion(Plot plot, CoordinateRect image)
    {
        if (slice.RegionEdges.Count == 0)
            return;
        double length = slice.Disk?.Outer ?? Math.Sqrt(2) * Math.Max(image.Right, image.Top);
        bool first = true;
        foreach (double degrees in slice.RegionEdges)
        {
            double radians = degrees * Math.PI / 180;
            Coordinates end = new(length * Math.Cos(radians), length * Math.Sin(radians));
            // A light line under a dark dashed one stays visible on dark and light colours alike.
            var halo = plot.Add.Line(Coordinates.Origin, end);
            halo.LineColor = Colors.White.WithAlpha(0.8);
            halo.LineWidth = 3.5f;
            var ray = plot.Add.Line(Coordinates.Origin, end);
            ray.LineColor = Colors.Black;
            ray.LineWidth = 1.8f;
            ray.LinePattern = LinePattern.Dashed;
            ray.LegendText = first ? slice.RegionLabel : "";
            first = false;
        }
        plot.Legend.FontSize = 11;
        plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.85);
        plot.Legend.OutlineColor = Colors.Transparent;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.ShowLegend(Alignment.UpperLeft);
    }

    static double FiniteOrNaN(double value) => double.IsFinite(value) ? value : double.NaN;

    static Range FiniteRange(double[,] a, double[,] b)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double[,] values in (ReadOnlySpan<double[,]>)[a, b])
        {
            foreach (double value in values)
            {
                if (!double.IsFinite(value))
                    continue;
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }
        }
        if (min > max)
            return new Range(0, 1);
        // A constant field still needs a non-empty colour range.
        return min < max ? new Range(min, max) : new Range(min - 0.5, max + 0.5);
    }

    static double MaxAbs(double[,] values)
    {
        double largest = 0;
        foreach (double value in values)
        {
            if (double.IsFinite(value))
                largest = Math.Max(largest, Math.Abs(value));
        }
        return largest;
    }
}
