using System.Numerics;
using System.Numerics.Tensors;
using LatentSymmetry.Autograd.Kernels;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>Elementwise nonlinearities: ReLU, Tanh, Exp, Cos, Square.</summary>
public static class ActivationOps
{
    /// <summary>max(x, 0).</summary>
    public static Variable<T> Relu<T>(this Tape<T> tape, Variable<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = tape.NewOutput(x.Rows, x.Cols, x);
        TensorPrimitives.Max(x.Span, T.Zero, y.Span);
        tape.Record(new TapeNode<T>(ReluBackward, y, x));
        return y;
    }

    // The gradient is read off the output: y > 0 exactly where x > 0 (the subgradient at 0 is 0, as in PyTorch).
    static void ReluBackward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var dx = tape.GradOf(node.A!).Span;
        ElementwiseKernels.Apply<T, ReluGradOperator<T>>(dx, node.Output.Span, node.Output.Grad!.Span, dx);
    }

    /// <summary>tanh(x).</summary>
    public static Variable<T> Tanh<T>(this Tape<T> tape, Variable<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = tape.NewOutput(x.Rows, x.Cols, x);
        TensorPrimitives.Tanh(x.Span, y.Span);
        tape.Record(new TapeNode<T>(TanhBackward, y, x));
        return y;
    }

    static void TanhBackward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var dx = tape.GradOf(node.A!).Span;
        ElementwiseKernels.Apply<T, TanhGradOperator<T>>(dx, node.Output.Span, node.Output.Grad!.Span, dx);
    }

    /// <summary>exp(x).</summary>
    public static Variable<T> Exp<T>(this Tape<T> tape, Variable<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = tape.NewOutput(x.Rows, x.Cols, x);
        TensorPrimitives.Exp(x.Span, y.Span);
        tape.Record(new TapeNode<T>(ExpBackward, y, x));
        return y;
    }

    static void ExpBackward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var dx = tape.GradOf(node.A!).Span;
        ElementwiseKernels.Apply<T, MultiplyAccumulateOperator<T>>(dx, node.Output.Span, node.Output.Grad!.Span, dx);
    }

    /// <summary>cos(x).</summary>
    public static Variable<T> Cos<T>(this Tape<T> tape, Variable<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = tape.NewOutput(x.Rows, x.Cols, x);
        TensorPrimitives.Cos(x.Span, y.Span);
        tape.Record(new TapeNode<T>(CosBackward, y, x));
        return y;
    }

    static void CosBackward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = node.A!;
        var sin = tape.NewScratch(x.Rows, x.Cols).Span;
        TensorPrimitives.Sin(x.Span, sin);
        var dx = tape.GradOf(x).Span;
        ElementwiseKernels.Apply<T, MultiplySubtractOperator<T>>(dx, sin, node.Output.Grad!.Span, dx);
    }

    /// <summary>x².</summary>
    public static Variable<T> Square<T>(this Tape<T> tape, Variable<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = tape.NewOutput(x.Rows, x.Cols, x);
        TensorPrimitives.Multiply(x.Span, x.Span, y.Span);
        tape.Record(new TapeNode<T>(SquareBackward, y, x));
        return y;
    }

    static void SquareBackward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = node.A!;
        var twoX = tape.NewScratch(x.Rows, x.Cols).Span;
        TensorPrimitives.Add(x.Span, x.Span, twoX);
        var dx = tape.GradOf(x).Span;
        ElementwiseKernels.Apply<T, MultiplyAccumulateOperator<T>>(dx, twoX, node.Output.Grad!.Span, dx);
    }
}
