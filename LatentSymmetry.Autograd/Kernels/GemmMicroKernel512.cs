using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>12 rows × 2 Vector512 columns (two FMA pipes, 4-cycle latency: 24 independent chains, AVX-512's 32 registers hold them).</summary>
internal readonly struct GemmMicroKernel512<T> : IGemmMicroKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public static int MR => 12;

    /// <inheritdoc/>
    public static int NR => 2 * Vector512<T>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: skip the slow unoptimised tier
    public static void Run(int kc, ref T a, nint rowStrideA, nint stepA, ref T b, nint stepB, ref T c, nint ldc, bool loadC)
    {
        nuint w = (nuint)Vector512<T>.Count;
        // Rows of A are reached from three bases (rows 0, 4, 8) plus 0..3 strides, which x86 addressing folds into the broadcasts.
        nint rs1 = rowStrideA, rs2 = 2 * rowStrideA, rs3 = 3 * rowStrideA;
        ref T a4 = ref Unsafe.Add(ref a, 4 * rowStrideA);
        ref T a8 = ref Unsafe.Add(ref a, 8 * rowStrideA);
        nuint ld = (nuint)ldc;
        Vector512<T> c0a, c0b, c1a, c1b, c2a, c2b, c3a, c3b, c4a, c4b, c5a, c5b, c6a, c6b, c7a, c7b, c8a, c8b, c9a, c9b, c10a, c10b, c11a, c11b;
        if (loadC)
        {
            c0a = Vector512.LoadUnsafe(ref c); c0b = Vector512.LoadUnsafe(ref c, w);
            c1a = Vector512.LoadUnsafe(ref c, ld); c1b = Vector512.LoadUnsafe(ref c, ld + w);
            c2a = Vector512.LoadUnsafe(ref c, 2 * ld); c2b = Vector512.LoadUnsafe(ref c, 2 * ld + w);
            c3a = Vector512.LoadUnsafe(ref c, 3 * ld); c3b = Vector512.LoadUnsafe(ref c, 3 * ld + w);
            c4a = Vector512.LoadUnsafe(ref c, 4 * ld); c4b = Vector512.LoadUnsafe(ref c, 4 * ld + w);
            c5a = Vector512.LoadUnsafe(ref c, 5 * ld); c5b = Vector512.LoadUnsafe(ref c, 5 * ld + w);
            c6a = Vector512.LoadUnsafe(ref c, 6 * ld); c6b = Vector512.LoadUnsafe(ref c, 6 * ld + w);
            c7a = Vector512.LoadUnsafe(ref c, 7 * ld); c7b = Vector512.LoadUnsafe(ref c, 7 * ld + w);
            c8a = Vector512.LoadUnsafe(ref c, 8 * ld); c8b = Vector512.LoadUnsafe(ref c, 8 * ld + w);
            c9a = Vector512.LoadUnsafe(ref c, 9 * ld); c9b = Vector512.LoadUnsafe(ref c, 9 * ld + w);
            c10a = Vector512.LoadUnsafe(ref c, 10 * ld); c10b = Vector512.LoadUnsafe(ref c, 10 * ld + w);
            c11a = Vector512.LoadUnsafe(ref c, 11 * ld); c11b = Vector512.LoadUnsafe(ref c, 11 * ld + w);
        }
        else
        {
            c0a = Vector512<T>.Zero; c0b = Vector512<T>.Zero;
            c1a = Vector512<T>.Zero; c1b = Vector512<T>.Zero;
            c2a = Vector512<T>.Zero; c2b = Vector512<T>.Zero;
            c3a = Vector512<T>.Zero; c3b = Vector512<T>.Zero;
            c4a = Vector512<T>.Zero; c4b = Vector512<T>.Zero;
            c5a = Vector512<T>.Zero; c5b = Vector512<T>.Zero;
            c6a = Vector512<T>.Zero; c6b = Vector512<T>.Zero;
            c7a = Vector512<T>.Zero; c7b = Vector512<T>.Zero;
            c8a = Vector512<T>.Zero; c8b = Vector512<T>.Zero;
            c9a = Vector512<T>.Zero; c9b = Vector512<T>.Zero;
            c10a = Vector512<T>.Zero; c10b = Vector512<T>.Zero;
            c11a = Vector512<T>.Zero; c11b = Vector512<T>.Zero;
        }
        Vector512<T> x;
        for (int p = 0; p < kc; p++)
        {
            Vector512<T> b00 = Vector512.LoadUnsafe(ref b); Vector512<T> b01 = Vector512.LoadUnsafe(ref b, w);
            x = Vector512.Create(a); c0a = Fma(x, b00, c0a); c0b = Fma(x, b01, c0b);
            x = Vector512.Create(Unsafe.Add(ref a, rs1)); c1a = Fma(x, b00, c1a); c1b = Fma(x, b01, c1b);
            x = Vector512.Create(Unsafe.Add(ref a, rs2)); c2a = Fma(x, b00, c2a); c2b = Fma(x, b01, c2b);
            x = Vector512.Create(Unsafe.Add(ref a, rs3)); c3a = Fma(x, b00, c3a); c3b = Fma(x, b01, c3b);
            x = Vector512.Create(a4); c4a = Fma(x, b00, c4a); c4b = Fma(x, b01, c4b);
            x = Vector512.Create(Unsafe.Add(ref a4, rs1)); c5a = Fma(x, b00, c5a); c5b = Fma(x, b01, c5b);
            x = Vector512.Create(Unsafe.Add(ref a4, rs2)); c6a = Fma(x, b00, c6a); c6b = Fma(x, b01, c6b);
            x = Vector512.Create(Unsafe.Add(ref a4, rs3)); c7a = Fma(x, b00, c7a); c7b = Fma(x, b01, c7b);
            x = Vector512.Create(a8); c8a = Fma(x, b00, c8a); c8b = Fma(x, b01, c8b);
            x = Vector512.Create(Unsafe.Add(ref a8, rs1)); c9a = Fma(x, b00, c9a); c9b = Fma(x, b01, c9b);
            x = Vector512.Create(Unsafe.Add(ref a8, rs2)); c10a = Fma(x, b00, c10a); c10b = Fma(x, b01, c10b);
            x = Vector512.Create(Unsafe.Add(ref a8, rs3)); c11a = Fma(x, b00, c11a); c11b = Fma(x, b01, c11b);
            a = ref Unsafe.Add(ref a, stepA);
            a4 = ref Unsafe.Add(ref a4, stepA);
            a8 = ref Unsafe.Add(ref a8, stepA);
            b = ref Unsafe.Add(ref b, stepB);
        }
        c0a.StoreUnsafe(ref c); c0b.StoreUnsafe(ref c, w);
        c1a.StoreUnsafe(ref c, ld); c1b.StoreUnsafe(ref c, ld + w);
        c2a.StoreUnsafe(ref c, 2 * ld); c2b.StoreUnsafe(ref c, 2 * ld + w);
        c3a.StoreUnsafe(ref c, 3 * ld); c3b.StoreUnsafe(ref c, 3 * ld + w);
        c4a.StoreUnsafe(ref c, 4 * ld); c4b.StoreUnsafe(ref c, 4 * ld + w);
        c5a.StoreUnsafe(ref c, 5 * ld); c5b.StoreUnsafe(ref c, 5 * ld + w);
        c6a.StoreUnsafe(ref c, 6 * ld); c6b.StoreUnsafe(ref c, 6 * ld + w);
        c7a.StoreUnsafe(ref c, 7 * ld); c7b.StoreUnsafe(ref c, 7 * ld + w);
        c8a.StoreUnsafe(ref c, 8 * ld); c8b.StoreUnsafe(ref c, 8 * ld + w);
        c9a.StoreUnsafe(ref c, 9 * ld); c9b.StoreUnsafe(ref c, 9 * ld + w);
        c10a.StoreUnsafe(ref c, 10 * ld); c10b.StoreUnsafe(ref c, 10 * ld + w);
        c11a.StoreUnsafe(ref c, 11 * ld); c11b.StoreUnsafe(ref c, 11 * ld + w);
    }

    // One rounding per step, on every path: the determinism contract rests on this being a true FMA.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma(Vector512<T> x, Vector512<T> y, Vector512<T> acc)
    {
        if (typeof(T) == typeof(float))
            return Vector512.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), acc.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector512.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), acc.AsDouble()).As<double, T>();
        throw new NotSupportedException($"GemmMicroKernel512 supports float and double, not {typeof(T).Name}.");
    }
}
