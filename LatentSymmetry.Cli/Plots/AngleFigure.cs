using LatentSymmetry.Core.Evaluation;
using ScottPlot;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// angle.png of <c>latsym evaluate</c>: the MSE of turned test points against their angle to the training
/// region's axis (10° bins, log axis with every decade labelled), the angles the run trained on shaded, and the
/// number of test points in each bin as grey bars on a right-hand axis, so a bin's mean can be weighed by how many
/// points it rests on (a bin with none has no point).
/// </summary>
internal sealed class AngleFigure(RunEvaluation evaluation)
{
    /// <summary>The file name in the run directory.</summary>
    public const string DefaultFileName = "angle.png";

    /// <summary>Writes the figure to <paramref name="path"/> (format from the extension), atomically.</summary>
    public void Save(string path) => FigureFile.Save(FigureStyle.Columns(Build()), path, FigureFile.FormatOf(path), 800, 480);

    internal Plot Build()
    {
        Plot plot = FigureStyle.NewPanel("error of turned test points against angle", $"angle to {evaluation.AxisName} (degrees)", "MSE");
        var shade = plot.Add.HorizontalSpan(0, evaluation.TrainedUpToDegrees, FigureStyle.Train.WithAlpha(0.12));
        shade.LegendText = evaluation.TrainedUpToDegrees >= 180 ? "trained on all angles" : $"training region (0 to {evaluation.TrainedUpToDegrees:0.#}°)";
        AddCounts(plot);
        var bins = evaluation.AngleCurve.Where(b => b.Count > 0 && b.MeanSquaredError > 0).ToList();
        if (bins.Count > 0)
        {
            double[] xs = bins.Select(b => (b.LowerDegrees + b.UpperDegrees) / 2).ToArray();
            double[] ys = bins.Select(b => Math.Log10(b.MeanSquaredError)).ToArray();
            var line = plot.Add.Scatter(xs, ys, FigureStyle.Validation);
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = "MSE per 10° bin";
            (double lo, double hi) = LogAxis.Limits(ys);
            plot.Axes.Left.TickGenerator = LogAxis.TickGenerator(lo, hi, maxLabelledDecades: int.MaxValue);
            plot.Axes.SetLimitsY(lo, hi, plot.Axes.Left);
        }
        else
        {
            FigureStyle.Note(plot, "no error to show");
        }
        plot.Axes.SetLimitsX(0, 180, plot.Axes.Bottom);
        FigureStyle.LegendBelow(plot);
        return plot;
    }

    /// <summary>Test points per bin as light bars against the right axis, which runs from 0 to three times the largest count so the bars stay low.</summary>
    void AddCounts(Plot plot)
    {
        var bins = evaluation.AngleCurve;
        if (bins.Count == 0)
            return;
        var bars = plot.Add.Bars(bins.Select(b => (b.LowerDegrees + b.UpperDegrees) / 2).ToArray(), bins.Select(b => (double)b.Count).ToArray());
        foreach (var bar in bars.Bars)
        {
            bar.FillColor = Colors.Gray.WithAlpha(0.25);
            bar.LineWidth = 0;
            bar.Size = 8;
        }
        bars.LegendText = "test points per bin (right axis)";
        bars.Axes.YAxis = plot.Axes.Right;
        IYAxis axis = plot.Axes.Right;
        axis.Label.Text = "test points per bin";
        axis.Label.FontSize = 13;
        axis.Label.Bold = false;
        axis.Label.ForeColor = Colors.DimGray;
        axis.TickLabelStyle.ForeColor = Colors.DimGray;
        int most = bins.Max(b => b.Count);
        plot.Axes.SetLimitsY(0, Math.Max(1, 3 * most), axis);
    }
}
