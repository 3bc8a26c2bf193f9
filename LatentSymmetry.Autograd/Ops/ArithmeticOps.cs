using System.Numerics;
using System.Numerics.Tensors;
using LatentSymmetry.Autograd.Kernels;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>Elementwise sum, difference, product and scaling of same-shape tensors.</summary>
public static class ArithmeticOps
{
    /// <summary>a + b.</summary>
    public static Variable<T> Add<T>(this Tape<T> tape, Variable<T> a, Variable<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeCheck.Same("Add", a, b);
        var y = tape.NewOutput(a.Rows, a.Cols, a, b);
        TensorPrimitives.Add(a.Span, b.Span, y.Span);
        tape.Record(new TapeNode<T>(AddBackward, y, a, b, T.One));
        return y;
    }

    /// <summary>a − b.</summary>
    public static Variable<T> Subtract<T>(this Tape<T> tape, Variable<T> a, Variable<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeCheck.Same("Subtract", a, b);
        var y = tape.NewOutput(a.Rows, a.Cols, a, b);
        TensorPrimitives.Subtract(a.Span, b.Span, y.Span);
        tape.Record(new TapeNode<T>(AddBackward, y, a, b, -T.One));
        return y;
    }

    // Scalar is the sign of b: +1 for Add, -1 for Subtract.
    static void AddBackward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var dy = node.Output.Grad!.Span;
        if (node.A!.RequiresGrad) { var da = tape.GradOf(node.A).Span; TensorPrimitives.Add(da, dy, da); }
        if (node.B!.RequiresGrad)
        {
            var db = tape.GradOf(node.B).Span;
            if (node.Scalar == T.One) TensorPrimitives.Add(db, dy, db);
            else TensorPrimitives.Subtract(db, dy, db);
        }
    }

    /// <summary>a ⊙ b (elementwise product).</summary>
    public static Variable<T> Multiply<T>(this Tape<T> tape, Variable<T> a, Variable<T> b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ShapeCheck.Same("Multiply", a, b);
        var y = tape.NewOutput(a.Rows, a.Cols, a, b);
        TensorPrimitives.Multiply(a.Span, b.Span, y.Span);
        tape.Record(new TapeNode<T>(MultiplyBackward, y, a, b));
        return y;
    }

    static void MultiplyBackward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var dy = node.Output.Grad!.Span;
        var a = node.A!;
        var b = node.B!;
        if (a.RequiresGrad) { var da = tape.GradOf(a).Span; ElementwiseKernels.Apply<T, MultiplyAccumulateOperator<T>>(da, b.Span, dy, da); }
        if (b.RequiresGrad) { var db = tape.GradOf(b).Span; ElementwiseKernels.Apply<T, MultiplyAccumulateOperator<T>>(db, a.Span, dy, db); }
    }

    /// <summary>s · x.</summary>
    public static Variable<T> Scale<T>(this Tape<T> tape, Variable<T> x, T s) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = tape.NewOutput(x.Rows, x.Cols, x);
        TensorPrimitives.Multiply(x.Span, s, y.Span);
        tape.Record(new TapeNode<T>(ScaleBackward, y, x, scalar: s));
        return y;
    }

    static void ScaleBackward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var dx = tape.GradOf(node.A!).Span;
        TensorPrimitives.MultiplyAdd(node.Output.Grad!.Span, node.Scalar, dx, dx);
    }
}
