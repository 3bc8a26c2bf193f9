using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>6 rows × 2 Vector256 columns (12 accumulators fit AVX2's 16 registers with the B row and a broadcast).</summary>
internal readonly struct GemmMicroKernel256<T> : IGemmMicroKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public static int MR => 6;

    /// <inheritdoc/>
    public static int NR => 2 * Vector256<T>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: skip the slow unoptimised tier
    public static void Run(int kc, ref T a, nint rowStrideA, nint stepA, ref T b, nint stepB, ref T c, nint ldc, bool loadC)
    {
        nuint w = (nuint)Vector256<T>.Count;
        // Rows of A are reached from three bases (rows 0, 4, 8) plus 0..3 strides, which x86 addressing folds into the broadcasts.
        nint rs1 = rowStrideA, rs2 = 2 * rowStrideA, rs3 = 3 * rowStrideA;
        ref T a4 = ref Unsafe.Add(ref a, 4 * rowStrideA);
        nuint ld = (nuint)ldc;
        Vector256<T> c0a, c0b, c1a, c1b, c2a, c2b, c3a, c3b, c4a, c4b, c5a, c5b;
        if (loadC)
        {
            c0a = Vector256.LoadUnsafe(ref c); c0b = Vector256.LoadUnsafe(ref c, w);
            c1a = Vector256.LoadUnsafe(ref c, ld); c1b = Vector256.LoadUnsafe(ref c, ld + w);
            c2a = Vector256.LoadUnsafe(ref c, 2 * ld); c2b = Vector256.LoadUnsafe(ref c, 2 * ld + w);
            c3a = Vector256.LoadUnsafe(ref c, 3 * ld); c3b = Vector256.LoadUnsafe(ref c, 3 * ld + w);
            c4a = Vector256.LoadUnsafe(ref c, 4 * ld); c4b = Vector256.LoadUnsafe(ref c, 4 * ld + w);
            c5a = Vector256.LoadUnsafe(ref c, 5 * ld); c5b = Vector256.LoadUnsafe(ref c, 5 * ld + w);
        }
        else
        {
            c0a = Vector256<T>.Zero; c0b = Vector256<T>.Zero;
            c1a = Vector256<T>.Zero; c1b = Vector256<T>.Zero;
            c2a = Vector256<T>.Zero; c2b = Vector256<T>.Zero;
            c3a = Vector256<T>.Zero; c3b = Vector256<T>.Zero;
            c4a = Vector256<T>.Zero; c4b = Vector256<T>.Zero;
            c5a = Vector256<T>.Zero; c5b = Vector256<T>.Zero;
        }
        Vector256<T> x;
        for (int p = 0; p < kc; p++)
        {
            Vector256<T> b00 = Vector256.LoadUnsafe(ref b); Vector256<T> b01 = Vector256.LoadUnsafe(ref b, w);
            x = Vector256.Create(a); c0a = Fma(x, b00, c0a); c0b = Fma(x, b01, c0b);
            x = Vector256.Create(Unsafe.Add(ref a, rs1)); c1a = Fma(x, b00, c1a); c1b = Fma(x, b01, c1b);
            x = Vector256.Create(Unsafe.Add(ref a, rs2)); c2a = Fma(x, b00, c2a); c2b = Fma(x, b01, c2b);
            x = Vector256.Create(Unsafe.Add(ref a, rs3)); c3a = Fma(x, b00, c3a); c3b = Fma(x, b01, c3b);
            x = Vector256.Create(a4); c4a = Fma(x, b00, c4a); c4b = Fma(x, b01, c4b);
            x = Vector256.Create(Unsafe.Add(ref a4, rs1)); c5a = Fma(x, b00, c5a); c5b = Fma(x, b01, c5b);
            a = ref Unsafe.Add(ref a, stepA);
            a4 = ref Unsafe.Add(ref a4, stepA);
            b = ref Unsafe.Add(ref b, stepB);
        }
        c0a.StoreUnsafe(ref c); c0b.StoreUnsafe(ref c, w);
        c1a.StoreUnsafe(ref c, ld); c1b.StoreUnsafe(ref c, ld + w);
        c2a.StoreUnsafe(ref c, 2 * ld); c2b.StoreUnsafe(ref c, 2 * ld + w);
        c3a.StoreUnsafe(ref c, 3 * ld); c3b.StoreUnsafe(ref c, 3 * ld + w);
        c4a.StoreUnsafe(ref c, 4 * ld); c4b.StoreUnsafe(ref c, 4 * ld + w);
        c5a.StoreUnsafe(ref c, 5 * ld); c5b.StoreUnsafe(ref c, 5 * ld + w);
    }

    // One rounding per step, on every path: the determinism contract rests on this being a true FMA.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma(Vector256<T> x, Vector256<T> y, Vector256<T> acc)
    {
        if (typeof(T) == typeof(float))
            return Vector256.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), acc.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector256.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), acc.AsDouble()).As<double, T>();
        throw new NotSupportedException($"GemmMicroKernel256 supports float and double, not {typeof(T).Name}.");
    }
}
