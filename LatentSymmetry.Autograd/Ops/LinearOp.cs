using System.Numerics;
using LatentSymmetry.Autograd.Kernels;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>
/// A fully connected layer as one operation: y = act(x Wᵀ + b) with W of shape [out x in] (PyTorch's
/// layout) and act ReLU or identity. The same as MatMul(NT) + AddBias (+ Relu) composed, in fewer
/// passes over the activation: it is the training step's hot path.
/// </summary>
public static class LinearOp
{
    /// <summary>x [rows x in] · Wᵀ + b, then ReLU when <paramref name="relu"/>; W is [out x in], b is [1 x out].</summary>
    public static Variable<T> Linear<T>(this Tape<T> tape, Variable<T> x, Variable<T> weight, Variable<T> bias, bool relu)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Cols != weight.Cols)
            throw new ArgumentException($"Linear: input {x.Shape} does not fit weight {weight.Shape} (expected [out x {x.Cols}])");
        if (bias.Rows != 1 || bias.Cols != weight.Rows)
            throw new ArgumentException($"Linear: bias must be [1 x {weight.Rows}] for weight {weight.Shape}, got {bias.Shape}");
        int rows = x.Rows, outs = weight.Rows;
        var y = tape.NewOutput(rows, outs, x, weight);
        if (!y.RequiresGrad && tape.NeedsGrad(bias)) y = tape.NewOutput(rows, outs, bias);
        Gemm.MultiplyBiasActivation(GemmPath.Auto, GemmForm.NT, rows, outs, x.Cols, x.Span, weight.Span, y.Span, bias.Span, relu);
        tape.Record(new TapeNode<T>(Backward, y, x, weight, integer: relu ? 1 : 0, context: bias));
        return y;
    }

    static void Backward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = node.A!;
        var w = node.B!;
        var b = (Variable<T>)node.Context!;
        var y = node.Output;
        int rows = y.Rows, outs = y.Cols, ins = x.Cols;
        // The output's gradient is complete and read by no one else once this rule runs, so the ReLU
        // mask is applied to it in place: it becomes the gradient of the pre-activation.
        var dz = y.Grad!.Span;
        BiasActivationKernels.Backward(dz, y.Span, rows, outs, b.RequiresGrad ? tape.GradOf(b).Span : default, relu: node.Integer == 1);
        if (w.RequiresGrad) Gemm.Multiply(GemmForm.TN, outs, ins, rows, dz, x.Span, tape.GradOf(w).Span, accumulate: true);   // dW += dzᵀ·x
        if (x.RequiresGrad)
        {
            var dx = tape.GradForWrite(x, out bool fresh);
            Gemm.Multiply(GemmForm.NN, rows, ins, outs, dz, w.Span, dx.Span, accumulate: !fresh);                                 // dx (+)= dz·W
        }
    }
}
