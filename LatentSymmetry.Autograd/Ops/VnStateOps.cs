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
