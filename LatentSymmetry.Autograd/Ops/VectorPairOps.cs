using System.Numerics;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>
/// The two operations of the general rotation-equivariant map of a pair of 3-vectors (r, v), a row [r, v] of 6 values:
/// its invariants (|r|², |v|², r·v), which generate every SO(3) invariant of two vectors, and the combination
/// Σ a r + b v + c r × v, which spans every equivariant vector of them (with a, b, c functions of the invariants).
/// </summary>
public static class VectorPairOps
{
    /// <summary>
    /// [|r|², |v|², r·v] per row of x [n x 6]; each a sum of products in double, fused in order of the coordinates and
    /// rounded once to T, so a pair and its turned copy differ only by their own rounding (as the groups' invariants).
    /// </summary>
    public static Variable<T> PairInvariants<T>(this Tape<T> tape, Variable<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (x.Cols != 6) throw new ArgumentException($"PairInvariants: rows of two 3-vectors [n x 6]; got {x.Shape}");
        var y = tape.NewOutput(x.Rows, 3, x);
        ReadOnlySpan<T> xs = x.Span;
        var ys = y.Span;
        for (int i = 0; i < x.Rows; i++)
        {
            double rr = 0, vv = 0, rv = 0;
            for (int k = 0; k < 3; k++)
            {
                double r = double.CreateTruncating(xs[6 * i + k]), v = double.CreateTruncating(xs[6 * i + 3 + k]);
                rr = Math.FusedMultiplyAdd(r, r, rr);
                vv = Math.FusedMultiplyAdd(v, v, vv);
                rv = Math.FusedMultiplyAdd(r, v, rv);
            }
            ys[3 * i] = T.CreateTruncating(rr);
            ys[3 * i + 1] = T.CreateTruncating(vv);
            ys[3 * i + 2] = T.CreateTruncating(rv);
        }
        tape.Record(new TapeNode<T>(InvariantsBackward, y, x));
        return y;
    }

    static void InvariantsBackward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = node.A!;
        if (!x.RequiresGrad) return;
        ReadOnlySpan<T> xs = x.Span, g = node.Output.Grad!.Span;
        var dx = tape.GradOf(x).Span;
        for (int i = 0; i < x.Rows; i++)
        {
            T grr = g[3 * i] + g[3 * i], gvv = g[3 * i + 1] + g[3 * i + 1], grv = g[3 * i + 2];
            for (int k = 0; k < 3; k++)
            {
                T r = xs[6 * i + k], v = xs[6 * i + 3 + k];
                dx[6 * i + k] += grr * r + grv * v;      // d|r|²/dr = 2r, d(r·v)/dr = v
                dx[6 * i + 3 + k] += gvv * v + grv * r;  // d|v|²/dv = 2v, d(r·v)/dv = r
            }
        }
    }

    /// <summary>
    /// K output vectors per row, y_o = a_o r + b_o v + c_o (r × v), from x [n x 6] and coefficients [n x 3K] holding
    /// (a_o, b_o, c_o) in order; output [n x 3K]. Each component is added in the order a, b, c.
    /// </summary>
    public static Variable<T> CombinePair<T>(this Tape<T> tape, Variable<T> x, Variable<T> coefficients) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = coefficients.Cols / 3;
        if (x.Cols != 6 || k < 1 || coefficients.Cols != 3 * k || coefficients.Rows != x.Rows)
            throw new ArgumentException($"CombinePair: pairs [n x 6] and coefficients [n x 3K]; got {x.Shape} and {coefficients.Shape}");
        var y = tape.NewOutput(x.Rows, 3 * k, x, coefficients);
        ReadOnlySpan<T> xs = x.Span, cs = coefficients.Span;
        var ys = y.Span;
        Span<T> cross = stackalloc T[3];
        for (int i = 0; i < x.Rows; i++)
        {
            var r = xs.Slice(6 * i, 3);
            var v = xs.Slice(6 * i + 3, 3);
            Cross(r, v, cross);
            for (int o = 0; o < k; o++)
            {
                T a = cs[3 * k * i + 3 * o], b = cs[3 * k * i + 3 * o + 1], c = cs[3 * k * i + 3 * o + 2];
                for (int j = 0; j < 3; j++) ys[3 * k * i + 3 * o + j] = a * r[j] + b * v[j] + c * cross[j];
            }
        }
        tape.Record(new TapeNode<T>(CombineBackward, y, x, coefficients, integer: k));
        return y;
    }

    static void CombineBackward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = node.A!;
        var coefficients = node.B!;
        int k = node.Integer;
        ReadOnlySpan<T> xs = x.Span, cs = coefficients.Span, dy = node.Output.Grad!.Span;
        var dx = x.RequiresGrad ? tape.GradOf(x).Span : default;
        var dc = coefficients.RequiresGrad ? tape.GradOf(coefficients).Span : default;
        Span<T> cross = stackalloc T[3], vg = stackalloc T[3], gr = stackalloc T[3];
        for (int i = 0; i < x.Rows; i++)
        {
            var r = xs.Slice(6 * i, 3);
            var v = xs.Slice(6 * i + 3, 3);
            Cross(r, v, cross);
            for (int o = 0; o < k; o++)
            {
                var g = dy.Slice(3 * k * i + 3 * o, 3);
                T a = cs[3 * k * i + 3 * o], b = cs[3 * k * i + 3 * o + 1], c = cs[3 * k * i + 3 * o + 2];
                if (!dc.IsEmpty)
                {
                    dc[3 * k * i + 3 * o] += Dot(g, r);
                    dc[3 * k * i + 3 * o + 1] += Dot(g, v);
                    dc[3 * k * i + 3 * o + 2] += Dot(g, cross);
                }
                if (!dx.IsEmpty)
                {
                    // g·(r × v) = r·(v × g) = v·(g × r): its gradient is v × g in r and g × r in v.
                    Cross(v, g, vg);
                    Cross(g, r, gr);
                    for (int j = 0; j < 3; j++)
                    {
                        dx[6 * i + j] += a * g[j] + c * vg[j];
                        dx[6 * i + 3 + j] += b * g[j] + c * gr[j];
                    }
                }
            }
        }
    }

    static void Cross<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q, Span<T> z) where T : unmanaged, IFloatingPointIeee754<T>
    {
        z[0] = p[1] * q[2] - p[2] * q[1];
        z[1] = p[2] * q[0] - p[0] * q[2];
        z[2] = p[0] * q[1] - p[1] * q[0];
    }

    static T Dot<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> q) where T : unmanaged, IFloatingPointIeee754<T> => p[0] * q[0] + p[1] * q[1] + p[2] * q[2];
}
