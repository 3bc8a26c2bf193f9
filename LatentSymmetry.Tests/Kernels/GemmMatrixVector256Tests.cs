using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using LatentSymmetry.Autograd.Kernels;
using MathNet.Numerics.Random;

namespace LatentSymmetry.Tests.Kernels;

/// <summary>
/// The matrix-vector and outer products (one row or column of C, or k = 1) that the AVX2 path runs outside the
/// blocked GEMM: bit for bit the naive FMA chain and the blocked AVX2 kernel they replace, on odd sizes that leave
/// every tail (rows not a multiple of 32 or 8, k not a multiple of 4, columns not a multiple of 64 or 8), with
/// zeros of either sign, infinities and NaN among the inputs; and, on every path, the same bits through Gemm.
/// </summary>
public class GemmMatrixVector256Tests
{
    // Rows or columns of C: below a vector, one vector, the 8- and 32-row groups and their tails, 64-column blocks.
    private static readonly int[] Lengths = [1, 3, 8, 13, 31, 32, 45, 64, 77, 130, 391];

    // k: one (the outer product), below four, the 4-step blocks and their tails.
    private static readonly int[] Depths = [1, 2, 3, 4, 7, 9, 128, 131];

    private static readonly string[] Paths = ["Scalar", "Vector128", "Vector256", "Vector512", "Auto"];

    private static IEnumerable<(int M, int N, int K)> Shapes()
    {
        foreach (int length in Lengths)
            foreach (int k in Depths)
            {
                yield return (length, 1, k);
                yield return (1, length, k);
            }
        // The outer product with both sides long.
        yield return (37, 29, 1);
        yield return (384, 128, 1);
    }

    [Test]
    public void TryRun_gives_the_bits_of_the_blocked_AVX2_kernel_and_of_Reference([Values] GemmForm form, [Values] bool accumulate)
    {
        var rng = new Xoshiro256StarStar(8100 + (int)form + (accumulate ? 10 : 0));
        foreach (var (m, n, k) in Shapes())
        {
            Check<float>(rng, form, m, n, k, accumulate);
            Check<double>(rng, form, m, n, k, accumulate);
        }
    }

    [Test]
    public void TryRun_takes_every_float_shape_with_one_row_column_or_step_and_declines_the_rest([Values] GemmForm form)
    {
        float[] a = new float[64], b = new float[64], c = new float[64];
        // With m = 1 in NT and n = 1 in NN and NT, the dot products run along stored rows: AVX's shuffles line them up.
        Assert.That(GemmMatrixVector256.TryRun<float>(form, 1, 5, 7, a, b, c, false, default, false), Is.EqualTo(form != GemmForm.NT || Avx.IsSupported));
        Assert.That(GemmMatrixVector256.TryRun<float>(form, 5, 1, 7, a, b, c, false, default, false), Is.EqualTo(form == GemmForm.TN || Avx.IsSupported));
        Assert.That(GemmMatrixVector256.TryRun<float>(form, 5, 6, 1, a, b, c, false, default, false), Is.True);
        Assert.That(GemmMatrixVector256.TryRun<float>(form, 5, 6, 7, a, b, c, false, default, false), Is.False);
        Assert.That(c, Is.All.EqualTo(0f), "a declined product leaves C untouched");
    }

    [Test]
    public void Multiply_on_every_path_gives_the_bits_of_Reference([ValueSource(nameof(Paths))] string path, [Values] bool accumulate)
    {
        var rng = new Xoshiro256StarStar(8200 + (accumulate ? 1 : 0));
        foreach (GemmForm form in Enum.GetValues<GemmForm>())
            foreach (var (m, n, k) in Shapes())
            {
                GemmPath forced = Force<float>(path);
                float[] a = Values<float>(rng, m * k), b = Values<float>(rng, k * n), c = Values<float>(rng, m * n), expected = (float[])c.Clone();
                Gemm.Multiply<float>(forced, form, m, n, k, a, b, c, accumulate);
                Gemm.Reference<float>(form, m, n, k, a, b, expected, accumulate);
                GemmTests.AssertBitwiseEqual(c, expected, $"float {form} {path} m={m} n={n} k={k} accumulate={accumulate}");
            }
    }

    [Test]
    public void MultiplyBiasActivation_gives_the_bits_of_Multiply_and_the_bias_pass([ValueSource(nameof(Paths))] string path, [Values] bool relu)
    {
        // The output layer (n = 1) and its kin: a single row, and k = 1.
        (int M, int N, int K)[] shapes = [(384, 1, 128), (45, 1, 7), (1, 77, 13), (1, 1, 5), (29, 37, 1)];
        var rng = new Xoshiro256StarStar(8300 + (relu ? 1 : 0));
        foreach (GemmForm form in Enum.GetValues<GemmForm>())
            foreach (var (m, n, k) in shapes)
            {
                GemmPath forced = Force<float>(path);
                float[] a = Values<float>(rng, m * k), b = Values<float>(rng, k * n), bias = Values<float>(rng, n);
                float[] c = Values<float>(rng, m * n), expected = new float[m * n];
                Gemm.Reference<float>(form, m, n, k, a, b, expected, accumulate: false);
                BiasActivationKernels.Forward<float>(expected, m, n, bias, relu);
                Gemm.MultiplyBiasActivation<float>(forced, form, m, n, k, a, b, c, bias, relu);
                GemmTests.AssertBitwiseEqual(c, expected, $"{form} {path} m={m} n={n} k={k} relu={relu}");
            }
    }

    private static void Check<T>(Xoshiro256StarStar rng, GemmForm form, int m, int n, int k, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] a = Values<T>(rng, m * k), b = Values<T>(rng, k * n), start = Values<T>(rng, m * n);
        T[] fast = (T[])start.Clone(), blocked = (T[])start.Clone(), reference = (T[])start.Clone();
        string what = $"{typeof(T).Name} {form} m={m} n={n} k={k} accumulate={accumulate}";
        // Dot products along stored rows (k > 1) need AVX's shuffles and float: otherwise the blocked GEMM runs them.
        if (!GemmMatrixVector256.TryRun<T>(form, m, n, k, a, b, fast, accumulate, default, false))
        {
            Assert.That(k > 1 && (typeof(T) == typeof(double) || !Avx.IsSupported), what + ": declined");
            return;
        }
        GemmPacked.Run<T, GemmMicroKernel256<T>>(form, m, n, k, a, b, blocked, accumulate, default, false);
        Gemm.Reference<T>(form, m, n, k, a, b, reference, accumulate);
        GemmTests.AssertBitwiseEqual(fast, blocked, what + " against the blocked kernel");
        GemmTests.AssertBitwiseEqual(fast, reference, what + " against Reference");
    }

    private static GemmPath Force<T>(string name)
    {
        var path = Enum.Parse<GemmPath>(name);
        if (path != GemmPath.Auto && Gemm.ResolvePath<T>(path) != path)
            Assert.Ignore($"{path} is not hardware-accelerated on this machine (falls back to {Gemm.ResolvePath<T>(path)}).");
        return path;
    }

    // Uniform in (-1, 1), with one value in 16 a zero of either sign and a few infinities and NaNs: a product of
    // zeros is -0 or +0, and fma(x, y, +0) turns -0 into +0, which a plain multiply would not.
    private static T[] Values<T>(Xoshiro256StarStar rng, int length) where T : IFloatingPointIeee754<T>
    {
        var values = new T[length];
        for (int i = 0; i < length; i++)
        {
            double u = rng.NextDouble();
            values[i] = u < 0.03 ? T.NegativeZero : u < 0.06 ? T.Zero : u < 0.061 ? T.PositiveInfinity : u < 0.062 ? T.NaN
                : T.CreateChecked(2 * rng.NextDouble() - 1);
        }
        return values;
    }
}
