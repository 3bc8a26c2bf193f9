using ScottPlot;
using ScottPlot.Plottables;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// Test task loss and test symmetry loss against lambda_max, log-log, one line per layer placement with 95 %
/// confidence bars and the baseline as a dashed line in its confidence band, as are the alternatives run beside the
/// sweep (augmentation, the invariant model), each in a colour and pattern of its own. lambda_max = 0 is kept: it is drawn
/// one decade below the smallest positive decade and its tick is labelled "0". Layers are dodged sideways by a
/// fortieth of a decade each so that overlapping confidence bars remain distinguishable.
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

    internal Multiplot Build()
    {
        LambdaAxis lambdaAxis = LambdaAxis.For(comparison.Layers.SelectMany(l => l.Task.Concat(l.Symmetry)).Select(p => p.LambdaMax));
        string title = string.IsNullOrWhiteSpace(comparison.Title) ? "" : comparison.Title + ": ";
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

        // Limits come first: a confidence bar reaching zero or below is drawn down to the bottom of the axis.
        List<double> logs = [];
        foreach (LayerSweep layer in comparison.Layers)
        {
            foreach (SweepPoint point in select(layer))
                AddBarEnds(logs, point.Mean, point.Ci95);
        }
        if (baseline is { } b)
            AddBarEnds(logs, b.Mean, b.Ci95);
        foreach ((_, MeanCi value) in drawnReferences)
            AddBarEnds(logs, value.Mean, value.Ci95);
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
            // Viridis from dark (first layer) to green-yellow (last); its pale yellow end is left out for contrast on white.
            Color color = new ScottPlot.Colormaps.Viridis().GetColor(count == 1 ? 0 : 0.9 * i / (count - 1));
            // Dodge the layers sideways by a fortieth of a decade so their confidence bars at one lambda stay apart.
            double dodge = (i - (count - 1) / 2.0) * DodgeDecades;
            AddLayer(plot, layer.Label, select(layer), color, lambdaAxis, dodge, lo);
        }
        FigureStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>A horizontal line at the mean in its 95% band, labelled in the legend; nothing where the mean cannot be drawn on a log axis.</summary>
    static void AddReference(Plot plot, MeanCi value, Color color, LinePattern pattern, string label, double axisBottom)
    {
        if (!LogAxis.TryLog10(value.Mean, out double log))
            return;
        (double bandLo, double bandHi) = Band(value.Mean, value.Ci95, axisBottom);
        VerticalSpan band = plot.Add.VerticalSpan(bandLo, bandHi, color.WithAlpha(0.15));
        band.LineWidth = 0;
        band.EnableAutoscale = false;
        HorizontalLine line = plot.Add.HorizontalLine(log, 1.5f, color, pattern);
        line.LegendText = label + " ± 95% CI";
        line.EnableAutoscale = false;
    }

    static void AddLayer(Plot plot, string label, IReadOnlyList<SweepPoint> points, Color color, LambdaAxis lambdaAxis, double dodge, double axisBottom)
    {
        List<(double X, double Y, double Down, double Up, bool Zero)> drawn = [];
        foreach (SweepPoint point in points)
        {
            if (!lambdaAxis.TryPosition(point.LambdaMax, out double x) || !LogAxis.TryLog10(point.Mean, out double y))
                continue;
            (double barLo, double barHi) = Band(point.Mean, point.Ci95, axisBottom);
            drawn.Add((x + dodge, y, y - barLo, barHi - y, point.LambdaMax == 0));
        }
        if (drawn.Count == 0)
            return;
        drawn.Sort((a, b) => a.X.CompareTo(b.X));

        ErrorBar bars = plot.Add.ErrorBar(drawn.Select(d => d.X).ToArray(), drawn.Select(d => d.Y).ToArray(), drawn.Select(d => d.Up).ToArray());
        bars.YErrorNegative = drawn.Select(d => d.Down).ToArray();
        bars.Color = color;
        bars.LineWidth = 1.2f;
        bars.CapSize = 5;

        // The line joins positive lambda only; across the axis break to the zero column it would suggest values in between.
        var positive = drawn.Where(d => !d.Zero).ToArray();
        var zero = drawn.Where(d => d.Zero).ToArray();
        if (positive.Length > 0)
        {
            Scatter line = plot.Add.Scatter(positive.Select(d => d.X).ToArray(), positive.Select(d => d.Y).ToArray(), color);
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = label;
        }
        if (zero.Length > 0)
        {
            Scatter marker = plot.Add.Scatter(zero.Select(d => d.X).ToArray(), zero.Select(d => d.Y).ToArray(), color);
            marker.LineWidth = 0;
            marker.MarkerSize = 7;
            if (positive.Length == 0)
                marker.LegendText = label;
        }
    }

    /// <summary>The confidence interval in log10 units; a lower end at or below zero is clamped to <paramref name="axisBottom"/>.</summary>
    static (double Lo, double Hi) Band(double mean, double ci, double axisBottom)
    {
        double half = double.IsFinite(ci) ? Math.Abs(ci) : 0;
        double log = Math.Log10(mean);
        double lo = LogAxis.TryLog10(mean - half, out double l) ? l : Math.Min(axisBottom, log);
        double hi = LogAxis.TryLog10(mean + half, out double h) ? h : log;
        return (lo, hi);
    }

    static void AddBarEnds(List<double> logs, double mean, double ci)
    {
        if (!LogAxis.TryLog10(mean, out double log))
            return;
        logs.Add(log);
        double half = double.IsFinite(ci) ? Math.Abs(ci) : 0;
        if (LogAxis.TryLog10(mean + half, out double hi))
            logs.Add(hi);
        if (LogAxis.TryLog10(mean - half, out double lo))
            logs.Add(lo);
    }
}
