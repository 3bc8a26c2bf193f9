using LatentSymmetry.Core.Fields;
using ScottPlot;
using ScottPlot.Plottables;
using Range = ScottPlot.Range;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// Fields drawn on their domains, one heatmap each in a grid: disk fields on the disk r &lt;= radius (the
/// outside left blank), 3-D fields on the y = 0 slice [-box, box]^2 (the x-z plane, where a field like
/// <c>broken</c> shows what breaks its symmetry). Each panel has its own
/// colour scale and bar, and its title names the field and the groups it is invariant under.
/// </summary>
internal sealed class FieldGalleryFigure
{
    const int PanelWidth = 440, PanelHeight = 400;

    readonly IReadOnlyList<IScalarField> fields;
    readonly bool titleWithSpec;

    /// <summary>A figure of <paramref name="fields"/>; titles give the full spec when <paramref name="titleWithSpec"/> (one field, drawn wide).</summary>
    public FieldGalleryFigure(IReadOnlyList<IScalarField> fields, double radius, double box, bool titleWithSpec)
    {
        if (fields.Count == 0) throw new ArgumentException("no fields to draw", nameof(fields));
        if (!(double.IsFinite(radius) && radius > 0)) throw new ArgumentOutOfRangeException(nameof(radius), radius, "must be finite and > 0");
        if (!(double.IsFinite(box) && box > 0)) throw new ArgumentOutOfRangeException(nameof(box), box, "must be finite and > 0");
        this.fields = fields;
        this.titleWithSpec = titleWithSpec;
        Radius = radius;
        Box = box;
        Columns = Math.Min(5, fields.Count);
        Rows = (fields.Count + Columns - 1) / Columns;
    }

    /// <summary>The radius of the disk the 2-D fields are drawn on.</summary>
    public double Radius { get; }

    /// <summary>The half-width of the y = 0 square the 3-D fields are drawn on.</summary>
    public double Box { get; }

    /// <summary>Panels per row (at most 5).</summary>
    public int Columns { get; }

    /// <summary>Rows of panels.</summary>
    public int Rows { get; }

    /// <summary>Samples per side of every heatmap.</summary>
    public int Size { get; init; } = 161;

    /// <summary>Writes the figure to <paramref name="path"/> in <paramref name="format"/>.</summary>
    public void Save(string path, FigureFormat format)
    {
        // A single field titled with its spec gets a panel wide enough for the spec (about 8 pixels a character).
        int width = titleWithSpec && fields.Count == 1 ? Math.Clamp(8 * fields[0].Spec.Length + 120, PanelWidth, 4 * PanelWidth) : Columns * PanelWidth;
        FigureFile.Save(Build(), path, format, width, Rows * PanelHeight);
    }

    internal Multiplot Build()
    {
        var panels = fields.Select(Panel).ToArray();
        Multiplot figure = new(panels[0]);
        for (int i = 1; i < panels.Length; i++) figure.AddPlot(panels[i]);
        figure.Layout = new ScottPlot.MultiplotLayouts.Grid(Rows, Columns);
        return figure;
    }

    Plot Panel(IScalarField field)
    {
        bool disk = field.Dimension == 2;
        double extent = disk ? Radius : Box;
        string invariance = field.InvariantUnder.Count == 0 ? "not invariant" : "invariant: " + string.Join(", ", field.InvariantUnder);
        string title = $"{(titleWithSpec ? field.Spec : field.Name)}{(disk ? "" : " (y = 0)")}\n{invariance}";
        Plot plot = FigureStyle.NewPanel(title, "x", disk ? "y" : "z");
        plot.Axes.Title.Label.FontSize = 14;
        double[,] values = Sample(field, extent, Size);
        Heatmap heatmap = plot.Add.Heatmap(values);
        // Extent is the rectangle of the cell centres; the image reaches half a cell beyond it.
        heatmap.Extent = new CoordinateRect(-extent, extent, -extent, extent);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = FiniteRange(values);
        heatmap.NaNCellColor = Colors.Transparent;
        plot.Axes.SetLimits(heatmap.GetAlignedExtent());
        plot.Axes.SquareUnits();
        plot.Add.ColorBar(heatmap);
        plot.HideGrid();
        return plot;
    }

    /// <summary>
    /// The field on a size x size grid of [-extent, extent]^2 (the plane (x, y) on the disk, (x, 0, z) in 3-D),
    /// row 0 at the top (largest vertical coordinate) as ScottPlot draws it; a disk field is NaN outside r &lt;= extent.
    /// </summary>
    internal static double[,] Sample(IScalarField field, double extent, int size)
    {
        var values = new double[size, size];
        Span<double> point = stackalloc double[field.Dimension];
        for (int row = 0; row < size; row++)
        {
            double y = extent - 2 * extent * row / (size - 1);
            for (int col = 0; col < size; col++)
            {
                double x = -extent + 2 * extent * col / (size - 1);
                point.Clear();
                point[0] = x;
                point[field.Dimension == 2 ? 1 : 2] = y;
                bool outside = field.Dimension == 2 && x * x + y * y > extent * extent;
                double v = outside ? double.NaN : field.Evaluate(point);
                values[row, col] = double.IsFinite(v) ? v : double.NaN;
            }
        }
        return values;
    }

    static Range FiniteRange(double[,] values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (!double.IsFinite(v)) continue;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        if (min > max) return new Range(0, 1);
        // A constant field (radial-step on a disk inside its threshold, say) still needs a non-empty range.
        return min < max ? new Range(min, max) : new Range(min - 0.5, max + 0.5);
    }
}
