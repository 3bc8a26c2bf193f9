using System.Numerics;
using System.Numerics.Tensors;
using LatentSymmetry.Autograd.Kernels;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>
/// The spread of a batch: the mean squared distance between two distinct rows,
/// E_{i≠j} ‖x_i − x_j‖² = 2/(n − 1) · Σ_i ‖x_i − x̄‖², computed in O(n·d) through the variance identity
/// instead of over the n(n − 1) pairs.
/// </summary>
public static class PairSpreadOp
{
    /// <summary>E_{i≠j} ‖x_i − x_j‖² over the rows of <paramref name="x"/> (at least two), as a [1 x 1] tensor.</summary>
    public static Variable<T> PairSpread<T>(this Tape<T> tape, Variable<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Rows < 2) throw new ArgumentException($"PairSpread needs at least two rows to form a pair, got {x.Shape}");
        int n = x.Rows;
        // Centred rows, kept for the backward pass: Σ_i (x_i − x̄) = 0 makes the mean's own derivative vanish.
        var centred = tape.NewScratch(n, x.Cols);
        var mean = tape.NewScratch(1, x.Cols).Span;
        for (int i = 0; i < n; i++) TensorPrimitives.Add(mean, x.Row(i), mean);
        TensorPrimitives.Divide(mean, T.CreateChecked(n), mean);
        T total = T.Zero;
        for (int i = 0; i < n; i++)
        {
            var c = centred.Row(i);
            TensorPrimitives.Subtract(x.Row(i), mean, c);
            total += Reductions.SumOfSquares<T>(c);
        }
        T factor = T.CreateChecked(2) / T.CreateChecked(n - 1);
        var y = tape.NewOutput(1, 1, x);
        y.Span[0] = factor * total;
        tape.Record(new TapeNode<T>(Backward, y, x, scalar: factor, context: centred));
        return y;
    }

    // d/dx_i [2/(n−1) Σ_k ‖x_k − x̄‖²] = 4/(n−1) (x_i − x̄).
    static void Backward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var centred = ((Variable<T>)node.Context!).Span;
        T g = node.Output.Grad!.Span[0] * (node.Scalar + node.Scalar);
        var dx = tape.GradOf(node.A!).Span;
        TensorPrimitives.MultiplyAdd(centred, g, dx, dx);
    }
}
