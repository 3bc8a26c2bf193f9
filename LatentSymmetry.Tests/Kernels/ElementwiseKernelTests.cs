using LatentSymmetry.Autograd.Kernels;

namespace LatentSymmetry.Tests.Kernels;

/// <summary>
/// The fused elementwise kernels against their one-element-at-a-time references, bit for bit, at lengths
/// that exercise every vector body and scalar tail. CI reruns these with each SIMD path switched off.
/// </summary>
public class ElementwiseKernelTests
{
    static readonly int[] Lengths = [1, 3, 7, 15, 16, 17, 31, 33, 64, 70, 129];

    static void Same<TOp>(int n, ulong seed) where TOp : ITernaryOperator<float>
    {
        var d = new TestData(seed);
        float[] a = d.Array<float>(n), b = d.Array<float>(n), c = d.Array<float>(n);
        b[0] = 0; // the ReLU mask's boundary
        var fast = new float[n];
        var slow = new float[n];
        ElementwiseKernels.Apply<float, TOp>(a, b, c, fast);
        ElementwiseKernels.ApplyScalar<float, TOp>(a, b, c, slow);
        Assert.That(fast, Is.EqualTo(slow), $"n = {n}");
    }

    [Test]
    public void Ternary_operators_match_the_scalar_reference_on_every_length()
    {
        foreach (int n in Lengths)
        {
            Same<ReluGradOperator<float>>(n, 1);
            Same<TanhGradOperator<float>>(n, 2);
            Same<MultiplyAccumulateOperator<float>>(n, 3);
            Same<MultiplySubtractOperator<float>>(n, 4);
        }
    }

    [Test]
    public void Relu_gradient_passes_dy_only_where_the_output_is_positive()
    {
        float[] acc = [1, 1, 1], y = [2, 0, -1], dy = [5, 5, 5], dst = new float[3];
        ElementwiseKernels.Apply<float, ReluGradOperator<float>>(acc, y, dy, dst);
        Assert.That(dst, Is.EqualTo(new float[] { 6, 1, 1 }));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Bias_activation_forward_and_backward_match_plain_loops(bool relu)
    {
        foreach (int cols in Lengths)
        {
            const int rows = 5;
            var d = new TestData((ulong)cols);
            float[] pre = d.Array<float>(rows * cols), bias = d.Array<float>(cols), dy = d.Array<float>(rows * cols);
            var y = (float[])pre.Clone();
            BiasActivationKernels.Forward<float>(y, rows, cols, bias, relu);
            var dz = (float[])dy.Clone();
            var db = d.Array<float>(cols);
            var dbExpected = (float[])db.Clone();
            BiasActivationKernels.Backward<float>(dz, y, rows, cols, db, relu);
            for (int r = 0; r < rows; r++)
                for (int j = 0; j < cols; j++)
                {
                    int i = r * cols + j;
                    float v = pre[i] + bias[j];
                    float expectedY = relu ? (v > 0 ? v : 0) : v;
                    float expectedDz = relu && !(expectedY > 0) ? 0 : dy[i];
                    Assert.That(y[i], Is.EqualTo(expectedY));
                    Assert.That(dz[i], Is.EqualTo(expectedDz));
                    dbExpected[j] += expectedDz; // rows in order, as the kernel promises
                }
            Assert.That(db, Is.EqualTo(dbExpected), $"cols = {cols}");
        }
    }

    [Test]
    public void Reductions_add_in_their_documented_fixed_order()
    {
        foreach (int n in Lengths)
        {
            var x = new TestData((ulong)n + 100).Array<float>(n);
            // Element i goes to partial sum i mod 8; the eight are combined pairwise.
            var lanes = new float[8];
            var squares = new float[8];
            for (int i = 0; i < n; i++) { lanes[i % 8] += x[i]; squares[i % 8] += x[i] * x[i]; }
            static float Combine(float[] s) => ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
            Assert.That(Reductions.Sum<float>(x), Is.EqualTo(Combine(lanes)), $"n = {n}");
            Assert.That(Reductions.SumOfSquares<float>(x), Is.EqualTo(Combine(squares)), $"n = {n}");
            Assert.That((double)Reductions.Sum<float>(x), Is.EqualTo(x.Sum(v => (double)v)).Within(1e-5));
        }
    }
}
