using System.Numerics;

using LatentSymmetry.Autograd.Kernels;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>Applies one d×d matrix per row: y_i = R_i x_i, for rotating a batch of d-dimensional points.</summary>
public static class RotateRowsOp
{
    /// <summary>
    /// y[i] = R_i · x[i] for x of shape [n x d] and r of shape [n x d²], each row of r holding R_i row-major.
    /// Each output is the sum over k of R_i[j, k] x_i[k], added in order k = 0, 1, ..., d − 1.
    /// </summary>
    public static Variable<T> RotateRows<T>(this Tape<T> tape, Variable<T> x, Variable<T> r) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = x.Cols;
        if (d < 1 || r.Cols != d * d || r.Rows != x.Rows)
            throw new ArgumentException($"RotateRows: needs points [n x d] and matrices [n x d^2], got {x.Shape} and {r.Shape}");
        var y = tape.NewOutput(x.Rows, d, x, r);
        RowRotation.Apply<T>(r.Span, x.Span, y.Span, d);
        tape.Record(new TapeNode<T>(Backward, y, x, r));
        return y;
    }

    static void Backward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = node.A!;
        var r = node.B!;
        int d = x.Cols;
        ReadOnlySpan<T> dy = node.Output.Grad!.Span, xs = x.Span, rs = r.Span;
        var dx = x.RequiresGrad ? tape.GradOf(x).Span : default;
        var dr = r.RequiresGrad ? tape.GradOf(r).Span : default;
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < d; j++)
            {
                T g = dy[d * i + j];
                for (int k = 0; k < d; k++)
                {
                    if (!dx.IsEmpty) dx[d * i + k] += rs[d * d * i + d * j + k] * g;   // dx_i = R_iᵀ dy_i
                    if (!dr.IsEmpty) dr[d * d * i + d * j + k] += g * xs[d * i + k]; // dR_i = dy_i x_iᵀ
                }
            }
    }
}
