using System.Numerics;
using LatentSymmetry.Autograd.Kernels;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>Mean squared error, PyTorch's <c>mse_loss</c> with mean reduction.</summary>
public static class MseLossOp
{
    /// <summary>mean((prediction − target)²) over all elements, as a [1 x 1] tensor.</summary>
    public static Variable<T> MseLoss<T>(this Tape<T> tape, Variable<T> prediction, Variable<T> target) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeCheck.Same("MseLoss", prediction, target);
        if (prediction.Length == 0) throw new ArgumentException("MseLoss of empty tensors");
        var diff = tape.NewScratch(prediction.Rows, prediction.Cols);
        System.Numerics.Tensors.TensorPrimitives.Subtract(prediction.Span, target.Span, diff.Span);
        var y = tape.NewOutput(1, 1, prediction, target);
        T count = T.CreateChecked(prediction.Length);
        y.Span[0] = Reductions.SumOfSquares<T>(diff.Span) / count;
        tape.Record(new TapeNode<T>(Backward, y, prediction, target, scalar: count, context: diff));
        return y;
    }

    static void Backward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var diff = ((Variable<T>)node.Context!).Span;
        T g = node.Output.Grad!.Span[0] / node.Scalar;
        g += g; // d/dp mean((p - t)^2) = 2 (p - t) / N
        if (node.A!.RequiresGrad)
        {
            var dp = tape.GradOf(node.A).Span;
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(diff, g, dp, dp);
        }
        if (node.B!.RequiresGrad)
        {
            var dt = tape.GradOf(node.B).Span;
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(diff, -g, dt, dt);
        }
    }
}
