using System.Numerics;
using System.Numerics.Tensors;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>Adds a [1, cols] bias to every row of a [rows, cols] tensor.</summary>
public static class AddBiasOp
{
    /// <summary>y[i, j] = x[i, j] + bias[0, j].</summary>
    public static Variable<T> AddBias<T>(this Tape<T> tape, Variable<T> x, Variable<T> bias) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (bias.Rows != 1 || bias.Cols != x.Cols)
            throw new ArgumentException($"AddBias: the bias must be [1 x {x.Cols}] for an input of shape {x.Shape}, got {bias.Shape}");
        var y = tape.NewOutput(x.Rows, x.Cols, x, bias);
        var b = bias.Span;
        for (int i = 0; i < x.Rows; i++) TensorPrimitives.Add(x.Row(i), b, y.Row(i));
        tape.Record(new TapeNode<T>(Backward, y, x, bias));
        return y;
    }

    static void Backward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var dy = node.Output.Grad!;
        if (node.A!.RequiresGrad)
        {
            var dx = tape.GradOf(node.A).Span;
            TensorPrimitives.Add(dx, dy.Span, dx);
        }
        if (node.B!.RequiresGrad)
        {
            // Column sums, one row after another: a fixed order on every vector width.
            var db = tape.GradOf(node.B).Span;
            for (int i = 0; i < dy.Rows; i++) TensorPrimitives.Add(db, dy.Row(i), db);
        }
    }
}
