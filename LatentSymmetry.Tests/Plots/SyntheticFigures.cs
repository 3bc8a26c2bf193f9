using LatentSymmetry.Cli.Plots;
using LatentSymmetry.Core.Evaluation;
using LatentSymmetry.Core.Invariance;
using LatentSymmetry.Core.Models;

namespace LatentSymmetry.Tests.Plots;

/// <summary>Realistic synthetic inputs for the figures: losses decaying over decades with noise, lambda on its cosine schedule.</summary>
static class SyntheticFigures
{
    /// <summary>lambda(e) = lambdaMax (1 - cos(pi e / (E - 1))) / 2, the project's warm-up schedule.</summary>
    public static double Lambda(int epoch, int epochs, double lambdaMax) =>
        epochs <= 1 ? lambdaMax : lambdaMax * (1 - Math.Cos(Math.PI * epoch / (epochs - 1))) / 2;

    public static LossHistory LossHistory(int epochs = 200, int batches = 40, bool symmetry = true, int seed = 1)
    {
        Random random = new(seed);
        List<EpochPoint> batch = [], sBatch = [];
        List<EpochPoint> train = [], val = [], sTrain = [], sVal = [], lambda = [];
        for (int e = 0; e < epochs; e++)
        {
            // Task loss decays from 1e-1 to 1e-4, the symmetry loss from 3e-2 towards 1e-5 as lambda grows.
            double t = (double)e / Math.Max(epochs - 1, 1);
            double task = 0.1 * Math.Pow(1e-3, t);
            double sym = 3e-2 * Math.Pow(3e-4, t * t);
            double taskSum = 0, symSum = 0;
            for (int b = 0; b < batches; b++)
            {
                double taskValue = task * Math.Exp(0.5 * Gaussian(random));
                double symValue = sym * Math.Exp(0.6 * Gaussian(random));
                batch.Add(new EpochPoint(e + (b + 1.0) / batches, taskValue));
                sBatch.Add(new EpochPoint(e + (b + 1.0) / batches, symValue));
                taskSum += taskValue;
                symSum += symValue;
            }
            train.Add(new EpochPoint(e + 1, taskSum / batches));
            val.Add(new EpochPoint(e + 1, 1.3 * task * Math.Exp(0.1 * Gaussian(random))));
            sTrain.Add(new EpochPoint(e + 1, symSum / batches));
            sVal.Add(new EpochPoint(e + 1, 1.2 * sym * Math.Exp(0.1 * Gaussian(random))));
            lambda.Add(new EpochPoint(e + 1, Lambda(e, epochs, 0.1)));
        }
        SymmetryLossHistory? symmetryHistory = symmetry ? new SymmetryLossHistory(sBatch, sTrain, sVal, lambda) : null;
        return new LossHistory(batch, train, val, symmetryHistory);
    }

    /// <summary>f = exp(-R^2 / 2) cos(2 R^2) on the z = 0 plane, and a prediction with a small smooth error.</summary>
    public static FieldSlice FieldSlice(int n = 64, double extent = 3)
    {
        double[] truth = new double[n * n], prediction = new double[n * n];
        for (int row = 0; row < n; row++)
        {
            for (int col = 0; col < n; col++)
            {
                double x = FieldSliceCoordinate(col, n, extent), y = FieldSliceCoordinate(row, n, extent);
                double r2 = x * x + y * y;
                double f = Math.Exp(-0.5 * r2) * Math.Cos(2 * r2);
                truth[row * n + col] = f;
                // An error that is not rotation invariant, so the difference panel shows orientation.
                prediction[row * n + col] = f + 0.03 * Math.Sin(x) * Math.Exp(-0.2 * r2) + 0.01 * y;
            }
        }
        return new FieldSlice(n, extent, prediction, truth);
    }

    public static double FieldSliceCoordinate(int index, int n, double extent) =>
        n == 1 ? 0 : -extent + 2 * extent * index / (n - 1);

    public static SweepComparison SweepComparison(double[]? lambdas = null, int layers = 7)
    {
        lambdas ??= [0, 1e-3, 1e-2, 1e-1, 1];
        List<LayerSweep> series = [];
        for (int layer = 0; layer < layers; layer++)
        {
            string label = layer == layers - 1 ? "output" : $"layer {layer + 1}";
            List<SweepPoint> task = [], sym = [];
            foreach (double lambda in lambdas)
            {
                // Deeper layers tolerate the penalty better; the symmetry loss falls roughly as 1/lambda.
                double taskMean = 2e-4 * (1 + lambda * 30 / (layer + 1));
                double symMean = 5e-3 / (1 + 300 * lambda * (layer + 1));
                task.Add(new SweepPoint(lambda, taskMean, 0.3 * taskMean));
                sym.Add(new SweepPoint(lambda, symMean, 0.25 * symMean));
            }
            series.Add(new LayerSweep(label, task, sym));
        }
        return new SweepComparison("6x128, lr=3e-4", series, new MeanCi(2.2e-4, 0.4e-4), null);
    }

    /// <summary>
    /// The original project's five measures, the figures' usual panels.
    /// </summary>
    public static LayerMeasureSet OriginalMeasures { get; } = LayerMeasureSet.Of(LayerMeasures.SL, LayerMeasures.Qh, LayerMeasures.Q, LayerMeasures.Rsl, LayerMeasures.MI);

    /// <summary>
    /// An evaluation of a network of <paramref name="hidden"/> hidden layers penalised at layer 1: SL falling over decades
    /// with intervals, the other measures near 1, the angle curve rising from 1e-4 to 1e-1 past a 60° region.
    /// </summary>
    public static RunEvaluation RunEvaluation(int hidden = 2, bool reference = true)
    {
        LayerEvaluation Layer(int k, double scale)
        {
            double sl = scale * Math.Pow(10, -k);
            MeasureEstimate Near(double v) => new(v, 0.8 * v, 1.2 * v);
            return new LayerEvaluation(k == hidden ? -1 : k + 1, 16, new Dictionary<LayerMeasure, MeasureEstimate>
            {
                [LayerMeasures.SL] = new(sl, 0.5 * sl, 2 * sl), [LayerMeasures.Qh] = Near(0.5), [LayerMeasures.Q] = Near(0.6),
                [LayerMeasures.Rsl] = Near(0.1), [LayerMeasures.MI] = new(0.2, 0.1, 0.3),
            }, new Dictionary<string, double> { ["pca_components"] = 4 });
        }
        var layers = Enumerable.Range(0, hidden + 1).Select(k => Layer(k, 1)).ToList();
        var untrained = reference ? Enumerable.Range(0, hidden + 1).Select(k => Layer(k, 3)).ToList() : null;
        var bins = Enumerable.Range(0, 18).Select(b => new AngleBin(10 * b, 10 * b + 10, b == 0 ? 0 : 3 + b % 5, 1e-4 * Math.Pow(1000, b / 17.0))).ToList();
        return new RunEvaluation(1e-3, 1e-3, 2e-3, 1e-2, 1e-2, 100, layers, untrained, bins, "+z", 60, SymmetryLayers.Of(SymmetryLayer.Hidden(1)), 0.5);
    }

    static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
