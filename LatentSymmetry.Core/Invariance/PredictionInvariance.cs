using System.Numerics;

namespace LatentSymmetry.Core.Invariance;

/// <summary>How much a network's prediction changes when its input is turned, relative to how much it varies.</summary>
public static class PredictionInvariance
{
    /// <summary>
    /// ε = RMS(f(Rx) − f(x)) / std f(x) over the given points (the caller keeps only points whose turned
    /// copies stay in the data's domain): 0 for an exactly invariant model, about √2 for a prediction
    /// unrelated to its turned self. std is the sample deviation (divisor n − 1, PyTorch's default);
    /// accumulation is in float64 whatever <typeparamref name="T"/> is, so float32 and float64 runs of the
    /// same weights compare their own rounding only. A constant prediction gives 0 when it is unchanged and
    /// +∞ otherwise.
    /// </summary>
    public static double Error<T>(ReadOnlySpan<T> predictions, ReadOnlySpan<T> turnedPredictions) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (predictions.Length != turnedPredictions.Length)
            throw new ArgumentException($"{predictions.Length} predictions and {turnedPredictions.Length} turned predictions: one each per point expected");
        int n = predictions.Length;
        if (n < 2) throw new ArgumentException($"a standard deviation needs at least two points, got {n}", nameof(predictions));
        double mean = 0;
        foreach (var f in predictions) mean += double.CreateTruncating(f);
        mean /= n;
        double variance = 0, change = 0;
        for (int i = 0; i < n; i++)
        {
            double f = double.CreateTruncating(predictions[i]);
            double d = double.CreateTruncating(turnedPredictions[i]) - f;
            variance += (f - mean) * (f - mean);
            change += d * d;
        }
        if (change == 0) return 0;
        return Math.Sqrt(change / n) / Math.Sqrt(variance / (n - 1));
    }
}
