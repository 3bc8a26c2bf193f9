using LatentSymmetry.Core.Discovery;
using ScottPlot;

namespace LatentSymmetry.Cli.Plots;

/// <summary>
/// spectrum.png of <c>latsym discover</c>: the relative singular values of the gradient constraint, ascending, on a log
/// axis; per direction the noise floor (dashed) and the reference's breaking (open circles); and the dimension's cut as
/// a vertical line after the last direction whose breaking is within its floor.
/// </summary>
internal sealed class SpectrumFigure(DiscoveryResult result, string title)
{
    /// <summary>The file name in the output directory.</summary>
    public const string DefaultFileName = "spectrum.png";

    // Values at exact zero (possible for an exact symmetry on exact gradients) are drawn at this floor of the axis.
    const double Smallest = 1e-18;

    /// <summary>Writes the figure to <paramref name="path"/>, atomically.</summary>
    public void Save(string path) => FigureFile.Save(FigureStyle.Columns(Build()), path, FigureFile.FormatOf(path), 720, 480);

    internal Plot Build()
    {
        Plot plot = FigureStyle.NewPanel(title, $"k (singular values of the constraint in {result.Space.Name}, ascending)", "sigma_k relative to a random direction");
        double[] ks = [.. Enumerable.Range(1, result.RelativeSingularValues.Length).Select(k => (double)k)];
        double[] ys = [.. result.RelativeSingularValues.Select(v => Math.Log10(Math.Max(v, Smallest)))];
        var points = plot.Add.Scatter(ks, ys, FigureStyle.Train);
        points.LineWidth = 1;
        points.MarkerSize = 8;
        points.LegendText = "sigma_k / (sqrt(N) RMS grad f . Bx)";
        double[] floors = [.. result.RelativeFloor.Select(v => Math.Log10(Math.Max(v, Smallest)))];
        var floor = plot.Add.Scatter(ks, floors, FigureStyle.Validation);
        floor.LinePattern = LinePattern.Dashed;
        floor.LineWidth = 1.5f;
        floor.MarkerSize = 0;
        floor.LegendText = result.Floor.Error.Any(e => e > 0) ? "floor: the gradient error's rate along v_k" : "floor: rounding";
        double[] breaking = [.. result.RelativeBreaking.Select(v => Math.Log10(Math.Max(v, Smallest)))];
        if (result.Floor.Error.Any(e => e > 0))
        {
            var field = plot.Add.Scatter(ks, breaking, FigureStyle.Lambda);
            field.LineWidth = 0;
            field.MarkerSize = 7;
            field.MarkerShape = MarkerShape.OpenCircle;
            field.LegendText = "breaking: the reference's rate along v_k";
        }
        var cut = plot.Add.VerticalLine(result.Dimension + 0.5, 1.5f, FigureStyle.Baseline);
        cut.LegendText = $"dimension {result.Dimension}";
        (double lo, double hi) = LogAxis.Limits(ys.Concat(floors).Concat(breaking));
        plot.Axes.Left.TickGenerator = LogAxis.TickGenerator(lo, hi);
        plot.Axes.SetLimitsY(lo, hi, plot.Axes.Left);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        plot.Axes.SetLimitsX(0.5, ks.Length + 0.5, plot.Axes.Bottom);
        FigureStyle.LegendBelow(plot);
        return plot;
    }

}
