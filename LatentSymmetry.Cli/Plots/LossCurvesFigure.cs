using ScottPlot;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// Training curves of one run: (a) task loss and (b) symmetry loss, each per batch, per epoch and on validation on
/// a log axis, with the penalty weight lambda on a linear right-hand axis of (b). The epoch axis starts at 0, the start
/// of training (epoch e, 0-based as in history.csv, spans e to e + 1). A run that diverged says so where its curves stop:
/// a panel with no finite loss shows a note instead of empty axes.
/// </summary>
public sealed class LossCurvesFigure
{
    /// <summary>The file name the run directory uses for this figure.</summary>
    public const string DefaultFileName = "loss_curves.png";

    readonly LossHistory history;

    /// <summary>A figure of <paramref name="history"/>; nothing is rendered until <see cref="Save(string)"/>.</summary>
    public LossCurvesFigure(LossHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        this.history = history;
    }

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
        Plot task = FigureStyle.NewPanel("(a) task loss", AxisLabel, "loss");
        AddLossCurves(task, history.TaskPerBatch, history.TaskTrain, history.TaskValidation);

        Plot symmetry = FigureStyle.NewPanel("(b) symmetry loss", AxisLabel, "loss");
        if (history.Symmetry is { } sym)
        {
            AddLossCurves(symmetry, sym.PerBatch, sym.Train, sym.Validation);
            AddLambda(symmetry, sym.Lambda);
        }
        else
        {
            FigureStyle.Note(symmetry, "no symmetry layer");
        }
        // Below the panels the legends never cover curves, wherever the losses and lambda happen to run.
        FigureStyle.LegendBelow(task);
        FigureStyle.LegendBelow(symmetry);
        return FigureStyle.Columns(task, symmetry);
    }

    /// <summary>The epoch axis counts training done: 0 is the start, the record of epoch e (0-based) sits at its end, e + 1.</summary>
    internal const string AxisLabel = "epochs trained";

    static void AddLossCurves(Plot plot, IReadOnlyList<EpochPoint> perBatch, IReadOnlyList<EpochPoint> train, IReadOnlyList<EpochPoint> validation)
    {
        List<double> logs = [];
        List<double> epochs = [];
        AddLogLine(plot, perBatch, FigureStyle.Train.MixedWith(Colors.White, 0.6), 0.7f, LinePattern.Solid, "per batch", logs, epochs, markers: false);
        AddLogLine(plot, train, FigureStyle.Train, 2.2f, LinePattern.Solid, "train (epoch mean)", logs, epochs, markers: true);
        AddLogLine(plot, validation, FigureStyle.Validation, 2.2f, LinePattern.Dashed, "validation", logs, epochs, markers: true);

        int? diverged = FirstNonFiniteEpoch(perBatch, train, validation);
        if (logs.Count == 0)
        {
            // Nothing a log axis can show; say why rather than draw empty axes.
            bool anyRecord = perBatch.Count + train.Count + validation.Count > 0;
            FigureStyle.Note(plot, diverged is int e ? $"no finite values: diverged in epoch {e}" : anyRecord ? "no positive values to draw" : "no values recorded");
            return;
        }
        (double lo, double hi) = LogAxis.Limits(logs);
        plot.Axes.Left.TickGenerator = LogAxis.TickGenerator(lo, hi);
        plot.Axes.SetLimitsY(lo, hi, plot.Axes.Left);
        double last = Math.Max(epochs.Max(), AllEpochs(perBatch, train, validation).DefaultIfEmpty(0).Max());
        if (diverged is int epoch)
        {
            // The curves stop where the losses turned non-finite; mark the epoch so a short line is not read as a short run.
            var mark = plot.Add.VerticalLine(epoch, 1.5f, Colors.Red.WithAlpha(0.7), LinePattern.Dotted);
            mark.EnableAutoscale = false;
            var note = plot.Add.Annotation($"diverged: non-finite from epoch {epoch}", Alignment.UpperRight);
            note.LabelFontSize = 13;
            note.LabelFontColor = Colors.DarkRed;
            note.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            note.LabelBorderColor = Colors.Transparent;
            note.LabelShadowColor = Colors.Transparent;
            last = Math.Max(last, epoch + 1);
        }
        plot.Axes.SetLimitsX(0, last > 0 ? last : 1, plot.Axes.Bottom);
    }

    /// <summary>The 0-based epoch of the first non-finite record of any of <paramref name="series"/> (a record at x belongs to epoch ceil(x) - 1), or null.</summary>
    internal static int? FirstNonFiniteEpoch(params IReadOnlyList<EpochPoint>[] series)
    {
        double first = double.PositiveInfinity;
        foreach (IReadOnlyList<EpochPoint> points in series)
        {
            foreach (EpochPoint point in points)
            {
                if (double.IsFinite(point.Epoch) && !double.IsFinite(point.Value))
                    first = Math.Min(first, point.Epoch);
            }
        }
        return double.IsFinite(first) ? Math.Max(0, (int)Math.Ceiling(first) - 1) : null;
    }

    static IEnumerable<double> AllEpochs(params IReadOnlyList<EpochPoint>[] series) =>
        series.SelectMany(s => s).Select(p => p.Epoch).Where(double.IsFinite);

    /// <summary>Adds the positive, finite points of <paramref name="series"/> as a line in log10 units; the rest are skipped.</summary>
    static void AddLogLine(Plot plot, IReadOnlyList<EpochPoint> series, Color color, float width, LinePattern pattern, string label,
        List<double> logs, List<double> epochs, bool markers)
    {
        List<double> xs = new(series.Count), ys = new(series.Count);
        foreach (EpochPoint point in series)
        {
            if (double.IsFinite(point.Epoch) && LogAxis.TryLog10(point.Value, out double log))
            {
                xs.Add(point.Epoch);
                ys.Add(log);
            }
        }
        if (xs.Count == 0)
            return;
        var line = plot.Add.ScatterLine(xs, ys, color);
        line.LineWidth = width;
        line.LinePattern = pattern;
        line.LegendText = label;
        // Per-epoch records get a marker while they are few, so a run of one epoch (a line of one point) still shows.
        if ((markers && xs.Count <= 30) || xs.Count == 1)
            line.MarkerSize = 5;
        logs.AddRange(ys);
        epochs.AddRange(xs);
    }

    static void AddLambda(Plot plot, IReadOnlyList<EpochPoint> lambda)
    {
        List<double> xs = new(lambda.Count), ys = new(lambda.Count);
        foreach (EpochPoint point in lambda)
        {
            if (double.IsFinite(point.Epoch) && double.IsFinite(point.Value))
            {
                xs.Add(point.Epoch);
                ys.Add(point.Value);
            }
        }
        IYAxis axis = plot.Axes.Right;
        axis.Label.Text = "λ (symmetry weight)";
        axis.Label.FontSize = 13;
        axis.Label.ForeColor = FigureStyle.Lambda;
        axis.TickLabelStyle.ForeColor = FigureStyle.Lambda;
        double max = ys.Count == 0 ? 0 : ys.Max();
        plot.Axes.SetLimitsY(Math.Min(0, ys.Count == 0 ? 0 : ys.Min()), max > 0 ? 1.05 * max : 1, axis);
        if (xs.Count == 0)
            return;
        var line = plot.Add.ScatterLine(xs, ys, FigureStyle.Lambda);
        line.Axes.YAxis = axis;
        line.LineWidth = 1.5f;
        line.LinePattern = LinePattern.DenselyDashed;
        line.LegendText = "λ";
    }
}
