using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>4 rows × 2 Vector512 columns for products with at most four rows (after orienting), and for a last row panel of one to four rows: 8 chains still fill both FMA pipes, with a third of the padding waste of the 12-row kernel.</summary>
internal readonly struct GemmMicroKernel512Thin<T> : IGemmMicroKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public static int MR => 4;

    /// <inheritdoc/>
    public static int NR => 2 * Vector512<T>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: skip the slow unoptimised tier
    public static void Run(int kc, ref T a, nint rowStrideA, nint stepA, ref T b, nint stepB, ref T c, nint ldc, bool loadC)
    {
        nuint w = (nuint)Vector512<T>.Count;
        // Rows of A are reached from one base plus 0..3 strides, which x86 addressing folds into the broadcasts.
        nint rs1 = rowStrideA, rs2 = 2 * rowStrideA, rs3 = 3 * rowStrideA;
        nuint ld = (nuint)ldc;
        Vector512<T> c0a, c0b, c1a, c1b, c2a, c2b, c3a, c3b;
        if (loadC)
        {
            c0a = Vector512.LoadUnsafe(ref c); c0b = Vector512.LoadUnsafe(ref c, w);
            c1a = Vector512.LoadUnsafe(ref c, ld); c1b = Vector512.LoadUnsafe(ref c, ld + w);
            c2a = Vector512.LoadUnsafe(ref c, 2 * ld); c2b = Vector512.LoadUnsafe(ref c, 2 * ld + w);
            c3a = Vector512.LoadUnsafe(ref c, 3 * ld); c3b = Vector512.LoadUnsafe(ref c, 3 * ld + w);
        }
        else
        {
            c0a = Vector512<T>.Zero; c0b = Vector512<T>.Zero;
            c1a = Vector512<T>.Zero; c1b = Vector512<T>.Zero;
            c2a = Vector512<T>.Zero; c2b = Vector512<T>.Zero;
            c3a = Vector512<T>.Zero; c3b = Vector512<T>.Zero;
        }
        Vector512<T> x;
        for (int p = 0; p < kc; p++)
        {
            Vector512<T> b00 = Vector512.LoadUnsafe(ref b); Vector512<T> b01 = Vector512.LoadUnsafe(ref b, w);
            x = Vector512.Create(a); c0a = Fma(x, b00, c0a); c0b = Fma(x, b01, c0b);
            x = Vector512.Create(Unsafe.Add(ref a, rs1)); c1a = Fma(x, b00, c1a); c1b = Fma(x, b01, c1b);
            x = Vector512.Create(Unsafe.Add(ref a, rs2)); c2a = Fma(x, b00, c2a); c2b = Fma(x, b01, c2b);
            x = Vector512.Create(Unsafe.Add(ref a, rs3)); c3a = Fma(x, b00, c3a); c3b = Fma(x, b01, c3b);
            a = ref Unsafe.Add(ref a, stepA);
            b = ref Unsafe.Add(ref b, stepB);
        }
        c0a.StoreUnsafe(ref c); c0b.StoreUnsafe(ref c, w);
        c1a.StoreUnsafe(ref c, ld); c1b.StoreUnsafe(ref c, ld + w);
        c2a.StoreUnsafe(ref c, 2 * ld); c2b.StoreUnsafe(ref c, 2 * ld + w);
        c3a.StoreUnsafe(ref c, 3 * ld); c3b.StoreUnsafe(ref c, 3 * ld + w);
    }

    // One rounding per step, on every path: the determinism contract rests on this being a true FMA.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Fma(Vector512<T> x, Vector512<T> y, Vector512<T> acc)
    {
        if (typeof(T) == typeof(float))
            return Vector512.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), acc.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector512.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), acc.AsDouble()).As<double, T>();
        throw new NotSupportedException($"GemmMicroKernel512Thin supports float and double, not {typeof(T).Name}.");
    }
}
