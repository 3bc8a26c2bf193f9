using ScottPlot;
using ScottPlot.Plottables;
using Range = ScottPlot.Range;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// The z = 0 slice of the field as three heatmaps: prediction and truth on one shared colour scale, and their
/// difference on a diverging scale symmetric about zero.
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

    /// <summary>Image width in pixels.</summary>
    public int Width { get; init; } = 1500;

    /// <summary>Image height in pixels.</summary>
    public int Height { get; init; } = 480;

    /// <summary>Writes the figure to <paramref name="path"/> in the format its extension names (.png or .svg).</summary>
    public void Save(string path) => Save(path, FigureFile.FormatOf(path));

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
        Plot plot = FigureStyle.NewPanel(title, "x", "y");
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
        heatmap.NaNCellColor = Colors.LightGray;
        plot.Axes.SetLimits(heatmap.GetAlignedExtent());
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = valueLabel;
        // Room on the right for the colour bar's ticks and label, so it does not run into the next panel's axis.
        plot.Layout.Fixed(new PixelPadding(60, 120, 50, 40));
        plot.HideGrid();
        return plot;
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
