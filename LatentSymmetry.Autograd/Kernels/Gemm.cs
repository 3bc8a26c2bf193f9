using System.Numerics;
using System.Runtime.Intrinsics;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>
/// Single-threaded matrix product over row-major spans in the three forms of <see cref="GemmForm"/>.
/// Every element of C is one sequential chain of fused multiply-adds over p = 0..k-1 (starting from 0,
/// or from C's value when accumulating), whatever the vector width, so all paths agree bit for bit.
/// </summary>
public static class Gemm
{
    /// <summary>
    /// The cache blocking in use, for profiles: a preset picked from the CPU at start-up (amd or intel),
    /// overridable with the environment variables LATSYM_GEMM_TUNING (a preset's name),
    /// LATSYM_GEMM_KC (k-block depth) and LATSYM_GEMM_PACK_A (0 or 1). It never changes the result's bits.
    /// </summary>
    public static string Tuning => GemmTuning.Current.Name;

    /// <summary>C = op(A)·op(B), or C += op(A)·op(B) when <paramref name="accumulate"/> is set.</summary>
    public static void Multiply<T>(GemmForm form, int m, int n, int k, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Multiply(GemmPath.Auto, form, m, n, k, a, b, c, accumulate);

    /// <summary>As the public overload, with the micro-kernel forced to <paramref name="path"/> (for tests and benchmarks).</summary>
    internal static void Multiply<T>(GemmPath path, GemmForm form, int m, int n, int k, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Multiply(path, form, m, n, k, a, b, c, accumulate, ReadOnlySpan<T>.Empty, relu: false);

    /// <summary>
    /// C = act(op(A)·op(B) + bias) with bias [n] added to every row and act ReLU or identity: a linear
    /// layer's forward pass. The bias and ReLU are applied to each tile of C as soon as it is final, while
    /// it is in L1, instead of in a second pass over C; the bits are those of <see cref="Multiply{T}(GemmForm, int, int, int, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, bool)"/>
    /// followed by that pass.
    /// </summary>
    internal static void MultiplyBiasActivation<T>(GemmPath path, GemmForm form, int m, int n, int k, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c,
        ReadOnlySpan<T> bias, bool relu)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (bias.Length != n)
            throw new ArgumentException($"GEMM {form} with n={n}: the bias needs {n} elements, but the span has {bias.Length}.", nameof(bias));
        Multiply(path, form, m, n, k, a, b, c, accumulate: false, bias, relu);
    }

    private static void Multiply<T>(GemmPath path, GemmForm form, int m, int n, int k, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate,
        ReadOnlySpan<T> bias, bool relu)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckSizes(form, m, n, k, a.Length, b.Length, c.Length);
        if (m == 0 || n == 0)
            return;
        if (k == 0)
        {
            // An empty chain leaves its starting value: zero, or C itself when accumulating.
            if (!accumulate)
                c[..(m * n)].Clear();
            if (!bias.IsEmpty)
                BiasActivationKernels.Forward(c, m, n, bias, relu);
            return;
        }

        switch (ResolvePath<T>(path))
        {
            case GemmPath.Vector512:
                // The AVX2 path's matrix-vector kernels beat the 12-row tiles here too (on Zen 5, 2x for NT 384x1x128,
                // 1.6x for TN 1x128x384, 1.3x for NN 384x128x1), with the same bits.
                if (GemmMatrixVector256.TryRun(form, m, n, k, a, b, c, accumulate, bias, relu))
                    break;
                // Rows left over below 12 (all of them when m or n is 4 or less) go to an 8- or 4-row tile,
                // which wastes less of its zero padding.
                GemmPacked.Run<T, GemmMicroKernel512<T>, GemmMicroKernel512Rows8<T>, GemmMicroKernel512Thin<T>>(form, m, n, k, a, b, c, accumulate, bias, relu);
                break;
            case GemmPath.Vector256:
                // One row or column of C, or k = 1, would fill a sixth of each 6-row tile: vector kernels of their own.
                if (!GemmMatrixVector256.TryRun(form, m, n, k, a, b, c, accumulate, bias, relu))
                    GemmPacked.Run<T, GemmMicroKernel256<T>>(form, m, n, k, a, b, c, accumulate, bias, relu);
                break;
            case GemmPath.Vector128:
                GemmPacked.Run<T, GemmMicroKernel128<T>>(form, m, n, k, a, b, c, accumulate, bias, relu);
                break;
            default:
                GemmPacked.Run<T, GemmMicroKernelScalar<T>>(form, m, n, k, a, b, c, accumulate, bias, relu);
                break;
        }
    }

    /// <summary>
    /// The path <see cref="Multiply{T}(GemmPath, GemmForm, int, int, int, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, bool)"/>
    /// actually takes for <paramref name="requested"/>: the requested width, or the next narrower one the
    /// hardware accelerates; always scalar for element types other than float and double.
    /// </summary>
    internal static GemmPath ResolvePath<T>(GemmPath requested)
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
            return GemmPath.Scalar;
        GemmPath path = requested == GemmPath.Auto ? GemmPath.Vector512 : requested;
        if (path == GemmPath.Vector512 && !Vector512.IsHardwareAccelerated)
            path = GemmPath.Vector256;
        if (path == GemmPath.Vector256 && !Vector256.IsHardwareAccelerated)
            path = GemmPath.Vector128;
        if (path == GemmPath.Vector128 && !Vector128.IsHardwareAccelerated)
            path = GemmPath.Scalar;
        return path;
    }

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

    private static void CheckSizes(GemmForm form, int m, int n, int k, int aLength, int bLength, int cLength)
    {
        if (m < 0 || n < 0 || k < 0)
            throw new ArgumentOutOfRangeException(nameof(m), $"GEMM sizes must be non-negative, got m={m}, n={n}, k={k}.");
        if ((uint)form > (uint)GemmForm.TN)
            throw new ArgumentOutOfRangeException(nameof(form), $"GEMM form {(int)form} is not NN, NT or TN.");
        // Shapes are spelled out only when throwing, so the checks allocate nothing on the hot path.
        if ((long)m * k > aLength || (long)k * n > bLength || (long)m * n > cLength)
        {
            (string parameter, string shape, long needed, int length) =
                (long)m * k > aLength ? ("a", form == GemmForm.TN ? $"A[k={k}, m={m}]" : $"A[m={m}, k={k}]", (long)m * k, aLength)
                : (long)k * n > bLength ? ("b", form == GemmForm.NT ? $"B[n={n}, k={k}]" : $"B[k={k}, n={n}]", (long)k * n, bLength)
                : ("c", $"C[m={m}, n={n}]", (long)m * n, cLength);
            throw new ArgumentException($"GEMM {form} with m={m}, n={n}, k={k}: {shape} needs {needed} elements, but the span has {length}.", parameter);
        }
    }
}
