using LatentSymmetry.Cli.Plots;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Cli.Output;

/// <summary>Draws a run's figures, loss_curves.png and slice.png, into its (staging) directory.</summary>
internal static class RunFigures
{
    const int SliceSize = 121;
    const double SliceExtent = 3.0;

    public static void Write(string directory, TrainingResult result)
    {
        new LossCurvesFigure(History(result)).Save(Path.Combine(directory, LossCurvesFigure.DefaultFileName));
        new FieldSliceFigure(Slice(result)).Save(Path.Combine(directory, FieldSliceFigure.DefaultFileName));
    }

    internal static LossHistory History(TrainingResult r)
    {
        int perEpoch = (r.Data.Train.Count + r.Options.BatchSize - 1) / r.Options.BatchSize;
        // Batch b of epoch e ends at e + (b + 1) / B on the epoch axis; per-epoch values sit at e + 1.
        List<EpochPoint> PerBatch(IReadOnlyList<double> values) =>
            values.Select((v, i) => new EpochPoint(i / perEpoch + (i % perEpoch + 1.0) / perEpoch, v)).ToList();
        var task = new LossHistory(
            PerBatch(r.BatchTaskLosses),
            EpochPoint.PerEpoch(r.History.Select(h => h.TrainTaskLoss).ToList()),
            EpochPoint.PerEpoch(r.History.Select(h => h.ValTaskLoss).ToList()),
            r.Options.SymmetryLayer.IsSet
                ? new SymmetryLossHistory(
                    PerBatch(r.BatchSymLosses),
                    EpochPoint.PerEpoch(r.History.Select(h => h.TrainSymLoss ?? double.NaN).ToList()),
                    EpochPoint.PerEpoch(r.History.Select(h => h.ValSymLoss ?? double.NaN).ToList()),
                    EpochPoint.PerEpoch(r.History.Select(h => h.Lambda).ToList()))
                : null);
        return task;
    }

    /// <summary>The z = 0 plane on [-3, 3]^2: row i is y_i, column j is x_j, both linspace(-3, 3, n).</summary>
    internal static FieldSlice Slice(TrainingResult r)
    {
        int n = SliceSize;
        var points = new float[3 * n * n];
        var truth = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double x = -SliceExtent + 2 * SliceExtent * j / (n - 1), y = -SliceExtent + 2 * SliceExtent * i / (n - 1);
                int p = i * n + j;
                points[3 * p] = (float)x;
                points[3 * p + 1] = (float)y;
                truth[p] = ScalarField.Evaluate(points[3 * p], points[3 * p + 1], 0.0);
            }
        var prediction = new Evaluator<float>().Predict(r.Model, points).Select(v => (double)v).ToList();
        return new FieldSlice(n, SliceExtent, prediction, truth);
    }
}
