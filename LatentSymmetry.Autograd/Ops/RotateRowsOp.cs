using System.Numerics;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>Applies one 3×3 matrix per row: y_i = R_i x_i, for rotating a batch of 3-D points.</summary>
public static class RotateRowsOp
{
    /// <summary>
    /// y[i] = R_i · x[i] for x of shape [n x 3] and r of shape [n x 9], each row of r holding R_i row-major.
    /// </summary>
    public static Tensor<T> RotateRows<T>(this Tape<T> tape, Tensor<T> x, Tensor<T> r) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Cols != 3 || r.Cols != 9 || r.Rows != x.Rows)
            throw new ArgumentException($"RotateRows: needs points [n x 3] and matrices [n x 9], got {x.Shape} and {r.Shape}");
        var y = tape.NewOutput(x.Rows, 3, x, r);
        ReadOnlySpan<T> xs = x.Span, rs = r.Span;
        var ys = y.Span;
        for (int i = 0; i < x.Rows; i++)
        {
            var p = xs.Slice(3 * i, 3);
            var m = rs.Slice(9 * i, 9);
            for (int j = 0; j < 3; j++) ys[3 * i + j] = m[3 * j] * p[0] + m[3 * j + 1] * p[1] + m[3 * j + 2] * p[2];
        }
        tape.Record(new TapeNode<T>(Backward, y, x, r));
        return y;
    }

    static void Backward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = node.A!;
        var r = node.B!;
        ReadOnlySpan<T> dy = node.Output.Grad!.Span, xs = x.Span, rs = r.Span;
        var dx = x.RequiresGrad ? tape.GradOf(x).Span : default;
        var dr = r.RequiresGrad ? tape.GradOf(r).Span : default;
        for (int i = 0; i < x.Rows; i++)
            for (int j = 0; j < 3; j++)
            {
                T g = dy[3 * i + j];
                for (int k = 0; k < 3; k++)
                {
                    if (!dx.IsEmpty) dx[3 * i + k] += rs[9 * i + 3 * j + k] * g;   // dx_i = R_iᵀ dy_i
                    if (!dr.IsEmpty) dr[9 * i + 3 * j + k] += g * xs[3 * i + k]; // dR_i = dy_i x_iᵀ
                }
            }
    }
}
