using ScottPlot;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// Training curves of one run: (a) task loss and (b) symmetry loss, each per batch, per epoch and on validation on
/// a log axis, with the penalty weight lambda on a linear right-hand axis of (b).
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

    internal Multiplot Build()
    {
        Plot task = FigureStyle.NewPanel("(a) task loss", "epoch", "loss");
        AddLossCurves(task, history.TaskPerBatch, history.TaskTrain, history.TaskValidation);

        Plot symmetry = FigureStyle.NewPanel("(b) symmetry loss", "epoch", "loss");
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

    static void AddLossCurves(Plot plot, IReadOnlyList<EpochPoint> perBatch, IReadOnlyList<EpochPoint> train, IReadOnlyList<EpochPoint> validation)
    {
        List<double> logs = [];
        List<double> epochs = [];
        AddLogLine(plot, perBatch, FigureStyle.Train.MixedWith(Colors.White, 0.6), 0.7f, LinePattern.Solid, "per batch", logs, epochs);
        AddLogLine(plot, train, FigureStyle.Train, 2.2f, LinePattern.Solid, "train (epoch mean)", logs, epochs);
        AddLogLine(plot, validation, FigureStyle.Validation, 2.2f, LinePattern.Dashed, "validation", logs, epochs);

        (double lo, double hi) = LogAxis.Limits(logs);
        plot.Axes.Left.TickGenerator = LogAxis.TickGenerator(lo, hi);
        plot.Axes.SetLimitsY(lo, hi, plot.Axes.Left);
        (double first, double last) = EpochRange(epochs);
        plot.Axes.SetLimitsX(first, last, plot.Axes.Bottom);
    }

    /// <summary>Adds the positive, finite points of <paramref name="series"/> as a line in log10 units; the rest are skipped.</summary>
    static void AddLogLine(Plot plot, IReadOnlyList<EpochPoint> series, Color color, float width, LinePattern pattern, string label,
        List<double> logs, List<double> epochs)
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

    static (double First, double Last) EpochRange(List<double> epochs)
    {
        if (epochs.Count == 0)
            return (0, 1);
        double first = epochs.Min(), last = epochs.Max();
        return first < last ? (first, last) : (first - 0.5, last + 0.5);
    }
}
