using System.Numerics;
using LatentSymmetry.Autograd.Kernels;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>
/// Softmax cross-entropy against integer class labels, PyTorch's <c>F.cross_entropy(logits, labels)</c>
/// with mean reduction: mean_i [ logsumexp(z_i) − z_i[y_i] ].
/// </summary>
public static class SoftmaxCrossEntropyOp
{
    /// <summary>
    /// mean over rows of −log softmax(<paramref name="logits"/>)[i, labels[i]], as a [1 x 1] tensor.
    /// <paramref name="logits"/> is [B x K]; <paramref name="labels"/> holds B classes in [0, K) and is
    /// read again by the backward pass, so it must not change until the tape runs backward.
    /// </summary>
    public static Variable<T> SoftmaxCrossEntropy<T>(this Tape<T> tape, Variable<T> logits, int[] labels) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(labels);
        var y = tape.NewOutput(1, 1, logits);
        var rowLoss = tape.NewScratch(logits.Rows, 1).Span;
        RowLosses(logits, labels, rowLoss);
        T count = T.CreateChecked(logits.Rows);
        y.Span[0] = Reductions.Sum<T>(rowLoss) / count;
        tape.Record(new TapeNode<T>(Backward, y, logits, scalar: count, context: labels));
        return y;
    }

    /// <summary>
    /// The cross-entropy of every row, −log softmax(<paramref name="logits"/>)[i, labels[i]], written to
    /// <paramref name="destination"/> (one per row) without recording anything: the terms whose mean
    /// <see cref="SoftmaxCrossEntropy{T}"/> returns, for a held-out evaluation that needs them one by one.
    /// </summary>
    public static void RowLosses<T>(Variable<T> logits, ReadOnlySpan<int> labels, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (logits.Rows == 0 || logits.Cols == 0) throw new ArgumentException($"SoftmaxCrossEntropy of empty logits {logits.Shape}");
        if (labels.Length != logits.Rows)
            throw new ArgumentException($"SoftmaxCrossEntropy: {labels.Length} labels for logits {logits.Shape} (one per row expected)");
        if (destination.Length < logits.Rows)
            throw new ArgumentException($"SoftmaxCrossEntropy: room for {destination.Length} row losses, {logits.Rows} needed", nameof(destination));
        int k = logits.Cols;
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)k)
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"SoftmaxCrossEntropy: label {i} is {labels[i]}, outside the {k} classes [0, {k})");
            var z = logits.Row(i);
            destination[i] = LogSumExp<T>(z) - z[labels[i]];
        }
    }

    // d/dz_ij mean_i(lse(z_i) − z_i[y_i]) = (softmax(z_i)_j − [j = y_i]) / B. The softmax is recomputed
    // from the logits rather than kept from the forward pass: K exponentials a row are cheap, and the
    // node then needs nothing but the labels (no per-call allocation).
    static void Backward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var logits = node.A!;
        var labels = (int[])node.Context!;
        T g = node.Output.Grad!.Span[0] / node.Scalar;
        var dz = tape.GradOf(logits);
        for (int i = 0; i < logits.Rows; i++)
        {
            var z = logits.Row(i);
            var d = dz.Row(i);
            T lse = LogSumExp(z);
            for (int j = 0; j < z.Length; j++) d[j] += g * T.Exp(z[j] - lse);
            d[labels[i]] -= g;
        }
    }

    /// <summary>log Σ_j exp(z_j), shifted by the maximum so no exponential overflows (the largest term is exp(0) = 1).</summary>
    /// <remarks>Scalar exponentials in a fixed order, so the value is the same on every SIMD path.</remarks>
    internal static T LogSumExp<T>(ReadOnlySpan<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T max = z[0];
        for (int j = 1; j < z.Length; j++) max = T.Max(max, z[j]);
        if (T.IsInfinity(max)) return max; // every term is -inf (or one is +inf): the shift would make NaN
        T sum = T.Zero;
        for (int j = 0; j < z.Length; j++) sum += T.Exp(z[j] - max);
        return max + T.Log(sum);
    }
}
