using System.Numerics;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>
/// The two layout changes a Vector-Neuron network needs on states of C vectors (a phase-space point (r, v), C = 2), which
/// come block-major, vector c at columns c·d..c·d + d − 1 (the layout of the representation <c>vectors:C</c>), while VN
/// layers read rows coordinate-major (<see cref="VectorNeuronOps"/>): a lift into VN channels, and the way back.
/// </summary>
public static class VnStateOps
{
    /// <summary>
    /// Lifts states x [n x C·d] (block-major) to 2C channels of d-vectors, coordinate-major [n x d·2C]: the C vectors
    /// x_c, then their directions u_c = x_c / sqrt(|x_c|² + 1e-12) — <see cref="VectorNeuronOps.VnLift"/> for each vector,
    /// so the degree-1 homogeneous VN layers can depend on every vector's length.
    /// </summary>
    public static Variable<T> VnLiftStates<T>(this Tape<T> tape, Variable<T> x, int vectors) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int c = vectors, d = c < 1 ? 0 : x.Cols / c;
        if (c < 1 || d < 1 || x.Cols != c * d) throw new ArgumentException($"VnLiftStates: rows of {vectors} vectors; got {x.Shape}");
        var y = tape.NewOutput(x.Rows, 2 * c * d, x);
        ReadOnlySpan<T> xs = x.Span;
        var ys = y.Span;
        int w = 2 * c;
        for (int i = 0; i < x.Rows; i++)
            for (int b = 0; b < c; b++)
            {
                var v = xs.Slice(i * c * d + b * d, d);
                T inv = InverseLength(v);
                for (int j = 0; j < d; j++)
                {
                    ys[i * d * w + j * w + b] = v[j];
                    ys[i * d * w + j * w + c + b] = v[j] * inv;
                }
            }
        tape.Record(new TapeNode<T>(LiftBackward, y, x, integer: c));
        return y;
    }

    static void LiftBackward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = node.A!;
        if (!x.RequiresGrad) return;
        int c = node.Integer, d = x.Cols / c, w = 2 * c;
        ReadOnlySpan<T> xs = x.Span, dy = node.Output.Grad!.Span;
        var dx = tape.GradOf(x).Span;
        for (int i = 0; i < x.Rows; i++)
            for (int b = 0; b < c; b++)
            {
                var v = xs.Slice(i * c * d + b * d, d);
                T inv = InverseLength(v), dot = T.Zero;
                for (int j = 0; j < d; j++) dot += dy[i * d * w + j * w + c + b] * v[j];
                // u = x / ρ: dx_k += g_k / ρ − x_k (g·x) / ρ³ (g the gradient of u), plus the gradient of x itself.
                for (int k = 0; k < d; k++)
                    dx[i * c * d + b * d + k] += dy[i * d * w + k * w + b] + dy[i * d * w + k * w + c + b] * inv - v[k] * dot * inv * inv * inv;
            }
    }

    static T InverseLength<T>(ReadOnlySpan<T> v) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T n2 = T.CreateChecked(1e-12);
        for (int j = 0; j < v.Length; j++) n2 += v[j] * v[j];
        return T.One / T.Sqrt(n2);
    }

    /// <summary>
    /// VN channels back to a state: h [n x d·C] coordinate-major to [n x C·d] block-major, channel c becoming vector c (a
    /// permutation, exact; its backward the inverse permutation).
    /// </summary>
    public static Variable<T> VnToBlocks<T>(this Tape<T> tape, Variable<T> h, int d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int c = d < 1 ? 0 : h.Cols / d;
        if (d < 1 || c < 1 || h.Cols != c * d) throw new ArgumentException($"VnToBlocks: rows of {d}-vectors; got {h.Shape}");
        var y = tape.NewOutput(h.Rows, h.Cols, h);
        ReadOnlySpan<T> hs = h.Span;
        var ys = y.Span;
        for (int i = 0; i < h.Rows; i++)
            for (int b = 0; b < c; b++)
                for (int j = 0; j < d; j++) ys[i * c * d + b * d + j] = hs[i * c * d + j * c + b];
        tape.Record(new TapeNode<T>(BlocksBackward, y, h, integer: d));
        return y;
    }

    static void BlocksBackward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var h = node.A!;
        if (!h.RequiresGrad) return;
        int d = node.Integer, c = h.Cols / d;
        ReadOnlySpan<T> dy = node.Output.Grad!.Span;
        var dh = tape.GradOf(h).Span;
        for (int i = 0; i < h.Rows; i++)
            for (int b = 0; b < c; b++)
                for (int j = 0; j < d; j++) dh[i * c * d + j * c + b] += dy[i * c * d + b * d + j];
    }
}
