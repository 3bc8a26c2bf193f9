using LatentSymmetry.Core.Evaluation;
using ScottPlot;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// angle.png of <c>latsym evaluate</c>: the MSE of turned test points against their angle to the training
/// region's axis (10° bins, log axis), the angles the run trained on shaded.
/// </summary>
internal sealed class AngleFigure(RunEvaluation evaluation)
{
    /// <summary>The file name in the run directory.</summary>
    public const string DefaultFileName = "angle.png";

    /// <summary>Writes the figure to <paramref name="path"/> (format from the extension), atomically.</summary>
    public void Save(string path)
    {
        Plot plot = FigureStyle.NewPanel("error of turned test points against angle", $"angle to {evaluation.AxisName} (degrees)", "MSE");
        var bins = evaluation.AngleCurve.Where(b => b.Count > 0 && b.MeanSquaredError > 0).ToList();
        var shade = plot.Add.HorizontalSpan(0, evaluation.TrainedUpToDegrees, FigureStyle.Train.WithAlpha(0.12));
        shade.LegendText = evaluation.TrainedUpToDegrees >= 180 ? "trained on all angles" : $"training region (0 to {evaluation.TrainedUpToDegrees:0.#}°)";
        if (bins.Count > 0)
        {
            double[] xs = bins.Select(b => (b.LowerDegrees + b.UpperDegrees) / 2).ToArray();
            double[] ys = bins.Select(b => Math.Log10(b.MeanSquaredError)).ToArray();
            var line = plot.Add.Scatter(xs, ys, FigureStyle.Validation);
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = "MSE per 10° bin";
            (double lo, double hi) = LogAxis.Limits(ys);
            plot.Axes.Left.TickGenerator = LogAxis.TickGenerator(lo, hi);
            plot.Axes.SetLimitsY(lo, hi, plot.Axes.Left);
        }
        else
        {
            FigureStyle.Note(plot, "no error to show");
        }
        plot.Axes.SetLimitsX(0, 180, plot.Axes.Bottom);
        FigureStyle.LegendBelow(plot);
        FigureFile.Save(FigureStyle.Columns(plot), path, FigureFile.FormatOf(path), 800, 480);
    }
}
