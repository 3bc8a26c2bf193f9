using System.Numerics;
using System.Numerics.Tensors;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>The elementwise absolute value, for L1 penalties.</summary>
public static class AbsOp
{
    /// <summary>|x|; its gradient is sign(x), 0 at 0 (the subgradient that leaves a zero weight at rest).</summary>
    public static Variable<T> Abs<T>(this Tape<T> tape, Variable<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var y = tape.NewOutput(x.Rows, x.Cols, x);
        TensorPrimitives.Abs(x.Span, y.Span);
        tape.Record(new TapeNode<T>(Backward, y, x));
        return y;
    }

    static void Backward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = node.A!.Span;
        var g = node.Output.Grad!.Span;
        var dx = tape.GradOf(node.A!).Span;
        for (int i = 0; i < x.Length; i++) dx[i] += T.CreateTruncating(T.Sign(x[i])) * g[i];
    }
}
