using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>
/// The products, on the AVX2 and AVX-512 paths, with one row or one column of C (a matrix-vector product: an output layer of
/// width 1 and its weight gradient) or with k = 1 (an outer product: that layer's input gradient). In the
/// blocked GEMM these fill one row of a 4- to 12-row tile and spend most of the time on padding, tile calls
/// and packing. Here every element of C is still one sequential chain of fused multiply-adds over p = 0..k-1,
/// starting from 0 or from C, so the bits are those of <see cref="GemmPacked"/>; only the vectorisation
/// differs: along C's row when the matrix's rows run along it, else across 8 dot products at once, whose
/// operands an in-register transpose (8 rows × 4 steps) lines up lane by lane (never splitting one dot product into lanes).
/// </summary>
internal static class GemmMatrixVector256
{
    /// <summary>
    /// Runs C (+)= op(A)·op(B) (then the bias and activation pass) when it is one of the shapes above and this
    /// class has a kernel for <typeparamref name="T"/>; returns false, having touched nothing, otherwise.
    /// Sizes are already checked and non-zero.
    /// </summary>
    public static bool TryRun<T>(GemmForm form, int m, int n, int k, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate,
        ReadOnlySpan<T> bias, bool relu)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T a0 = ref MemoryMarshal.GetReference(a);
        ref T b0 = ref MemoryMarshal.GetReference(b);
        ref T c0 = ref MemoryMarshal.GetReference(c);
        if (k == 1)
            // op(A) is a column and op(B) a row, both contiguous in every form (their strides are k or 1).
            Outer(m, n, ref a0, ref b0, ref c0, accumulate);
        else if (m == 1 && form != GemmForm.NT)
            // c[j] = Σp a[p]·b[p·n + j]: B's rows run along C.
            AlongRows(n, k, ref a0, ref b0, n, ref c0, accumulate);
        else if (n == 1 && form == GemmForm.TN)
            // c[i] = Σp a[p·m + i]·b[p]: A's stored rows run along C.
            AlongRows(m, k, ref b0, ref a0, m, ref c0, accumulate);
        else if (typeof(T) == typeof(float) && Avx.IsSupported && (m == 1 || n == 1))
        {
            // c[i] = Σp M[i, p]·x[p] with M's rows contiguous in p: A's rows (NN, NT with n = 1) or B's (NT with m = 1).
            bool rowsOfA = n == 1;
            Dots(rowsOfA ? m : n, k, ref Unsafe.As<T, float>(ref rowsOfA ? ref a0 : ref b0), k,
                ref Unsafe.As<T, float>(ref rowsOfA ? ref b0 : ref a0), ref Unsafe.As<T, float>(ref c0), accumulate);
        }
        else
            return false;
        // The pass the blocked GEMM runs after a transposed product; tile by tile it is the same operations.
        if (!bias.IsEmpty)
            BiasActivationKernels.Forward(c, m, n, bias, relu);
        return true;
    }

    /// <summary>c[i·n + j] = fma(x[i], y[j], 0 or c[i·n + j]): every element is a chain of one step.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Outer<T>(int m, int n, ref T x, ref T y, ref T c, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = Vector256<T>.Count;
        for (int i = 0; i < m; i++)
        {
            T xi = Unsafe.Add(ref x, i);
            Vector256<T> xv = Vector256.Create(xi);
            ref T row = ref Unsafe.Add(ref c, (nint)i * n);
            int j = 0;
            for (; j <= n - w; j += w)
            {
                Vector256<T> start = accumulate ? Vector256.LoadUnsafe(ref row, (nuint)j) : Vector256<T>.Zero;
                Fma(xv, Vector256.LoadUnsafe(ref y, (nuint)j), start).StoreUnsafe(ref row, (nuint)j);
            }
            for (; j < n; j++)
                Unsafe.Add(ref row, j) = T.FusedMultiplyAdd(xi, Unsafe.Add(ref y, j), accumulate ? Unsafe.Add(ref row, j) : T.Zero);
        }
    }

    /// <summary>
    /// c[j] (+)= Σp x[p]·mat[p·stride + j] for j &lt; <paramref name="cols"/>, p in order. Eight vectors of C at a
    /// time, so that eight independent chains cover the FMA latency; each row of the matrix is read once.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AlongRows<T>(int cols, int k, ref T x, ref T mat, nint stride, ref T c, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = Vector256<T>.Count;
        nuint w1 = (nuint)w, w2 = 2 * w1, w3 = 3 * w1, w4 = 4 * w1, w5 = 5 * w1, w6 = 6 * w1, w7 = 7 * w1;
        int j = 0;
        for (; j <= cols - 8 * w; j += 8 * w)
        {
            ref T cj = ref Unsafe.Add(ref c, j);
            Vector256<T> s0, s1, s2, s3, s4, s5, s6, s7;
            if (accumulate)
            {
                s0 = Vector256.LoadUnsafe(ref cj); s1 = Vector256.LoadUnsafe(ref cj, w1);
                s2 = Vector256.LoadUnsafe(ref cj, w2); s3 = Vector256.LoadUnsafe(ref cj, w3);
                s4 = Vector256.LoadUnsafe(ref cj, w4); s5 = Vector256.LoadUnsafe(ref cj, w5);
                s6 = Vector256.LoadUnsafe(ref cj, w6); s7 = Vector256.LoadUnsafe(ref cj, w7);
            }
            else
                s0 = s1 = s2 = s3 = s4 = s5 = s6 = s7 = Vector256<T>.Zero;
            ref T row = ref Unsafe.Add(ref mat, j);
            for (int p = 0; p < k; p++)
            {
                Vector256<T> xp = Vector256.Create(Unsafe.Add(ref x, p));
                s0 = Fma(xp, Vector256.LoadUnsafe(ref row), s0); s1 = Fma(xp, Vector256.LoadUnsafe(ref row, w1), s1);
                s2 = Fma(xp, Vector256.LoadUnsafe(ref row, w2), s2); s3 = Fma(xp, Vector256.LoadUnsafe(ref row, w3), s3);
                s4 = Fma(xp, Vector256.LoadUnsafe(ref row, w4), s4); s5 = Fma(xp, Vector256.LoadUnsafe(ref row, w5), s5);
                s6 = Fma(xp, Vector256.LoadUnsafe(ref row, w6), s6); s7 = Fma(xp, Vector256.LoadUnsafe(ref row, w7), s7);
                row = ref Unsafe.Add(ref row, stride);
            }
            s0.StoreUnsafe(ref cj); s1.StoreUnsafe(ref cj, w1); s2.StoreUnsafe(ref cj, w2); s3.StoreUnsafe(ref cj, w3);
            s4.StoreUnsafe(ref cj, w4); s5.StoreUnsafe(ref cj, w5); s6.StoreUnsafe(ref cj, w6); s7.StoreUnsafe(ref cj, w7);
        }
        // Fewer than eight vectors left: two chains at a time, then one.
        for (; j <= cols - 2 * w; j += 2 * w)
        {
            ref T cj = ref Unsafe.Add(ref c, j);
            Vector256<T> s0 = accumulate ? Vector256.LoadUnsafe(ref cj) : Vector256<T>.Zero;
            Vector256<T> s1 = accumulate ? Vector256.LoadUnsafe(ref cj, w1) : Vector256<T>.Zero;
            ref T row = ref Unsafe.Add(ref mat, j);
            for (int p = 0; p < k; p++)
            {
                Vector256<T> xp = Vector256.Create(Unsafe.Add(ref x, p));
                s0 = Fma(xp, Vector256.LoadUnsafe(ref row), s0);
                s1 = Fma(xp, Vector256.LoadUnsafe(ref row, w1), s1);
                row = ref Unsafe.Add(ref row, stride);
            }
            s0.StoreUnsafe(ref cj); s1.StoreUnsafe(ref cj, w1);
        }
        for (; j <= cols - w; j += w)
        {
            ref T cj = ref Unsafe.Add(ref c, j);
            Vector256<T> s0 = accumulate ? Vector256.LoadUnsafe(ref cj) : Vector256<T>.Zero;
            ref T row = ref Unsafe.Add(ref mat, j);
            for (int p = 0; p < k; p++)
            {
                s0 = Fma(Vector256.Create(Unsafe.Add(ref x, p)), Vector256.LoadUnsafe(ref row), s0);
                row = ref Unsafe.Add(ref row, stride);
            }
            s0.StoreUnsafe(ref cj);
        }
        for (; j < cols; j++)
        {
            T s = accumulate ? Unsafe.Add(ref c, j) : T.Zero;
            for (int p = 0; p < k; p++)
                s = T.FusedMultiplyAdd(Unsafe.Add(ref x, p), Unsafe.Add(ref mat, p * stride + j), s);
            Unsafe.Add(ref c, j) = s;
        }
    }

    /// <summary>
    /// c[i] (+)= Σp mat[i·stride + p]·x[p] for i &lt; <paramref name="rows"/>, p in order: a dot product per row, with
    /// the rows' elements contiguous. Lane r of a vector carries row r's chain: eight rows × four p are loaded and
    /// transposed in registers, then the eight columns go through eight FMAs with x[p] broadcast, in order of p.
    /// Four such groups (32 rows) run side by side so that their chains cover the FMA latency.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dots(int rows, int k, ref float mat, nint stride, ref float x, ref float c, bool accumulate)
    {
        nint s8 = 8 * stride;
        int i = 0;
        for (; i <= rows - 32; i += 32)
        {
            ref float m0 = ref Unsafe.Add(ref mat, i * stride);
            ref float m1 = ref Unsafe.Add(ref m0, s8);
            ref float m2 = ref Unsafe.Add(ref m1, s8);
            ref float m3 = ref Unsafe.Add(ref m2, s8);
            ref float ci = ref Unsafe.Add(ref c, i);
            Vector256<float> s0 = accumulate ? Vector256.LoadUnsafe(ref ci) : Vector256<float>.Zero;
            Vector256<float> s1 = accumulate ? Vector256.LoadUnsafe(ref ci, 8) : Vector256<float>.Zero;
            Vector256<float> s2 = accumulate ? Vector256.LoadUnsafe(ref ci, 16) : Vector256<float>.Zero;
            Vector256<float> s3 = accumulate ? Vector256.LoadUnsafe(ref ci, 24) : Vector256<float>.Zero;
            int p = 0;
            // Four steps at a time rather than eight: the JIT keeps x's broadcasts in registers across the groups,
            // and four of them leave room for the transposes without spilling.
            for (; p <= k - 4; p += 4)
            {
                ref float xp = ref Unsafe.Add(ref x, p);
                s0 = FourSteps(ref Unsafe.Add(ref m0, p), stride, ref xp, s0);
                s1 = FourSteps(ref Unsafe.Add(ref m1, p), stride, ref xp, s1);
                s2 = FourSteps(ref Unsafe.Add(ref m2, p), stride, ref xp, s2);
                s3 = FourSteps(ref Unsafe.Add(ref m3, p), stride, ref xp, s3);
            }
            for (; p < k; p++)
            {
                Vector256<float> xp = Vector256.Create(Unsafe.Add(ref x, p));
                s0 = Fma(Column(ref Unsafe.Add(ref m0, p), stride), xp, s0);
                s1 = Fma(Column(ref Unsafe.Add(ref m1, p), stride), xp, s1);
                s2 = Fma(Column(ref Unsafe.Add(ref m2, p), stride), xp, s2);
                s3 = Fma(Column(ref Unsafe.Add(ref m3, p), stride), xp, s3);
            }
            s0.StoreUnsafe(ref ci); s1.StoreUnsafe(ref ci, 8); s2.StoreUnsafe(ref ci, 16); s3.StoreUnsafe(ref ci, 24);
        }
        for (; i <= rows - 8; i += 8)
        {
            ref float m0 = ref Unsafe.Add(ref mat, i * stride);
            ref float ci = ref Unsafe.Add(ref c, i);
            Vector256<float> s0 = accumulate ? Vector256.LoadUnsafe(ref ci) : Vector256<float>.Zero;
            int p = 0;
            for (; p <= k - 4; p += 4)
                s0 = FourSteps(ref Unsafe.Add(ref m0, p), stride, ref Unsafe.Add(ref x, p), s0);
            for (; p < k; p++)
                s0 = Fma(Column(ref Unsafe.Add(ref m0, p), stride), Vector256.Create(Unsafe.Add(ref x, p)), s0);
            s0.StoreUnsafe(ref ci);
        }
        for (; i < rows; i++)
        {
            ref float mi = ref Unsafe.Add(ref mat, i * stride);
            float s = accumulate ? Unsafe.Add(ref c, i) : 0f;
            for (int p = 0; p < k; p++)
                s = MathF.FusedMultiplyAdd(Unsafe.Add(ref mi, p), Unsafe.Add(ref x, p), s);
            Unsafe.Add(ref c, i) = s;
        }
    }

    // Four steps p..p+3 of the chains of rows 0..7 (row r at m[r·stride]). Each 128-bit half of the loads holds a
    // 4×4 block (rows 0-3 below, 4-7 above, so no shuffle crosses the halves); two rounds of in-lane unpacks
    // transpose both blocks at once, giving column q = (m[0..7][p + q]) in row order, which go through the chain in order of p.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> FourSteps(ref float m, nint stride, ref float x, Vector256<float> s)
    {
        ref float r4 = ref Unsafe.Add(ref m, 4 * stride);
        Vector256<float> t0 = Vector256.Create(Vector128.LoadUnsafe(ref m), Vector128.LoadUnsafe(ref r4));
        Vector256<float> t1 = Vector256.Create(Vector128.LoadUnsafe(ref m, (nuint)stride), Vector128.LoadUnsafe(ref r4, (nuint)stride));
        Vector256<float> t2 = Vector256.Create(Vector128.LoadUnsafe(ref m, (nuint)(2 * stride)), Vector128.LoadUnsafe(ref r4, (nuint)(2 * stride)));
        Vector256<float> t3 = Vector256.Create(Vector128.LoadUnsafe(ref m, (nuint)(3 * stride)), Vector128.LoadUnsafe(ref r4, (nuint)(3 * stride)));
        Vector256<double> u0 = Avx.UnpackLow(t0, t1).AsDouble(), u1 = Avx.UnpackHigh(t0, t1).AsDouble();
        Vector256<double> u2 = Avx.UnpackLow(t2, t3).AsDouble(), u3 = Avx.UnpackHigh(t2, t3).AsDouble();
        s = Fma(Avx.UnpackLow(u0, u2).AsSingle(), Vector256.Create(x), s);
        s = Fma(Avx.UnpackHigh(u0, u2).AsSingle(), Vector256.Create(Unsafe.Add(ref x, 1)), s);
        s = Fma(Avx.UnpackLow(u1, u3).AsSingle(), Vector256.Create(Unsafe.Add(ref x, 2)), s);
        return Fma(Avx.UnpackHigh(u1, u3).AsSingle(), Vector256.Create(Unsafe.Add(ref x, 3)), s);
    }

    // Element p of rows 0..7, for the last k mod 4 steps.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Column(ref float m, nint stride) => Vector256.Create(
        m, Unsafe.Add(ref m, stride), Unsafe.Add(ref m, 2 * stride), Unsafe.Add(ref m, 3 * stride),
        Unsafe.Add(ref m, 4 * stride), Unsafe.Add(ref m, 5 * stride), Unsafe.Add(ref m, 6 * stride), Unsafe.Add(ref m, 7 * stride));

    // One rounding per step, as the micro-kernels: the determinism contract rests on this being a true FMA.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma<T>(Vector256<T> x, Vector256<T> y, Vector256<T> acc)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
            return Vector256.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), acc.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector256.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), acc.AsDouble()).As<double, T>();
        throw new NotSupportedException($"GemmMatrixVector256 supports float and double, not {typeof(T).Name}.");
    }
}
