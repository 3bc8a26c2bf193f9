using System.Numerics;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>
/// y_i = Σ_k c_ik M_k x_i + Σ_j c_i,K+j v_j: per row, a combination of K fixed d×d maps of the point and J fixed vectors,
/// with coefficients the row's own (from a network). With maps that commute with a group and vectors it fixes, and
/// coefficients invariant under it, y is equivariant: the general equivariant vector field of one point.
/// </summary>
public static class BasisCombineOp
{
    /// <summary>
    /// x [n x d], coefficients [n x (K + J)], <paramref name="basis"/> the K = <paramref name="mapCount"/> row-major d×d
    /// matrices followed by the J d-vectors (one array, so recording allocates nothing); output [n x d]. Each output is
    /// added in the order k = 0..K−1 (within M_k x, coordinate order), then j.
    /// </summary>
    public static Variable<T> CombineBasis<T>(this Tape<T> tape, Variable<T> x, Variable<T> coefficients, T[] basis, int mapCount)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(basis);
        int d = x.Cols, k = mapCount, j = (basis.Length - k * d * d) / Math.Max(1, d);
        if (d < 1 || k < 0 || j < 0 || basis.Length != k * d * d + j * d || coefficients.Cols != k + j || coefficients.Rows != x.Rows)
            throw new ArgumentException($"CombineBasis: points {x.Shape} with {mapCount} maps in a basis of {basis.Length} values; coefficients {coefficients.Shape}");
        var maps = basis;
        ReadOnlySpan<T> vectors = basis.AsSpan(k * d * d);
        var y = tape.NewOutput(x.Rows, d, x, coefficients);
        ReadOnlySpan<T> xs = x.Span, cs = coefficients.Span;
        var ys = y.Span;
        int w = k + j;
        for (int i = 0; i < x.Rows; i++)
            for (int r = 0; r < d; r++)
            {
                T sum = T.Zero;
                for (int b = 0; b < k; b++)
                {
                    T mx = T.Zero;
                    for (int s = 0; s < d; s++) mx += maps[b * d * d + r * d + s] * xs[i * d + s];
                    sum += cs[i * w + b] * mx;
                }
                for (int b = 0; b < j; b++) sum += cs[i * w + k + b] * vectors[b * d + r];
                ys[i * d + r] = sum;
            }
        tape.Record(new TapeNode<T>(Backward, y, x, coefficients, integer: k, context: basis));
        return y;
    }

    static void Backward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = node.A!;
        var c = node.B!;
        var maps = (T[])node.Context!;
        int d = x.Cols, k = node.Integer, j = (maps.Length - k * d * d) / d, w = k + j;
        ReadOnlySpan<T> vectors = maps.AsSpan(k * d * d);
        ReadOnlySpan<T> xs = x.Span, cs = c.Span, dy = node.Output.Grad!.Span;
        var dx = x.RequiresGrad ? tape.GradOf(x).Span : default;
        var dc = c.RequiresGrad ? tape.GradOf(c).Span : default;
        for (int i = 0; i < x.Rows; i++)
        {
            for (int b = 0; b < k; b++)
            {
                T dot = T.Zero;
                for (int r = 0; r < d; r++)
                {
                    T mx = T.Zero;
                    for (int s = 0; s < d; s++) mx += maps[b * d * d + r * d + s] * xs[i * d + s];
                    dot += dy[i * d + r] * mx;
                    // dx_i += c_ib M_bᵀ dy_i
                    if (!dx.IsEmpty)
                        for (int s = 0; s < d; s++) dx[i * d + s] += cs[i * w + b] * maps[b * d * d + r * d + s] * dy[i * d + r];
                }
                if (!dc.IsEmpty) dc[i * w + b] += dot;   // dc_ib = dy_i · M_b x_i
            }
            if (!dc.IsEmpty)
                for (int b = 0; b < j; b++)
                {
                    T dot = T.Zero;
                    for (int r = 0; r < d; r++) dot += dy[i * d + r] * vectors[b * d + r];
                    dc[i * w + k + b] += dot;            // dc_i,K+b = dy_i · v_b
                }
        }
    }
}
