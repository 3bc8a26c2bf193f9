using System.Numerics;
using System.Numerics.Tensors;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>
/// Stacking and slicing along rows, so that several forward passes share one batched matrix product:
/// concatenate the batches, run the layers once, slice the rows apart again.
/// </summary>
public static class RowOps
{
    /// <summary>The rows of <paramref name="a"/> followed by those of <paramref name="b"/>.</summary>
    public static Variable<T> ConcatRows<T>(this Tape<T> tape, Variable<T> a, Variable<T> b) where T : unmanaged, IFloatingPointIeee754<T>
        => Concat(tape, a, b, null);

    /// <summary>The rows of <paramref name="a"/>, then <paramref name="b"/>, then <paramref name="c"/>.</summary>
    public static Variable<T> ConcatRows<T>(this Tape<T> tape, Variable<T> a, Variable<T> b, Variable<T> c) where T : unmanaged, IFloatingPointIeee754<T>
        => Concat(tape, a, b, c);

    static Variable<T> Concat<T>(Tape<T> tape, Variable<T> a, Variable<T> b, Variable<T>? c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (a.Cols != b.Cols || (c is not null && c.Cols != a.Cols))
            throw new ArgumentException($"ConcatRows: column counts must match, got {a.Shape}, {b.Shape}{(c is null ? "" : ", " + c.Shape)}");
        int rows = a.Rows + b.Rows + (c?.Rows ?? 0);
        var y = tape.NewOutput(rows, a.Cols, a, b);
        if (c is not null && !y.RequiresGrad && tape.NeedsGrad(c)) y = tape.NewOutput(rows, a.Cols, c);
        a.Span.CopyTo(y.Span);
        b.Span.CopyTo(y.Span[a.Length..]);
        c?.Span.CopyTo(y.Span[(a.Length + b.Length)..]);
        // The third input rides in Extra: a tensor is a reference, so recording still allocates nothing.
        tape.Record(new TapeNode<T>(ConcatBackward, y, a, b, context: c));
        return y;
    }

    static void ConcatBackward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var dy = node.Output.Grad!.Span;
        int offset = 0;
        foreach (var part in (ReadOnlySpan<Variable<T>?>)[node.A, node.B, node.Context as Variable<T>])
        {
            if (part is null) continue;
            if (part.RequiresGrad)
            {
                var dp = tape.GradOf(part).Span;
                TensorPrimitives.Add(dp, dy.Slice(offset, part.Length), dp);
            }
            offset += part.Length;
        }
    }

    /// <summary>Rows [<paramref name="firstRow"/>, firstRow + <paramref name="rowCount"/>) of x, as a view (no copy).</summary>
    public static Variable<T> SliceRows<T>(this Tape<T> tape, Variable<T> x, int firstRow, int rowCount) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (firstRow < 0 || rowCount < 0 || firstRow + rowCount > x.Rows)
            throw new ArgumentOutOfRangeException(nameof(firstRow), $"SliceRows: rows [{firstRow}, {firstRow + rowCount}) are not inside a tensor of shape {x.Shape}");
        var y = tape.NewRowView(x, firstRow, rowCount);
        tape.Record(new TapeNode<T>(SliceBackward, y, x, integer: firstRow));
        return y;
    }

    static void SliceBackward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var dy = node.Output.Grad!.Span;
        var dx = tape.GradOf(node.A!).Span.Slice(node.Integer * node.A!.Cols, dy.Length);
        TensorPrimitives.Add(dx, dy, dx);
    }
}
