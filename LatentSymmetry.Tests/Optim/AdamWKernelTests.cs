using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LatentSymmetry.Core.Optim;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Optim;

public class AdamWKernelTests
{
    [Test]
    public void First_step_matches_hand_computation()
    {
        // g = 0.5: m = 0.05, v = 0.00025; bias corrections 0.1 and 0.001, so m̂ = 0.5, v̂ = 0.25 and
        // p = 1 - lr·0.5 / (0.5 + ε): almost exactly one learning rate against the gradient's sign.
        double[] p = [1.0], g = [0.5], m = [0.0], v = [0.0];
        var options = new AdamWOptions { LearningRate = 1e-3 };
        AdamWKernel.Step<double>(p, g, m, v, 1, options);
        // 1 - β1 and 1 - β2 are not exact in double, so the moments carry a few ulps of relative error.
        Assert.That(m[0], Is.EqualTo(0.05).Within(1e-12).Percent);
        Assert.That(v[0], Is.EqualTo(0.00025).Within(1e-12).Percent);
        Assert.That(p[0], Is.EqualTo(1 - 1e-3 * 0.5 / (0.5 + 1e-8)).Within(1e-15));
    }

    [Test]
    public void Three_step_trajectory_matches_an_independent_textbook_adamw_in_double()
    {
        var options = new AdamWOptions { LearningRate = 1e-2, Beta1 = 0.8, Beta2 = 0.95, Epsilon = 1e-6, WeightDecay = 0.1 };
        double[] p = [1.5, -0.25, 0.0, 3.0], m = new double[4], v = new double[4];
        double[] expected = [.. p], em = new double[4], ev = new double[4];
        double[][] grads = [[0.3, -1.0, 2.0, 0.0], [-0.1, -0.5, 1.0, 0.0], [0.2, 0.7, -3.0, 1e-3]];
        for (int t = 1; t <= 3; t++)
        {
            AdamWKernel.Step<double>(p, grads[t - 1], m, v, t, options);
            TextbookStep(expected, grads[t - 1], em, ev, t, options);
            for (int i = 0; i < p.Length; i++)
            {
                Assert.That(m[i], Is.EqualTo(em[i]).Within(1e-15), $"m[{i}] at step {t}");
                Assert.That(v[i], Is.EqualTo(ev[i]).Within(1e-15), $"v[{i}] at step {t}");
                Assert.That(p[i], Is.EqualTo(expected[i]).Within(1e-14), $"p[{i}] at step {t}");
            }
        }
        // Pinned hand values of the last parameter (grads 0, 0, 1e-3): decay alone for two steps, then
        // m = 2e-4, v = 5e-8 with bias corrections 0.488 and 0.142625.
        double decayed = 3.0 * Math.Pow(1 - 1e-2 * 0.1, 3);
        double hand = decayed - 1e-2 * (2e-4 / 0.488) / (Math.Sqrt(5e-8 / 0.142625) + 1e-6);
        Assert.That(p[3], Is.EqualTo(hand).Within(1e-14));
    }

    [Test]
    public void Float_trajectory_stays_within_float_rounding_of_double()
    {
        var options = new AdamWOptions { LearningRate = 1e-2, WeightDecay = 0.05 };
        float[] pf = [0.5f, -2f, 1e-3f], mf = new float[3], vf = new float[3];
        double[] pd = [0.5, -2.0, 1e-3], md = new double[3], vd = new double[3];
        float[] gf = [0.1f, -0.3f, 4f];
        double[] gd = [.. gf.Select(x => (double)x)];
        for (int t = 1; t <= 5; t++)
        {
            AdamWKernel.Step<float>(pf, gf, mf, vf, t, options);
            AdamWKernel.Step<double>(pd, gd, md, vd, t, options);
        }
        for (int i = 0; i < 3; i++)
            Assert.That(pf[i], Is.EqualTo(pd[i]).Within(1e-4).Percent);
    }

    [Test]
    public void Weight_decay_is_decoupled_from_the_gradient()
    {
        // With g = 0 the moments stay 0 and only p·(1 - lr·wd) remains; an L2 penalty added to the gradient
        // would instead move p by about one learning rate (Adam normalises the gradient).
        double[] p = [2.0, -4.0], g = [0.0, 0.0], m = new double[2], v = new double[2];
        AdamWKernel.Step<double>(p, g, m, v, 1, new AdamWOptions { LearningRate = 0.1, WeightDecay = 0.5 });
        Assert.That(p, Is.EqualTo(new[] { 2.0 * (1 - 0.1 * 0.5), -4.0 * (1 - 0.1 * 0.5) }));
        Assert.That(m, Is.All.Zero);
        Assert.That(v, Is.All.Zero);
    }

    [Test]
    public void Without_weight_decay_a_zero_gradient_leaves_parameters_unchanged()
    {
        double[] p = [2.0, -4.0], g = [0.0, 0.0], m = new double[2], v = new double[2];
        AdamWKernel.Step<double>(p, g, m, v, 1, AdamWOptions.Default);
        Assert.That(p, Is.EqualTo(new[] { 2.0, -4.0 }));
    }

    private static IEnumerable<TestCaseData> PathCases()
    {
        foreach (string path in new[] { "Vector128", "Vector256", "Vector512" })
            foreach (int length in new[] { 1, 15, 17, 33, 1000 })
            {
                yield return new TestCaseData(path, length, false).SetName($"{path}_float_length_{length}_matches_scalar_bitwise");
                yield return new TestCaseData(path, length, true).SetName($"{path}_double_length_{length}_matches_scalar_bitwise");
            }
    }

    [TestCaseSource(nameof(PathCases))]
    public void Vector_path_matches_the_scalar_path_bitwise(string pathName, int length, bool useDouble)
    {
        var path = Enum.Parse<AdamWKernel.Path>(pathName);
        if (useDouble)
            AssertPathMatchesScalar<double>(path, length);
        else
            AssertPathMatchesScalar<float>(path, length);
    }

    [TestCase(1)]
    [TestCase(15)]
    [TestCase(17)]
    [TestCase(33)]
    public void Default_path_matches_the_scalar_path_bitwise(int length)
    {
        AssertPathMatchesScalar<float>(AdamWKernel.Path.Auto, length);
        AssertPathMatchesScalar<double>(AdamWKernel.Path.Auto, length);
    }

    [Test]
    public void Reports_which_paths_this_process_accelerates() =>
        Assert.Pass($"Vector512 {Vector512.IsHardwareAccelerated}, Vector256 {Vector256.IsHardwareAccelerated}, Vector128 {Vector128.IsHardwareAccelerated}");

    [Test]
    public void Step_allocates_nothing()
    {
        var p = new float[1000];
        var g = new float[1000];
        var m = new float[1000];
        var v = new float[1000];
        g.AsSpan().Fill(0.5f);
        AdamWKernel.Step<float>(p, g, m, v, 1, AdamWOptions.Default);
        long before = GC.GetAllocatedBytesForCurrentThread();
        AdamWKernel.Step<float>(p, g, m, v, 2, AdamWOptions.Default);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void Invalid_arguments_are_rejected()
    {
        var o = AdamWOptions.Default;
        Assert.That(() => AdamWKernel.Step<double>(new double[2], new double[3], new double[2], new double[2], 1, o), Throws.ArgumentException.With.Message.Contains("2, 3, 2, 2"));
        Assert.That(() => AdamWKernel.Step<double>(new double[2], new double[2], new double[2], new double[2], 0, o), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("step"));
        Assert.That(() => AdamWKernel.Step<double>(new double[2], new double[2], new double[2], new double[2], 1, null!), Throws.ArgumentNullException);
    }

    private static bool IsAccelerated<T>(AdamWKernel.Path path) => path switch
    {
        AdamWKernel.Path.Vector128 => Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported,
        AdamWKernel.Path.Vector256 => Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported,
        AdamWKernel.Path.Vector512 => Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported,
        _ => true,
    };

    private static void AssertPathMatchesScalar<T>(AdamWKernel.Path path, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assume.That(IsAccelerated<T>(path), Is.True, $"{path} is not accelerated in this process");
        var stream = new RandomStream(length);
        var options = new AdamWOptions { LearningRate = 1e-2, WeightDecay = 0.01 };
        T[] p = Gaussians<T>(stream, length), pScalar = [.. p];
        T[] m = new T[length], v = new T[length], mScalar = new T[length], vScalar = new T[length];
        for (int t = 1; t <= 4; t++)
        {
            T[] g = Gaussians<T>(stream, length);
            if (t == 3)
                g[length / 2] = T.Zero; // a zero gradient exercises √v of a decayed v
            AdamWKernel.Step<T>(p, g, m, v, t, options, path);
            AdamWKernel.Step<T>(pScalar, g, mScalar, vScalar, t, options, AdamWKernel.Path.Scalar);
        }
        Assert.That(Bits(p), Is.EqualTo(Bits(pScalar)), "param");
        Assert.That(Bits(m), Is.EqualTo(Bits(mScalar)), "m");
        Assert.That(Bits(v), Is.EqualTo(Bits(vScalar)), "v");
    }

    private static T[] Gaussians<T>(RandomStream stream, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new T[length];
        stream.FillGaussian<T>(values);
        return values;
    }

    private static byte[] Bits<T>(T[] values) where T : unmanaged => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    /// <summary>AdamW as in Loshchilov and Hutter, written with bias-corrected moments m̂ and v̂.</summary>
    private static void TextbookStep(double[] p, double[] g, double[] m, double[] v, int t, AdamWOptions o)
    {
        for (int i = 0; i < p.Length; i++)
        {
            p[i] -= o.LearningRate * o.WeightDecay * p[i];
            m[i] = o.Beta1 * m[i] + (1 - o.Beta1) * g[i];
            v[i] = o.Beta2 * v[i] + (1 - o.Beta2) * g[i] * g[i];
            double mHat = m[i] / (1 - Math.Pow(o.Beta1, t));
            double vHat = v[i] / (1 - Math.Pow(o.Beta2, t));
            p[i] -= o.LearningRate * mHat / (Math.Sqrt(vHat) + o.Epsilon);
        }
    }
}
