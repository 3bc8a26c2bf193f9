using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Optim;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Invariance;

/// <summary>
/// MI: how much of the relative rotation between two turned copies of a point a layer still encodes,
/// MI = (log K − L)/log K with L the held-out cross-entropy of a classifier that predicts the class of
/// the relative rotation from the pair (h(g1 x), h(g2 x)) (the authors' <c>compute_MI</c>,
/// <c>src/metrics/mi_metric.py</c>). 0: the layer carries no rotation information (the classifier can do no
/// better than guessing among K equally likely classes); 1: all of it (it names the class with certainty).
/// </summary>
/// <remarks>
/// As the authors do: the pair is concatenated, each feature normalised to zero mean and unit standard
/// deviation over both halves together (so MI does not depend on the layer's scale or offset), the
/// classifier is a ReLU MLP trained with Adam-type steps on softmax cross-entropy, and MI is clamped to
/// [0, 1] (an overfitted classifier can score worse than guessing on new data). Differences, for speed
/// and rigour: a smaller classifier (<see cref="RotationClassifierOptions"/>), AdamW from Core/Optim, and a
/// held-out set of whole points (every pair of a held-out point is unseen) rather than of random pairs.
/// Deterministic: the seed fixes the split, the initial weights and the batch order, and the engine's
/// kernels add in a fixed order.
/// </remarks>
public static class RotationInformation
{
    /// <summary>
    /// Trains the classifier and measures MI. <paramref name="first"/> = h(g1 x) and <paramref name="second"/>
    /// = h(g2 x) are [m x d] with m = points × <paramref name="pairsPerPoint"/>, laid out point by point (pair p
    /// of point j in row j·P + p); <paramref name="classes"/> holds each pair's class in [0, K).
    /// </summary>
    public static RotationInformationEstimate Estimate<T>(Variable<T> first, Variable<T> second, int[] classes, int classCount, int pairsPerPoint,
        RotationClassifierOptions? options = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        options ??= RotationClassifierOptions.Default;
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pairsPerPoint);
        if (first.Rows != second.Rows || first.Cols != second.Cols)
            throw new ArgumentException($"h(g1 x) {first.Shape} and h(g2 x) {second.Shape} must have the same shape: one row per pair");
        int m = first.Rows;
        if (classes.Length != m) throw new ArgumentException($"{classes.Length} classes for {m} pairs", nameof(classes));
        if (m % pairsPerPoint != 0) throw new ArgumentException($"{m} pairs are not a whole number of points with {pairsPerPoint} pairs each", nameof(pairsPerPoint));
        foreach (int c in classes)
            if ((uint)c >= (uint)classCount) throw new ArgumentOutOfRangeException(nameof(classes), c, $"a class is outside [0, {classCount})");
        int points = m / pairsPerPoint;
        if (points < 2) throw new ArgumentException($"MI needs at least two points (one to train on, one held out), got {points}", nameof(first));

        var features = PairFeatures(first, second);
        int width = features.Cols;
        var stream = new RandomStream(options.Seed);
        var order = stream.Permutation(points);
        int heldOut = Math.Clamp((int)Math.Round(options.HeldOutFraction * points), 1, points - 1);
        var testRows = RowsOf(order.AsSpan(0, heldOut), pairsPerPoint);
        var trainRows = RowsOf(order.AsSpan(heldOut), pairsPerPoint);

        var (weights, biases) = Initialize(width, classCount, options, stream);
        Train(features, classes, trainRows, weights, biases, options, stream);
        var pairLoss = HeldOutLosses(features, classes, testRows, weights, biases);

        double logK = Math.Log(classCount);
        double loss = ActivationRows.Sum(pairLoss) / pairLoss.Length;
        double mi = Clamp01((logK - loss) / logK);
        double lower = double.NaN, upper = double.NaN;
        if (options.BootstrapReplicates > 0)
        {
            // Resample held-out points, each with all its pairs.
            var pointLoss = new double[heldOut];
            for (int j = 0; j < heldOut; j++)
                for (int p = 0; p < pairsPerPoint; p++) pointLoss[j] += pairLoss[j * pairsPerPoint + p];
            var bootstrap = new PercentileBootstrap(heldOut, options.Seed);
            var counts = new int[heldOut];
            var replicates = new double[options.BootstrapReplicates];
            for (int r = 0; r < replicates.Length; r++)
            {
                bootstrap.Next(counts);
                double s = 0;
                for (int j = 0; j < heldOut; j++) s += counts[j] * pointLoss[j];
                replicates[r] = Clamp01((logK - s / pairLoss.Length) / logK);
            }
            (lower, upper) = PercentileBootstrap.Interval(replicates, options.ConfidenceLevel);
        }
        return new RotationInformationEstimate(new MeasureEstimate(mi, lower, upper), loss, classCount, trainRows.Length, testRows.Length);
    }

    static double Clamp01(double x) => Math.Clamp(x, 0, 1);

    static int[] RowsOf(ReadOnlySpan<int> points, int pairsPerPoint)
    {
        var rows = new int[points.Length * pairsPerPoint];
        for (int j = 0; j < points.Length; j++)
            for (int p = 0; p < pairsPerPoint; p++) rows[j * pairsPerPoint + p] = points[j] * pairsPerPoint + p;
        return rows;
    }

    // [h(g1 x) | h(g2 x)], each feature of d standardised over the 2m activations of both halves together
    // (unbiased deviation + 1e-8, the authors' normalize_representations), in float32 for the classifier.
    static Variable<float> PairFeatures<T>(Variable<T> first, Variable<T> second) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int m = first.Rows, d = first.Cols;
        var a = ActivationRows.From(first);
        var b = ActivationRows.From(second);
        var mean = new double[d];
        var scale = new double[d];
        for (int c = 0; c < d; c++)
        {
            double s = 0;
            for (int i = 0; i < m; i++) s += a.Data[i * d + c] + b.Data[i * d + c];
            double mu = s / (2 * m), ss = 0;
            for (int i = 0; i < m; i++)
            {
                double u = a.Data[i * d + c] - mu, v = b.Data[i * d + c] - mu;
                ss += u * u + v * v;
            }
            mean[c] = mu;
            scale[c] = 1 / (Math.Sqrt(ss / Math.Max(2 * m - 1, 1)) + 1e-8);
        }
        var f = Variable<float>.Zeros(m, 2 * d);
        for (int i = 0; i < m; i++)
        {
            var row = f.Row(i);
            for (int c = 0; c < d; c++)
            {
                row[c] = (float)((a.Data[i * d + c] - mean[c]) * scale[c]);
                row[d + c] = (float)((b.Data[i * d + c] - mean[c]) * scale[c]);
            }
        }
        return f;
    }

    // PyTorch's nn.Linear initialisation, layer by layer: weight then bias uniform in ±1/√fan_in.
    static (Variable<float>[] Weights, Variable<float>[] Biases) Initialize(int inputs, int classCount, RotationClassifierOptions options, RandomStream stream)
    {
        int layers = options.HiddenLayers + 1;
        var w = new Variable<float>[layers];
        var b = new Variable<float>[layers];
        for (int l = 0; l < layers; l++)
        {
            int fanIn = l == 0 ? inputs : options.HiddenWidth;
            int fanOut = l == layers - 1 ? classCount : options.HiddenWidth;
            w[l] = Variable<float>.Zeros(fanOut, fanIn, requiresGrad: true);
            b[l] = Variable<float>.Zeros(1, fanOut, requiresGrad: true);
            double bound = 1 / Math.Sqrt(fanIn);
            stream.FillUniform(w[l].Span, -bound, bound);
            stream.FillUniform(b[l].Span, -bound, bound);
        }
        return (w, b);
    }

    static Variable<float> Logits(Tape<float> tape, Variable<float> x, Variable<float>[] w, Variable<float>[] b)
    {
        for (int l = 0; l < w.Length; l++) x = tape.Linear(x, w[l], b[l], relu: l < w.Length - 1);
        return x;
    }

    // Epochs over the training pairs in a fresh random order, in full batches (a short last one is dropped,
    // as the authors' DataLoader(drop_last=True) does), until the step budget is spent.
    static void Train(Variable<float> features, int[] classes, int[] trainRows, Variable<float>[] w, Variable<float>[] b,
        RotationClassifierOptions options, RandomStream stream)
    {
        int batch = Math.Min(options.BatchSize, trainRows.Length);
        var x = Variable<float>.Zeros(batch, features.Cols);
        var labels = new int[batch];
        var optimizer = new AdamW<float>(w.Concat(b), new AdamWOptions { LearningRate = options.LearningRate });
        var tape = new Tape<float>();
        var rows = (int[])trainRows.Clone();
        int next = rows.Length;
        for (int step = 0; step < options.Steps; step++)
        {
            if (next + batch > rows.Length)
            {
                stream.Shuffle(rows.AsSpan());
                next = 0;
            }
            for (int i = 0; i < batch; i++)
            {
                int r = rows[next + i];
                features.Row(r).CopyTo(x.Row(i));
                labels[i] = classes[r];
            }
            next += batch;
            tape.Reset();
            var loss = tape.SoftmaxCrossEntropy(Logits(tape, x, w, b), labels);
            optimizer.ZeroGrad();
            tape.Backward(loss);
            optimizer.Step();
        }
    }

    static double[] HeldOutLosses(Variable<float> features, int[] classes, int[] testRows, Variable<float>[] w, Variable<float>[] b)
    {
        const int Chunk = 1024;
        var losses = new double[testRows.Length];
        var tape = new Tape<float>();
        var rowLoss = new float[Chunk];
        var labels = new int[Chunk];
        for (int start = 0; start < testRows.Length; start += Chunk)
        {
            int count = Math.Min(Chunk, testRows.Length - start);
            var x = Variable<float>.Zeros(count, features.Cols);
            for (int i = 0; i < count; i++)
            {
                features.Row(testRows[start + i]).CopyTo(x.Row(i));
                labels[i] = classes[testRows[start + i]];
            }
            tape.Reset();
            using (tape.NoGrad())
                SoftmaxCrossEntropyOp.RowLosses(Logits(tape, x, w, b), labels.AsSpan(0, count), rowLoss);
            for (int i = 0; i < count; i++) losses[start + i] = rowLoss[i];
        }
        return losses;
    }
}
