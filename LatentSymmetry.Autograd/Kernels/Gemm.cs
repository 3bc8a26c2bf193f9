using System.Numerics;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>
/// Single-threaded matrix product over row-major spans in the three forms of <see cref="GemmForm"/>.
/// Every element of C is one sequential chain of fused multiply-adds over p = 0..k-1 (starting from 0,
/// or from C's value when accumulating), whatever the vector width, so all paths agree bit for bit.
/// </summary>
public static class Gemm
{
    /// <summary>C = op(A)·op(B), or C += op(A)·op(B) when <paramref name="accumulate"/> is set.</summary>
    public static void Multiply<T>(GemmForm form, int m, int n, int k, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Reference(form, m, n, k, a, b, c, accumulate);

    /// <summary>The naive triple loop the optimised kernels are tested against.</summary>
    public static void Reference<T>(GemmForm form, int m, int n, int k, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                T acc = accumulate ? c[i * n + j] : T.Zero;
                for (int p = 0; p < k; p++)
                {
                    T x = form == GemmForm.TN ? a[p * m + i] : a[i * k + p];
                    T y = form == GemmForm.NT ? b[j * k + p] : b[p * n + j];
                    acc = T.FusedMultiplyAdd(x, y, acc);
                }
                c[i * n + j] = acc;
            }
    }
}
