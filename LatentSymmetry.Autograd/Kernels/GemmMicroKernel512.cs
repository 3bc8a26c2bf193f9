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
        => Tile<PlainStore>(kc, ref a, rowStrideA, stepA, ref b, stepB, ref c, ldc, loadC, ref Unsafe.NullRef<T>(), relu: false);

    /// <inheritdoc/>
    public static bool FusesBiasActivation => true;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RunBiasActivation(int kc, ref T a, nint rowStrideA, nint stepA, ref T b, nint stepB, ref T c, nint ldc, bool loadC, ref T bias, bool relu)
        => Tile<BiasStore>(kc, ref a, rowStrideA, stepA, ref b, stepB, ref c, ldc, loadC, ref bias, relu);

    // How a finished tile is stored: as is, or with the bias (and ReLU) epilogue. A struct type argument, so the
    // JIT compiles the tile once per mode and the plain store carries no trace of the epilogue.
    private interface IStoreMode { static abstract bool AddsBias { get; } }
    private readonly struct PlainStore : IStoreMode { public static bool AddsBias => false; }
    private readonly struct BiasStore : IStoreMode { public static bool AddsBias => true; }

    // The tile, shared by both entry points; fully optimised from the first call like them.
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    static void Tile<TMode>(int kc, ref T a, nint rowStrideA, nint stepA, ref T b, nint stepB, ref T c, nint ldc, bool loadC, ref T bias, bool relu)
        where TMode : struct, IStoreMode
    {
        bool epilogue = TMode.AddsBias;
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
        // The epilogue as BiasActivationKernels.ForwardRows does it: (c + bias), then max(·, 0).
        Vector512<T> biasA = epilogue ? Vector512.LoadUnsafe(ref bias) : default, biasB = epilogue ? Vector512.LoadUnsafe(ref bias, w) : default;
        Put(c0a, ref c, 0, biasA, epilogue, relu); Put(c0b, ref c, 0 + w, biasB, epilogue, relu);
        Put(c1a, ref c, ld, biasA, epilogue, relu); Put(c1b, ref c, ld + w, biasB, epilogue, relu);
        Put(c2a, ref c, 2 * ld, biasA, epilogue, relu); Put(c2b, ref c, 2 * ld + w, biasB, epilogue, relu);
        Put(c3a, ref c, 3 * ld, biasA, epilogue, relu); Put(c3b, ref c, 3 * ld + w, biasB, epilogue, relu);
        Put(c4a, ref c, 4 * ld, biasA, epilogue, relu); Put(c4b, ref c, 4 * ld + w, biasB, epilogue, relu);
        Put(c5a, ref c, 5 * ld, biasA, epilogue, relu); Put(c5b, ref c, 5 * ld + w, biasB, epilogue, relu);
        Put(c6a, ref c, 6 * ld, biasA, epilogue, relu); Put(c6b, ref c, 6 * ld + w, biasB, epilogue, relu);
        Put(c7a, ref c, 7 * ld, biasA, epilogue, relu); Put(c7b, ref c, 7 * ld + w, biasB, epilogue, relu);
        Put(c8a, ref c, 8 * ld, biasA, epilogue, relu); Put(c8b, ref c, 8 * ld + w, biasB, epilogue, relu);
        Put(c9a, ref c, 9 * ld, biasA, epilogue, relu); Put(c9b, ref c, 9 * ld + w, biasB, epilogue, relu);
        Put(c10a, ref c, 10 * ld, biasA, epilogue, relu); Put(c10b, ref c, 10 * ld + w, biasB, epilogue, relu);
        Put(c11a, ref c, 11 * ld, biasA, epilogue, relu); Put(c11b, ref c, 11 * ld + w, biasB, epilogue, relu);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(Vector512<T> v, ref T c, nuint offset, Vector512<T> bias, bool epilogue, bool relu)
    {
        if (epilogue)
        {
            v += bias;
            if (relu) v = Vector512.Max(v, Vector512<T>.Zero);
        }
        v.StoreUnsafe(ref c, offset);
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
