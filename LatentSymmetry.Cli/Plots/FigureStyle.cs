using ScottPlot;

namespace LatentSymmetry.Cli.Plots;

/// <summary>The look shared by every figure: font, text sizes and the colours that mean the same thing in each figure.</summary>
internal static class FigureStyle
{
    /// <summary>Training curves (matplotlib's C0 blue, the colour readers of the PyTorch figures expect).</summary>
    public static readonly Color Train = Color.FromHex("#1f77b4");

    /// <summary>Validation curves (matplotlib's C1 orange).</summary>
    public static readonly Color Validation = Color.FromHex("#ff7f0e");

    /// <summary>The penalty weight lambda, drawn against its own axis.</summary>
    public static readonly Color Lambda = Color.FromHex("#2ca02c");

    /// <summary>The unpenalised baseline in sweep comparisons.</summary>
    public static readonly Color Baseline = Color.FromHex("#404040");

    /// <summary>Training with augmentation, a reference beside the sweep (Wong's orange, kept out of <see cref="Series"/>).</summary>
    public static readonly Color Augmentation = Color.FromHex("#E69F00");

    /// <summary>The invariant model, a reference beside the sweep (Wong's vermillion, kept out of <see cref="Series"/>).</summary>
    public static readonly Color InvariantModel = Color.FromHex("#D55E00");

    /// <summary>The relaxed model, a reference beside the sweep (Tol's indigo, kept out of <see cref="Series"/>).</summary>
    public static readonly Color RelaxedModel = Color.FromHex("#332288");

    // Wong (2011, Nature Methods 8:441), the palette readers with red-green colour blindness can tell apart, without
    // its yellow (too pale on white) and the two colours the reference lines wear; two darker ones from Tol's muted
    // set follow for the sixth and seventh series (six hidden layers and the output). Markers differ as well, so the
    // series stay apart in grey print and beyond seven.
    static readonly Color[] SeriesColors = Color.FromHex(["#0072B2", "#009E73", "#CC79A7", "#56B4E9", "#000000", "#882255", "#999933"]);
    static readonly MarkerShape[] SeriesMarkers =
        [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
         MarkerShape.FilledTriangleDown, MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp];

    /// <summary>The colour and marker of series <paramref name="index"/> (0-based) of a figure's distinct lines (layers, fields).</summary>
    public static (Color Color, MarkerShape Marker) Series(int index) =>
        (SeriesColors[index % SeriesColors.Length], SeriesMarkers[index % SeriesMarkers.Length]);

    /// <summary>Marks an interval whose lower end a log axis cannot show (at or below zero): drawn to the axis bottom, ended by this marker.</summary>
    public const MarkerShape ClippedMarker = MarkerShape.FilledTriangleDown;

    /// <summary>The legend text of <see cref="ClippedMarker"/>.</summary>
    public const string ClippedLegend = "interval reaches 0 (cut at the axis)";

    // Sans fonts in order of preference. If none is installed, ScottPlot's own choice (the system default typeface) stays.
    static readonly string[] SansFonts = ["DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica"];

    // ScottPlot answers a request for a missing font with a fallback typeface, so compare the family it returns.
    static readonly Lazy<string?> SansFont = new(() => Array.Find(SansFonts, name => Fonts.GetTypeface(name, bold: false, italic: false)?.FamilyName == name));

    /// <summary>A new plot with the shared font and text sizes, titled <paramref name="title"/>.</summary>
    public static Plot NewPanel(string title, string xLabel, string yLabel)
    {
        Plot plot = new();
        if (SansFont.Value is string font)
            plot.Font.Set(font);
        plot.Title(title, size: 15);
        plot.Axes.Title.Label.Bold = false;
        plot.XLabel(xLabel, size: 13);
        plot.YLabel(yLabel, size: 13);
        plot.Axes.Bottom.Label.Bold = false;
        plot.Axes.Left.Label.Bold = false;
        plot.Axes.Right.Label.Bold = false;
        return plot;
    }

    /// <summary>A one-row legend under the data area, shown only when some plottable has a legend entry.</summary>
    public static void LegendBelow(Plot plot)
    {
        if (!plot.GetPlottables().SelectMany(p => p.LegendItems).Concat(plot.Legend.ManualItems).Any(item => !string.IsNullOrEmpty(item.LabelText)))
            return;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.OutlineColor = Colors.Transparent;
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.FontSize = 12;
        plot.Legend.TightHorizontalWrapping = true;
        plot.ShowLegend(Edge.Bottom);
    }

    /// <summary>Replaces the content of an empty panel by a centred grey note, without ticks or grid.</summary>
    public static void Note(Plot plot, string text)
    {
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.EmptyTickGenerator();
        plot.HideGrid();
        var note = plot.Add.Annotation(text, Alignment.MiddleCenter);
        note.LabelFontSize = 16;
        note.LabelBackgroundColor = Colors.Transparent;
        note.LabelBorderColor = Colors.Transparent;
        note.LabelShadowColor = Colors.Transparent;
        note.LabelFontColor = Colors.Gray;
    }

    /// <summary>Side-by-side panels in one figure.</summary>
    public static Multiplot Columns(params Plot[] panels)
    {
        Multiplot figure = new(panels[0]);
        for (int i = 1; i < panels.Length; i++)
            figure.AddPlot(panels[i]);
        figure.Layout = new ScottPlot.MultiplotLayouts.Columns();
        return figure;
    }
}
