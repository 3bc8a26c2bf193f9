using LatentSymmetry.Cli.Plots;

namespace LatentSymmetry.Tests.Plots;

/// <summary>
/// Writes every figure from synthetic data to $LATSYM_PLOT_SAMPLES for looking at. Without that variable the test
/// is skipped with Assert.Ignore, which dotnet test counts in its "Skipped" total (an [Explicit] test was listed
/// as skipped but not counted, so the two disagreed).
/// </summary>
public class PlotSamples
{
    static string Directory => Environment.GetEnvironmentVariable("LATSYM_PLOT_SAMPLES") ?? "";

    [Test]
    public void Write_samples()
    {
        if (Directory.Length == 0) Assert.Ignore("set LATSYM_PLOT_SAMPLES=DIR to write the sample figures there");
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
        new CompareFigure(SyntheticFigures.SweepComparison() with
        {
            References =
            [
                new BaselineReference("augmentation", FigureStyle.Augmentation, ScottPlot.LinePattern.DenselyDashed, new MeanCi(1.5e-4, 0.3e-4), null),
                new BaselineReference("invariant model", FigureStyle.InvariantModel, ScottPlot.LinePattern.Dotted, new MeanCi(6e-5, 2e-5), null),
            ],
        }).Save(Path.Combine(Directory, "compare_baselines.png"));

        // Edge cases: short runs with zeros and NaN on the log axes, a slice with missing values.
        EpochPoint[] sparse = [new(0, 0.2), new(1, 0), new(2, double.NaN), new(3, 0.01), new(4, 0.004)];
        new LossCurvesFigure(new LossHistory([], sparse, sparse[..2], new SymmetryLossHistory([], sparse, [], EpochPoint.PerEpoch([0, 0, 0, 0, 0]))))
            .Save(Path.Combine(Directory, "loss_curves_sparse.png"));
        FieldSlice slice = SyntheticFigures.FieldSlice(n: 16);
        double[] holes = [.. slice.Prediction];
        holes[0] = double.NaN;
        holes[17] = double.PositiveInfinity;
        new FieldSliceFigure(slice with { Prediction = holes }).Save(Path.Combine(Directory, "slice_holes.png"));
        new FieldSliceFigure(SyntheticFigures.FieldSlice(extent: 1) with { Disk = (1, 0.3), RegionEdges = [60, -60], RegionLabel = "training region (sector:120)" })
            .Save(Path.Combine(Directory, "slice_disk.png"));

        // Wide intervals that reach below zero on the log axes, cut and marked.
        SweepComparison wide = SyntheticFigures.SweepComparison(layers: 3);
        new CompareFigure(wide with
        {
            Seeds = 3,
            Layers = [.. wide.Layers.Select(l => l with { Task = [.. l.Task.Select(p => p with { Ci95 = 1.5 * p.Mean })] })],
        }).Save(Path.Combine(Directory, "compare_wide.png"));
        new ProfileFigure(SyntheticFigures.RunEvaluation(), SyntheticFigures.OriginalMeasures, "run1: so3, radial, 2 x 16, penalty on layer 1 (λ_max 1), seed 42")
            .Save(Path.Combine(Directory, "profile.png"));
        new AngleFigure(SyntheticFigures.RunEvaluation()).Save(Path.Combine(Directory, "angle.png"));
        SurveyFigure.Save(Path.Combine(Directory, "survey.png"), "Q", "so2",
            [new("radial", true, [[0.1, 1, 2], [0.5, 0.6, 0.7], [0.2, 0.25, 0.3]]), new("x", false, [[1, 1.1, 1.2], [0.9, 1.5, 2.5], [0.7, 0.8, 0.9]])], [1, 1, 1]);
    }
}
