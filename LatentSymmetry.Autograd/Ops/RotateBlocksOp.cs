using System.Numerics;
using LatentSymmetry.Autograd.Kernels;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>
/// Turns the vector blocks of each row by the row's rotation or its inverse, the scalars after them unchanged: the action
/// ρ(R) (or ρ(R)⁻¹) of a direct sum of C vectors and S scalars on a layer, as an equivariance penalty needs it.
/// </summary>
public static class RotateBlocksOp
{
    /// <summary>
    /// y_i = ρ(R_i) h_i, or ρ(R_i)ᵀ h_i when <paramref name="transpose"/>, for h [n x w] whose first <paramref name="blocks"/>
    /// groups of d are vectors, r [n x d²] (row i holds R_i row-major). See <see cref="RowRotation.ApplyBlocks"/>.
    /// </summary>
    public static Variable<T> RotateBlocks<T>(this Tape<T> tape, Variable<T> h, Variable<T> r, int blocks, bool transpose)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = (int)Math.Round(Math.Sqrt(r.Cols));
        if (d < 1 || d * d != r.Cols || r.Rows != h.Rows || blocks < 0 || blocks * d > h.Cols)
            throw new ArgumentException($"RotateBlocks: {blocks} vector blocks need rows [n x >= {blocks}·d] and matrices [n x d^2]; got {h.Shape} and {r.Shape}");
        var y = tape.NewOutput(h.Rows, h.Cols, h, r);
        RowRotation.ApplyBlocks<T>(r.Span, h.Span, y.Span, d, blocks, h.Cols, transpose);
        tape.Record(new TapeNode<T>(Backward, y, h, r, integer: transpose ? -blocks - 1 : blocks));
        return y;
    }

    static void Backward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var h = node.A!;
        var r = node.B!;
        bool transpose = node.Integer < 0;
        int blocks = transpose ? -node.Integer - 1 : node.Integer, w = h.Cols, d = (int)Math.Round(Math.Sqrt(r.Cols));
        ReadOnlySpan<T> dy = node.Output.Grad!.Span, hs = h.Span, rs = r.Span;
        if (h.RequiresGrad) RowRotation.ApplyBlocksBackward(rs, dy, tape.GradOf(h).Span, d, blocks, w, transpose);
        if (!r.RequiresGrad) return;
        var dr = tape.GradOf(r).Span;
        for (int i = 0; i < h.Rows; i++)
            for (int c = 0; c < blocks; c++)
                for (int j = 0; j < d; j++)
                {
                    T g = dy[w * i + c * d + j];
                    for (int k = 0; k < d; k++)
                        // y_j = Σ_k M[j, k] h_k with M = R or Rᵀ: dM[j, k] += g h_k.
                        dr[transpose ? d * d * i + d * k + j : d * d * i + d * j + k] += g * hs[w * i + c * d + k];
                }
    }
}
