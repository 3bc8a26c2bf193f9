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
    // Hot from the first call: skip the slow unoptimised tier. Never inlined: once this became a small wrapper the
    // JIT inlined the whole tile into the blocked driver, and the step ran 3-15% slower on AVX2, where the tile's
    // 12 accumulators, 2 B vectors and broadcast already take 15 of the 16 registers.
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static void Run(int kc, ref T a, nint rowStrideA, nint stepA, ref T b, nint stepB, ref T c, nint ldc, bool loadC)
        => Tile<PlainStore>(kc, ref a, rowStrideA, stepA, ref b, stepB, ref c, ldc, loadC, ref Unsafe.NullRef<T>(), relu: false);

    /// <inheritdoc/>
    public static bool FusesBiasActivation => true;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
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
        // The epilogue as BiasActivationKernels.ForwardRows does it on this width: (c + bias), then max(·, 0).
        Vector256<T> biasA = epilogue ? Vector256.LoadUnsafe(ref bias) : default, biasB = epilogue ? Vector256.LoadUnsafe(ref bias, w) : default;
        Put(c0a, ref c, 0, biasA, epilogue, relu); Put(c0b, ref c, 0 + w, biasB, epilogue, relu);
        Put(c1a, ref c, ld, biasA, epilogue, relu); Put(c1b, ref c, ld + w, biasB, epilogue, relu);
        Put(c2a, ref c, 2 * ld, biasA, epilogue, relu); Put(c2b, ref c, 2 * ld + w, biasB, epilogue, relu);
        Put(c3a, ref c, 3 * ld, biasA, epilogue, relu); Put(c3b, ref c, 3 * ld + w, biasB, epilogue, relu);
        Put(c4a, ref c, 4 * ld, biasA, epilogue, relu); Put(c4b, ref c, 4 * ld + w, biasB, epilogue, relu);
        Put(c5a, ref c, 5 * ld, biasA, epilogue, relu); Put(c5b, ref c, 5 * ld + w, biasB, epilogue, relu);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(Vector256<T> v, ref T c, nuint offset, Vector256<T> bias, bool epilogue, bool relu)
    {
        if (epilogue)
        {
            v += bias;
            if (relu) v = Vector256.Max(v, Vector256<T>.Zero);
        }
        v.StoreUnsafe(ref c, offset);
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
