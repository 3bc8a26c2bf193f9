using System.Numerics;
using System.Runtime.InteropServices;
using LatentSymmetry.Autograd.Kernels;
using MathNet.Numerics.Random;

namespace LatentSymmetry.Tests.Kernels;

public class GemmTests
{
    // Around every block and tile boundary: 1 and 3 below any tile, 7 and 17 cross the narrow tiles,
    // 127/129 straddle 128 and the row block, 300 crosses the k-block.
    private static readonly int[] Sizes = [1, 3, 7, 17, 127, 129, 300];

    // Shapes with every axis large at once, and one wide enough to cross the column block.
    private static readonly (int M, int N, int K)[] Combos = [(129, 127, 300), (300, 17, 129), (17, 300, 127), (127, 129, 7), (3, 4103, 5)];

    // Rows left over below a 12-row tile: 4, 8, 20 = 12 + 8, 128 = 10·12 + 8 and 136 = 11·12 + 4 fill a
    // 4- or 8-row tile exactly, 5, 13 and 21 are padded in one; with n at 8 or 4 the product is transposed,
    // so those rows are columns of C.
    private static readonly (int M, int N, int K)[] LeftoverRowShapes =
        [(4, 40, 9), (5, 33, 17), (8, 64, 300), (13, 31, 5), (20, 70, 33), (21, 32, 64), (128, 40, 300), (136, 37, 129), (130, 8, 20), (300, 4, 7)];

    private static readonly string[] Paths = ["Scalar", "Vector128", "Vector256", "Vector512", "Auto"];

    [Test]
    public void Multiply_float_is_bitwise_equal_to_Reference(
        [Values] GemmForm form, [ValueSource(nameof(Paths))] string path, [Values] bool accumulate)
        => CheckAgainstReference<float>(form, Force<float>(path), accumulate, seed: 1000 + (int)form);

    [Test]
    public void Multiply_double_is_bitwise_equal_to_Reference(
        [Values] GemmForm form, [ValueSource(nameof(Paths))] string path, [Values] bool accumulate)
        => CheckAgainstReference<double>(form, Force<double>(path), accumulate, seed: 2000 + (int)form);

    [Test]
    public void Multiply_with_leftover_rows_is_bitwise_equal_to_Reference(
        [Values] GemmForm form, [ValueSource(nameof(Paths))] string path, [Values] bool accumulate)
    {
        var rng = new Xoshiro256StarStar(4000 + (int)form);
        CheckShapes<float>(rng, form, Force<float>(path), accumulate, LeftoverRowShapes);
        CheckShapes<double>(rng, form, Force<double>(path), accumulate, LeftoverRowShapes);
    }

    [Test]
    public void MultiplyBiasActivation_gives_the_bits_of_Multiply_followed_by_the_bias_pass(
        [Values] GemmForm form, [ValueSource(nameof(Paths))] string path, [Values] bool relu)
    {
        // Ragged tiles, several k-blocks, products run transposed (n = 1 or 4), a skinny k, and k = 0.
        (int M, int N, int K)[] shapes = [(97, 70, 40), (29, 67, 270), (384, 1, 20), (13, 4, 7), (300, 17, 3), (5, 33, 0)];
        var rng = new Xoshiro256StarStar(5000 + (int)form + (relu ? 10 : 0));
        foreach (var (m, n, k) in shapes)
        {
            CheckBiasActivation<float>(rng, form, Force<float>(path), relu, m, n, k);
            CheckBiasActivation<double>(rng, form, Force<double>(path), relu, m, n, k);
        }
        Assert.Throws<ArgumentException>(() => Gemm.MultiplyBiasActivation<float>(GemmPath.Auto, form, 2, 3, 4, new float[8], new float[12], new float[6], new float[2], relu));
    }

    private static void CheckBiasActivation<T>(Xoshiro256StarStar rng, GemmForm form, GemmPath path, bool relu, int m, int n, int k)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] a = RandomArray<T>(rng, m * k), b = RandomArray<T>(rng, k * n), bias = RandomArray<T>(rng, n);
        T[] c = RandomArray<T>(rng, m * n), expected = new T[m * n];
        Gemm.Reference<T>(form, m, n, k, a, b, expected, accumulate: false);
        BiasActivationKernels.Forward<T>(expected, m, n, bias, relu);
        Gemm.MultiplyBiasActivation<T>(path, form, m, n, k, a, b, c, bias, relu);
        AssertBitwiseEqual<T>(c, expected, $"{typeof(T).Name} {form} {m}x{n}x{k} relu={relu} {path}");
    }

    [Test]
    public void Multiply_Half_takes_the_scalar_path_and_matches_Reference([Values] GemmForm form)
    {
        var rng = new Xoshiro256StarStar(7);
        (int m, int n, int k) = (5, 6, 7);
        Half[] a = RandomArray<Half>(rng, m * k), b = RandomArray<Half>(rng, k * n);
        Half[] c = new Half[m * n], expected = new Half[m * n];
        Gemm.Multiply<Half>(form, m, n, k, a, b, c, accumulate: false);
        Gemm.Reference<Half>(form, m, n, k, a, b, expected, accumulate: false);
        AssertBitwiseEqual<Half>(c, expected, $"Half {form}");
    }

    [Test]
    public void Multiply_agrees_with_a_plain_double_dot_product([Values] GemmForm form, [Values] bool accumulate)
    {
        // Independent of Reference: no FMA, summed backwards in double, compared within the rounding
        // bound k·u·Σ|a||b| (u the unit roundoff of the type under test), so a wrong Reference is caught too.
        var rng = new Xoshiro256StarStar(3000 + (int)form);
        foreach ((int m, int n, int k) in new[] { (1, 1, 1), (37, 45, 300), (129, 3, 17), (7, 129, 129) })
        {
            CheckAgainstDoubleDot<float>(rng, form, m, n, k, accumulate, unitRoundoff: Math.ScaleB(1, -24));
            CheckAgainstDoubleDot<double>(rng, form, m, n, k, accumulate, unitRoundoff: Math.ScaleB(1, -53));
        }
    }

    [Test]
    public void Multiply_with_zero_m_or_n_leaves_C_untouched([Values] GemmForm form, [Values] bool accumulate)
    {
        float[] c = [42f];
        Gemm.Multiply<float>(form, 0, 1, 3, [], [1f, 2f, 3f], c, accumulate);
        Gemm.Multiply<float>(form, 1, 0, 3, [1f, 2f, 3f], [], c, accumulate);
        Assert.That(c, Is.EqualTo(new[] { 42f }));
    }

    [Test]
    public void Multiply_with_zero_k_clears_C_or_leaves_it_when_accumulating([Values] GemmForm form)
    {
        float[] c = [1f, float.NaN, -3f, 4f, 5f, 6f];
        Gemm.Multiply<float>(form, 2, 3, 0, [], [], c, accumulate: true);
        Assert.That(c, Is.EqualTo(new[] { 1f, float.NaN, -3f, 4f, 5f, 6f }));
        Gemm.Multiply<float>(form, 2, 3, 0, [], [], c, accumulate: false);
        Assert.That(c, Is.EqualTo(new float[6]));
    }

    [Test]
    public void Multiply_rejects_short_spans_naming_the_sizes([Values] GemmForm form)
    {
        float[] a = new float[12], b = new float[20], c = new float[15];
        Assert.That(() => Gemm.Multiply<float>(form, 3, 5, 4, a.AsSpan(1), b, c, false),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("a")
                .And.Message.Contains("m=3").And.Message.Contains("k=4").And.Message.Contains("12").And.Message.Contains("11"));
        Assert.That(() => Gemm.Multiply<float>(form, 3, 5, 4, a, b.AsSpan(2), c, false),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("b")
                .And.Message.Contains("n=5").And.Message.Contains("20").And.Message.Contains("18"));
        Assert.That(() => Gemm.Multiply<float>(form, 3, 5, 4, a, b, c.AsSpan(0, 14), false),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("c")
                .And.Message.Contains("C[m=3, n=5]").And.Message.Contains("15").And.Message.Contains("14"));
    }

    [Test]
    public void Multiply_rejects_negative_sizes()
    {
        Assert.That(() => Gemm.Multiply<float>(GemmForm.NN, 2, -1, 2, new float[4], new float[4], new float[4], false),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("n=-1"));
    }

    [Test]
    public void Multiply_allocates_nothing_once_warm()
    {
        var rng = new Xoshiro256StarStar(11);
        float[] a = RandomArray<float>(rng, 300 * 300), b = RandomArray<float>(rng, 300 * 300), c = new float[300 * 300];
        (int, int, int)[] shapes = [(300, 300, 300), (129, 7, 300), (1, 300, 3), (300, 1, 17)];
        GemmForm[] forms = Enum.GetValues<GemmForm>();
        // Warm every call the measured loop makes (the same forms, shapes and accumulate flag), twice so
        // that tiering has settled, then count.
        for (int warm = 0; warm < 2; warm++)
            foreach (GemmForm form in forms)
                foreach ((int m, int n, int k) in shapes)
                {
                    Gemm.Multiply<float>(form, m, n, k, a, b, c, accumulate: false);
                    Gemm.Multiply<float>(form, m, n, k, a, b, c, accumulate: true);
                }

        long before = GC.GetAllocatedBytesForCurrentThread();
        foreach (GemmForm form in forms)
            foreach ((int m, int n, int k) in shapes)
                Gemm.Multiply<float>(form, m, n, k, a, b, c, accumulate: true);
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.That(after - before, Is.Zero);
    }

    private static GemmPath Force<T>(string name)
    {
        var path = Enum.Parse<GemmPath>(name);
        if (path != GemmPath.Auto && Gemm.ResolvePath<T>(path) != path)
            Assert.Ignore($"{path} is not hardware-accelerated on this machine (falls back to {Gemm.ResolvePath<T>(path)}).");
        return path;
    }

    private static void CheckAgainstReference<T>(GemmForm form, GemmPath path, bool accumulate, int seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new Xoshiro256StarStar(seed);
        var shapes = new List<(int M, int N, int K)>();
        // One axis over Sizes, the other two random, keeps the cost far below the full cube.
        foreach (int s in Sizes)
        {
            shapes.Add((s, rng.Next(1, 65), rng.Next(1, 65)));
            shapes.Add((rng.Next(1, 65), s, rng.Next(1, 65)));
            shapes.Add((rng.Next(1, 65), rng.Next(1, 65), s));
        }
        shapes.AddRange(Combos);
        CheckShapes<T>(rng, form, path, accumulate, shapes);
    }

    private static void CheckShapes<T>(Xoshiro256StarStar rng, GemmForm form, GemmPath path, bool accumulate, IEnumerable<(int M, int N, int K)> shapes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach ((int m, int n, int k) in shapes)
        {
            T[] a = RandomArray<T>(rng, m * k), b = RandomArray<T>(rng, k * n);
            T[] c = RandomArray<T>(rng, m * n), expected = (T[])c.Clone();
            Gemm.Multiply(path, form, m, n, k, a, b, c, accumulate);
            Gemm.Reference<T>(form, m, n, k, a, b, expected, accumulate);
            AssertBitwiseEqual<T>(c, expected, $"{typeof(T).Name} {form} {path} m={m} n={n} k={k} accumulate={accumulate}");
        }
    }

    private static void CheckAgainstDoubleDot<T>(Xoshiro256StarStar rng, GemmForm form, int m, int n, int k, bool accumulate, double unitRoundoff)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T[] a = RandomArray<T>(rng, m * k), b = RandomArray<T>(rng, k * n), c = RandomArray<T>(rng, m * n);
        double[] start = Array.ConvertAll(c, double.CreateChecked);
        Gemm.Multiply<T>(form, m, n, k, a, b, c, accumulate);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double sum = 0, magnitude = 0;
                for (int p = k - 1; p >= 0; p--)
                {
                    double x = double.CreateChecked(form == GemmForm.TN ? a[p * m + i] : a[i * k + p]);
                    double y = double.CreateChecked(form == GemmForm.NT ? b[j * k + p] : b[p * n + j]);
                    sum += x * y;
                    magnitude += Math.Abs(x * y);
                }
                if (accumulate)
                {
                    sum += start[i * n + j];
                    magnitude += Math.Abs(start[i * n + j]);
                }
                double got = double.CreateChecked(c[i * n + j]);
                double tolerance = 2 * (k + 1) * unitRoundoff * magnitude;
                Assert.That(got, Is.EqualTo(sum).Within(tolerance), $"{typeof(T).Name} {form} m={m} n={n} k={k} at ({i}, {j})");
            }
    }

    private static T[] RandomArray<T>(Xoshiro256StarStar rng, int length) where T : IFloatingPointIeee754<T>
    {
        var values = new T[length];
        for (int i = 0; i < length; i++)
            values[i] = T.CreateChecked(2 * rng.NextDouble() - 1);
        return values;
    }

    /// <summary>Fails naming the first element whose bits differ.</summary>
    internal static void AssertBitwiseEqual<T>(T[] actual, T[] expected, string what) where T : unmanaged
    {
        ReadOnlySpan<byte> x = MemoryMarshal.AsBytes(actual.AsSpan()), y = MemoryMarshal.AsBytes(expected.AsSpan());
        if (x.SequenceEqual(y))
            return;
        int size = x.Length / actual.Length;
        int first = 0;
        while (x.Slice(first * size, size).SequenceEqual(y.Slice(first * size, size)))
            first++;
        Assert.Fail($"{what}: element {first} is {actual[first]}, expected {expected[first]}.");
    }
}
