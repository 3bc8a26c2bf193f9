using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>8 rows × 2 Vector512 columns for a last row panel of five to eight rows: 16 chains keep both FMA pipes busy where a 12-row tile would be a third padding.</summary>
internal readonly struct GemmMicroKernel512Rows8<T> : IGemmMicroKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public static int MR => 8;

    /// <inheritdoc/>
    public static int NR => 2 * Vector512<T>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: skip the slow unoptimised tier
    public static void Run(int kc, ref T a, nint rowStrideA, nint stepA, ref T b, nint stepB, ref T c, nint ldc, bool loadC)
    {
        nuint w = (nuint)Vector512<T>.Count;
        // Rows of A are reached from two bases (rows 0, 4) plus 0..3 strides, which x86 addressing folds into the broadcasts.
        nint rs1 = rowStrideA, rs2 = 2 * rowStrideA, rs3 = 3 * rowStrideA;
        ref T a4 = ref Unsafe.Add(ref a, 4 * rowStrideA);
        nuint ld = (nuint)ldc;
        Vector512<T> c0a, c0b, c1a, c1b, c2a, c2b, c3a, c3b, c4a, c4b, c5a, c5b, c6a, c6b, c7a, c7b;
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
        c6a.StoreUnsafe(ref c, 6 * ld); c6b.StoreUnsafe(ref c, 6 * ld + w);
        c7a.StoreUnsafe(ref c, 7 * ld); c7b.StoreUnsafe(ref c, 7 * ld + w);
    }

    // One rounding per step, on every path: the determinism contract rests on this being a true FMA.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma(Vector512<T> x, Vector512<T> y, Vector512<T> acc)
    {
        if (typeof(T) == typeof(float))
            return Vector512.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), acc.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector512.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), acc.AsDouble()).As<double, T>();
        throw new NotSupportedException($"GemmMicroKernel512Rows8 supports float and double, not {typeof(T).Name}.");
    }
}
