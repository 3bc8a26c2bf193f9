using System.Numerics;
using System.Runtime.InteropServices;
using LatentSymmetry.Autograd.Kernels;

namespace LatentSymmetry.Tests.Kernels;

/// <summary>
/// The AVX2 tile's fused bias epilogue against the tile followed by the bias pass it replaces, bit for bit,
/// including the values where a ReLU's max could differ (NaN, ±0, ±∞). Runs on every machine: without AVX2,
/// Vector256 is emulated with the same IEEE operations.
/// </summary>
public class GemmMicroKernel256Tests
{
    [Test]
    public void RunBiasActivation_gives_the_bits_of_Run_followed_by_the_bias_pass([Values] bool relu, [Values] bool loadC)
    {
        Check<float>(relu, loadC, seed: 11);
        Check<double>(relu, loadC, seed: 12);
    }

    [Test]
    public void The_tile_declares_its_fused_epilogue_so_the_driver_uses_it() =>
        Assert.That(GemmMicroKernel256<float>.FusesBiasActivation && GemmMicroKernel256<double>.FusesBiasActivation, Is.True);

    static void Check<T>(bool relu, bool loadC, int seed) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int mr = GemmMicroKernel256<T>.MR, nr = GemmMicroKernel256<T>.NR, kc = 37;
        // A tile in the middle of a wider C (row stride 3·NR), A read in place with a row stride, B packed.
        int ldc = 3 * nr, lda = kc + 5;
        var rng = new Random(seed);
        T[] a = Values<T>(rng, mr * lda), b = Values<T>(rng, kc * nr), bias = Values<T>(rng, nr), start = Values<T>(rng, mr * ldc);
        // Sums at NaN, ±∞ and zeros of either sign: the starting C holds them and row 0 of A is zero, so with
        // loadC the chain keeps them and the epilogue's add and max meet them.
        for (int p = 0; p < kc; p++) a[p] = T.Zero;
        T[] specials = [T.NegativeZero, T.Zero, T.NaN, T.PositiveInfinity, T.NegativeInfinity];
        for (int j = 0; j < specials.Length; j++) start[nr + j] = specials[j];
        bias[0] = T.Zero;
        bias[1] = T.NegativeZero;

        T[] fused = (T[])start.Clone(), plain = (T[])start.Clone();
        ref T aRef = ref MemoryMarshal.GetArrayDataReference(a);
        ref T bRef = ref MemoryMarshal.GetArrayDataReference(b);
        GemmMicroKernel256<T>.RunBiasActivation(kc, ref aRef, lda, 1, ref bRef, nr, ref fused[nr], ldc, loadC, ref bias[0], relu);
        GemmMicroKernel256<T>.Run(kc, ref aRef, lda, 1, ref bRef, nr, ref plain[nr], ldc, loadC);
        BiasActivationKernels.ForwardRows(ref plain[nr], ldc, mr, nr, ref bias[0], relu);

        Assert.That(MemoryMarshal.AsBytes(fused.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(plain.AsSpan())), Is.True,
            $"{typeof(T).Name} relu={relu} loadC={loadC}: the fused tile differs from Run + ForwardRows");
        // Outside the tile nothing moved.
        for (int i = 0; i < mr; i++)
            for (int j = 0; j < ldc; j++)
                if (j < nr || j >= 2 * nr)
                    Assert.That(fused[i * ldc + j], Is.EqualTo(start[i * ldc + j]), $"({i}, {j}) lies outside the tile");
    }

    static T[] Values<T>(Random rng, int n) where T : IFloatingPointIeee754<T>
    {
        var v = new T[n];
        for (int i = 0; i < n; i++) v[i] = T.CreateChecked(2 * rng.NextDouble() - 1);
        return v;
    }
}
