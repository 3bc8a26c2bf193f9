using LatentSymmetry.Cli.Plots;

namespace LatentSymmetry.Tests.Plots;

/// <summary>Writes every figure from synthetic data to a directory for looking at; run on demand only.</summary>
[Explicit("Writes sample images for visual inspection to $LATSYM_PLOT_SAMPLES or /tmp/latsym-plot-samples.")]
public class PlotSamples
{
    static string Directory => Environment.GetEnvironmentVariable("LATSYM_PLOT_SAMPLES") ?? "/tmp/latsym-plot-samples";

    [Test]
    public void Write_samples()
    {
        System.IO.Directory.CreateDirectory(Directory);
        new LossCurvesFigure(SyntheticFigures.LossHistory()).Save(Path.Combine(Directory, "loss_curves.png"));
        new LossCurvesFigure(SyntheticFigures.LossHistory()).Save(Path.Combine(Directory, "loss_curves.svg"));
        new LossCurvesFigure(SyntheticFigures.LossHistory(symmetry: false)).Save(Path.Combine(Directory, "loss_curves_nosym.png"));
        new FieldSliceFigure(SyntheticFigures.FieldSlice()).Save(Path.Combine(Directory, "slice.png"));
        new FieldSliceFigure(SyntheticFigures.FieldSlice()).Save(Path.Combine(Directory, "slice.svg"));
        new CompareFigure(SyntheticFigures.SweepComparison()).Save(Path.Combine(Directory, "compare.png"));
        new CompareFigure(SyntheticFigures.SweepComparison()).Save(Path.Combine(Directory, "compare.svg"));
        new CompareFigure(SyntheticFigures.SweepComparison([0])).Save(Path.Combine(Directory, "compare_zero_only.png"));
        new CompareFigure(SyntheticFigures.SweepComparison([3e-3])).Save(Path.Combine(Directory, "compare_single.png"));
    }
}
