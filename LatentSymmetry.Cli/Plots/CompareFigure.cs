using ScottPlot;
using ScottPlot.Plottables;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// Test task loss and test symmetry loss against lambda_max, log-log, one line per layer placement (a colour and marker
/// of its own) with 95 % confidence bars (cut and marked where they reach zero) and the baseline as a dashed line in its
/// confidence band, as are the alternatives run beside the sweep (augmentation, the invariant model), each in a colour
/// and pattern of its own. lambda_max = 0 is kept: it is drawn
/// one decade below the smallest positive decade and its tick is labelled "0". Layers are dodged sideways by a
/// fortieth of a decade each so that overlapping confidence bars remain distinguishable. A layer or reference at
/// exactly zero has no place on a log axis and is named so in the legend; with one seed nothing claims an interval.
/// </summary>
public sealed class CompareFigure
{
    /// <summary>Horizontal offset between neighbouring layers, in decades of lambda_max.</summary>
    const double DodgeDecades = 0.025;

    readonly SweepComparison comparison;

    /// <summary>A figure of <paramref name="comparison"/>; nothing is rendered until <see cref="Save(string)"/>.</summary>
    public CompareFigure(SweepComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(comparison.Layers);
        this.comparison = comparison;
    }

    /// <summary>What the second panel shows (its title and axis); the symmetry loss unless compare --metric replaces it.</summary>
    public string SecondPanelLabel { get; init; } = "test symmetry loss";

    /// <summary>Image width in pixels.</summary>
    public int Width { get; init; } = 1200;

    /// <summary>Image height in pixels.</summary>
    public int Height { get; init; } = 500;

    /// <summary>Writes the figure to <paramref name="path"/> in the format its extension names (.png or .svg).</summary>
    public void Save(string path) => Save(path, FigureFile.FormatOf(path));

    /// <summary>Writes the figure to <paramref name="path"/> in <paramref name="format"/>.</summary>
    public void Save(string path, FigureFormat format) => FigureFile.Save(Build(), path, format, Width, Height);

    /// <summary>The figure as an SVG document.</summary>
    public string ToSvg() => FigureFile.Svg(Build(), Width, Height);

    internal Multiplot Build()
    {
        LambdaAxis lambdaAxis = LambdaAxis.For(comparison.Layers.SelectMany(l => l.Task.Concat(l.Symmetry)).Select(p => p.LambdaMax));
        string seeds = comparison.Seeds is int n ? $" ({n} seed{(n == 1 ? "" : "s")}{(n > 1 ? ", mean ± 95% CI" : "")})" : "";
        string title = string.IsNullOrWhiteSpace(comparison.Title) ? "" : comparison.Title + seeds + ": ";
        Plot task = Panel(title + "test task loss", "test task loss", lambdaAxis, l => l.Task, comparison.BaselineTask,
            comparison.References.Select(r => (r, (MeanCi?)r.Task)));
        Plot symmetry = Panel(title + SecondPanelLabel, SecondPanelLabel, lambdaAxis, l => l.Symmetry, comparison.BaselineSymmetry,
            comparison.References.Select(r => (r, r.Second)));
        return FigureStyle.Columns(task, symmetry);
    }

    Plot Panel(string title, string yLabel, LambdaAxis lambdaAxis, Func<LayerSweep, IReadOnlyList<SweepPoint>> select, MeanCi? baseline,
        IEnumerable<(BaselineReference Reference, MeanCi? Value)> references)
    {
        (BaselineReference Reference, MeanCi Value)[] drawnReferences = [.. references.Where(r => r.Value is not null).Select(r => (r.Reference, r.Value!.Value))];
        Plot plot = FigureStyle.NewPanel(title, "λ_max", yLabel);
        lambdaAxis.Apply(plot);

        // Limits come first: an interval reaching zero or below is cut at the bottom of the axis.
        List<double> logs = [];
        foreach (LayerSweep layer in comparison.Layers)
        {
            foreach (SweepPoint point in select(layer))
                logs.AddRange(LogIntervalBars.Ends(point.Mean, point.Mean - Half(point.Ci95), point.Mean + Half(point.Ci95)));
        }
        if (baseline is { } b)
            logs.AddRange(LogIntervalBars.Ends(b.Mean, b.Mean - Half(b.Ci95), b.Mean + Half(b.Ci95)));
        foreach ((_, MeanCi value) in drawnReferences)
            logs.AddRange(LogIntervalBars.Ends(value.Mean, value.Mean - Half(value.Ci95), value.Mean + Half(value.Ci95)));
        (double lo, double hi) = LogAxis.Limits(logs);
        plot.Axes.Left.TickGenerator = LogAxis.TickGenerator(lo, hi);
        plot.Axes.SetLimitsY(lo, hi, plot.Axes.Left);

        if (baseline is { } base_)
        {
            // Beside the alternatives the baseline is named for what it is: the network without any of them.
            AddReference(plot, base_, FigureStyle.Baseline, LinePattern.Dashed, comparison.References.Count == 0 ? "baseline" : "baseline (plain MLP)", lo);
        }
        foreach ((BaselineReference reference, MeanCi value) in drawnReferences)
            AddReference(plot, value, reference.Color, reference.Pattern, reference.Label, lo);

        int count = comparison.Layers.Count;
        for (int i = 0; i < count; i++)
        {
            LayerSweep layer = comparison.Layers[i];
            // Dodge the layers sideways by a fortieth of a decade so their confidence bars at one lambda stay apart.
            double dodge = (i - (count - 1) / 2.0) * DodgeDecades;
            AddLayer(plot, layer.Label, select(layer), FigureStyle.Series(i), lambdaAxis, dodge, lo, hi);
        }
        FigureStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>Whether the means carry confidence intervals: never with one seed, else when some interval is finite.</summary>
    bool HasIntervals =>
        comparison.Seeds is int seeds ? seeds > 1
            : comparison.Layers.SelectMany(l => l.Task.Concat(l.Symmetry)).Any(p => double.IsFinite(p.Ci95))
              || double.IsFinite(comparison.BaselineTask.Ci95);

    /// <summary>A horizontal line at the mean in its 95% band, labelled in the legend; a mean a log axis cannot show is named there instead.</summary>
    void AddReference(Plot plot, MeanCi value, Color color, LinePattern pattern, string label, double axisBottom)
    {
        if (!LogAxis.TryLog10(value.Mean, out double log))
        {
            if (value.Mean == 0)
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = $"{label}: 0 (not on a log axis)", LinePattern = pattern, LineWidth = 1.5f, LineColor = color });
            return;
        }
        bool band = HasIntervals && double.IsFinite(value.Ci95);
        if (band)
        {
            double half = Half(value.Ci95);
            double bandLo = LogAxis.TryLog10(value.Mean - half, out double l) ? Math.Max(l, axisBottom) : axisBottom;
            double bandHi = LogAxis.TryLog10(value.Mean + half, out double h) ? h : log;
            VerticalSpan span = plot.Add.VerticalSpan(bandLo, bandHi, color.WithAlpha(0.15));
            span.LineWidth = 0;
            span.EnableAutoscale = false;
        }
        HorizontalLine line = plot.Add.HorizontalLine(log, 1.5f, color, pattern);
        line.LegendText = band ? label + " ± 95% CI" : label;
        line.EnableAutoscale = false;
    }

    void AddLayer(Plot plot, string label, IReadOnlyList<SweepPoint> points, (Color Color, MarkerShape Marker) style, LambdaAxis lambdaAxis, double dodge,
        double axisBottom, double axisTop)
    {
        List<LogIntervalBars.Bar> drawn = [];
        List<bool> zeroLambda = [];
        List<double> zeroMeans = [];
        foreach (SweepPoint point in points)
        {
            if (!lambdaAxis.TryPosition(point.LambdaMax, out double x))
                continue;
            if (point.Mean == 0)
            {
                // Exactly zero (a layer the penalty cannot see, a one-unit output): no place on a log axis, said in the legend.
                zeroMeans.Add(point.LambdaMax);
                continue;
            }
            double half = HasIntervals ? Half(point.Ci95) : 0;
            if (!LogIntervalBars.TryBar(x + dodge, point.Mean, point.Mean - half, point.Mean + half, axisBottom, out LogIntervalBars.Bar bar))
                continue;
            drawn.Add(bar);
            zeroLambda.Add(point.LambdaMax == 0);
        }
        string legend = zeroMeans.Count == 0 ? label
            : drawn.Count == 0 ? $"{label}: 0 at every λ (not on a log axis)"
            : $"{label} (0 at λ = {string.Join(", ", zeroMeans.Select(l => l.ToString("G3", System.Globalization.CultureInfo.InvariantCulture)))}: not drawn)";
        if (drawn.Count == 0)
        {
            if (zeroMeans.Count > 0)
                plot.Legend.ManualItems.Add(new LegendItem { LabelText = legend, MarkerShape = style.Marker, MarkerSize = 7, MarkerColor = style.Color, LineWidth = 0 });
            return;
        }
        var order = Enumerable.Range(0, drawn.Count).OrderBy(i => drawn[i].X).ToArray();
        drawn = [.. order.Select(i => drawn[i])];
        zeroLambda = [.. order.Select(i => zeroLambda[i])];
        if (HasIntervals)
            LogIntervalBars.Add(plot, drawn, style.Color, axisBottom, axisTop);

        // The line joins positive lambda only; across the axis break to the zero column it would suggest values in between.
        LogIntervalBars.Bar[] positive = [.. drawn.Where((_, i) => !zeroLambda[i])];
        LogIntervalBars.Bar[] zero = [.. drawn.Where((_, i) => zeroLambda[i])];
        if (positive.Length > 0)
        {
            Scatter line = plot.Add.Scatter(positive.Select(d => d.X).ToArray(), positive.Select(d => d.Y).ToArray(), style.Color);
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.MarkerShape = style.Marker;
            line.LegendText = legend;
        }
        if (zero.Length > 0)
        {
            Scatter marker = plot.Add.Scatter(zero.Select(d => d.X).ToArray(), zero.Select(d => d.Y).ToArray(), style.Color);
            marker.LineWidth = 0;
            marker.MarkerSize = 7;
            marker.MarkerShape = style.Marker;
            if (positive.Length == 0)
                marker.LegendText = legend;
        }
    }

    static double Half(double ci) => double.IsFinite(ci) ? Math.Abs(ci) : 0;
}
