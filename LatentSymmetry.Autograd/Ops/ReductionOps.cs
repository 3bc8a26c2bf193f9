using System.Numerics;
using System.Numerics.Tensors;
using LatentSymmetry.Autograd.Kernels;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>Sums and means over all elements ([1, 1] result) or over each row ([rows, 1] result).</summary>
public static class ReductionOps
{
    /// <summary>Σ x, as a [1 x 1] tensor.</summary>
    public static Variable<T> Sum<T>(this Tape<T> tape, Variable<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        => Total(tape, x, T.One);

    /// <summary>The mean of all elements, as a [1 x 1] tensor.</summary>
    public static Variable<T> Mean<T>(this Tape<T> tape, Variable<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Length == 0) throw new ArgumentException($"Mean of an empty tensor {x.Shape}");
        return Total(tape, x, T.CreateChecked(x.Length));
    }

    // The total is divided by the count (as PyTorch's mean does) rather than multiplied by its reciprocal.
    static Variable<T> Total<T>(Tape<T> tape, Variable<T> x, T count) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = tape.NewOutput(1, 1, x);
        y.Span[0] = Reductions.Sum<T>(x.Span) / count;
        tape.Record(new TapeNode<T>(TotalBackward, y, x, scalar: count));
        return y;
    }

    static void TotalBackward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var dx = tape.GradOf(node.A!).Span;
        TensorPrimitives.Add(dx, node.Output.Grad!.Span[0] / node.Scalar, dx);
    }

    /// <summary>Σ_j x[i, j] for every row i, as a [rows x 1] tensor.</summary>
    public static Variable<T> SumRows<T>(this Tape<T> tape, Variable<T> x) where T : unmanaged, IFloatingPointIeee754<T>
        => RowTotals(tape, x, T.One);

    /// <summary>The mean of every row, as a [rows x 1] tensor.</summary>
    public static Variable<T> MeanRows<T>(this Tape<T> tape, Variable<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Cols == 0) throw new ArgumentException($"MeanRows of a tensor without columns {x.Shape}");
        return RowTotals(tape, x, T.CreateChecked(x.Cols));
    }

    static Variable<T> RowTotals<T>(Tape<T> tape, Variable<T> x, T count) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = tape.NewOutput(x.Rows, 1, x);
        var ys = y.Span;
        for (int i = 0; i < x.Rows; i++) ys[i] = Reductions.Sum<T>(x.Row(i)) / count;
        tape.Record(new TapeNode<T>(RowTotalsBackward, y, x, scalar: count));
        return y;
    }

    static void RowTotalsBackward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = node.A!;
        var dx = tape.GradOf(x);
        var dy = node.Output.Grad!.Span;
        for (int i = 0; i < x.Rows; i++)
        {
            var row = dx.Row(i);
            TensorPrimitives.Add(row, dy[i] / node.Scalar, row);
        }
    }
}
