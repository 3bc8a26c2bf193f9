using System.Numerics;
using LatentSymmetry.Autograd.Kernels;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>Matrix product in the three forms of <see cref="GemmForm"/>, never materialising a transpose.</summary>
public static class MatMulOp
{
    /// <summary>
    /// C = op(A)·op(B): NN is A[m,k]·B[k,n]; NT is A[m,k]·B[n,k]ᵀ (a linear layer with [out, in] weights);
    /// TN is A[k,m]ᵀ·B[k,n].
    /// </summary>
    public static Variable<T> MatMul<T>(this Tape<T> tape, Variable<T> a, Variable<T> b, GemmForm form = GemmForm.NN)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (m, k) = form == GemmForm.TN ? (a.Cols, a.Rows) : (a.Rows, a.Cols);
        var (kb, n) = form == GemmForm.NT ? (b.Cols, b.Rows) : (b.Rows, b.Cols);
        if (k != kb)
            throw new ArgumentException($"MatMul {form}: inner dimensions differ, {a.Shape} and {b.Shape} give {k} and {kb}");
        var c = tape.NewOutput(m, n, a, b);
        Gemm.Multiply(form, m, n, k, a.Span, b.Span, c.Span, accumulate: false);
        tape.Record(new TapeNode<T>(Backward, c, a, b, integer: (int)form));
        return c;
    }

    static void Backward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var a = node.A!;
        var b = node.B!;
        var dc = node.Output.Grad!;
        int m = node.Output.Rows, n = node.Output.Cols;
        switch ((GemmForm)node.Integer)
        {
            case GemmForm.NN: // C = A·B, A[m,k], B[k,n]
            {
                int k = a.Cols;
                if (a.RequiresGrad) Gemm.Multiply(GemmForm.NT, m, k, n, dc.Span, b.Span, tape.GradOf(a).Span, true);   // dA += dC·Bᵀ
                if (b.RequiresGrad) Gemm.Multiply(GemmForm.TN, k, n, m, a.Span, dc.Span, tape.GradOf(b).Span, true);   // dB += Aᵀ·dC
                break;
            }
            case GemmForm.NT: // C = A·Bᵀ, A[m,k], B[n,k]
            {
                int k = a.Cols;
                if (a.RequiresGrad) Gemm.Multiply(GemmForm.NN, m, k, n, dc.Span, b.Span, tape.GradOf(a).Span, true);   // dA += dC·B
                if (b.RequiresGrad) Gemm.Multiply(GemmForm.TN, n, k, m, dc.Span, a.Span, tape.GradOf(b).Span, true);   // dB += dCᵀ·A
                break;
            }
            default: // TN: C = Aᵀ·B, A[k,m], B[k,n]
            {
                int k = a.Rows;
                if (a.RequiresGrad) Gemm.Multiply(GemmForm.NT, k, m, n, b.Span, dc.Span, tape.GradOf(a).Span, true);   // dA += B·dCᵀ
                if (b.RequiresGrad) Gemm.Multiply(GemmForm.NN, k, n, m, a.Span, dc.Span, tape.GradOf(b).Span, true);   // dB += A·dC
                break;
            }
        }
    }
}
