using System.Numerics;
using LatentSymmetry.Autograd.Kernels;

namespace LatentSymmetry.Tests.Kernels;

/// <summary>
/// The per-row block rotation (a layer's vectors turned by ρ(R), scalars passed): the unrolled d = 3 path against the plain
/// loops bit for bit, and its backward against the adjoint identity ⟨A x, g⟩ = ⟨x, Aᵀ g⟩ computed independently.
/// </summary>
public class RowRotationTests
{
    // (vector blocks, width): no vectors, vectors only, vectors then scalars, the latent penalty's shape.
    static readonly (int Blocks, int Width)[] Shapes = [(0, 5), (1, 3), (2, 6), (2, 7), (5, 17), (16, 128)];

    static void ForwardMatchesReference<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int rows = 9;
        foreach (var (blocks, width) in Shapes)
            foreach (bool transpose in new[] { false, true })
            {
                var d = new TestData((ulong)(31 * width + blocks));
                // General (not orthogonal) matrices, so a transposed or misplaced entry cannot go unseen.
                T[] m = d.Array<T>(9 * rows), x = d.Array<T>(rows * width);
                T[] fast = new T[x.Length], slow = new T[x.Length];
                RowRotation.ApplyBlocks<T>(m, x, fast, 3, blocks, width, transpose);
                RowRotation.ApplyBlocksReference<T>(m, x, slow, 3, blocks, width, transpose);
                Assert.That(fast, Is.EqualTo(slow), $"{typeof(T).Name}, {blocks} blocks in {width}, transpose {transpose}");
            }
    }

    static void BackwardMatchesReference<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        const int rows = 9;
        foreach (var (blocks, width) in Shapes)
            foreach (bool transpose in new[] { false, true })
            {
                var d = new TestData((ulong)(37 * width + blocks));
                T[] m = d.Array<T>(9 * rows), g = d.Array<T>(rows * width), start = d.Array<T>(rows * width);
                T[] fast = (T[])start.Clone(), slow = (T[])start.Clone(); // a gradient already there: the kernel adds to it
                RowRotation.ApplyBlocksBackward<T>(m, g, fast, 3, blocks, width, transpose);
                RowRotation.ApplyBlocksBackwardReference<T>(m, g, slow, 3, blocks, width, transpose);
                Assert.That(fast, Is.EqualTo(slow), $"{typeof(T).Name}, {blocks} blocks in {width}, transpose {transpose}");
            }
    }

    [Test]
    public void The_unrolled_three_dimensional_path_gives_the_reference_bits() => ForwardMatchesReference<float>();

    [Test]
    public void The_unrolled_three_dimensional_path_gives_the_reference_bits_in_float64() => ForwardMatchesReference<double>();

    [Test]
    public void The_unrolled_backward_gives_the_reference_bits() => BackwardMatchesReference<float>();

    [Test]
    public void The_unrolled_backward_gives_the_reference_bits_in_float64() => BackwardMatchesReference<double>();

    [TestCase(2)]
    [TestCase(3)]
    public void Backward_is_the_adjoint_of_forward_and_adds_to_the_gradient(int dim)
    {
        const int rows = 6, blocks = 3, width = 11;
        foreach (bool transpose in new[] { false, true })
        {
            var d = new TestData((ulong)(dim * 10 + (transpose ? 1 : 0)));
            double[] m = d.Array<double>(dim * dim * rows), x = d.Array<double>(rows * width), g = d.Array<double>(rows * width);
            var y = new double[x.Length];
            RowRotation.ApplyBlocks<double>(m, x, y, dim, blocks, width, transpose);
            var dx = new double[x.Length];
            Array.Fill(dx, 0.5);
            RowRotation.ApplyBlocksBackward<double>(m, g, dx, dim, blocks, width, transpose);
            double yg = 0, xdx = 0;
            for (int i = 0; i < x.Length; i++)
            {
                yg += y[i] * g[i];
                xdx += x[i] * (dx[i] - 0.5);
            }
            Assert.That(xdx, Is.EqualTo(yg).Within(1e-12), $"d = {dim}, transpose {transpose}");
            // The scalars' gradient passes straight through.
            Assert.That(dx[width - 1], Is.EqualTo(0.5 + g[width - 1]));
        }
    }

    [Test]
    public void Backward_refuses_spans_that_do_not_fit()
    {
        var m = new float[9 * 2];
        Assert.Throws<ArgumentException>(() => RowRotation.ApplyBlocksBackward<float>(m, new float[2 * 7], new float[2 * 7], 3, 3, 7, false), "3 blocks of 3 in 7");
        Assert.Throws<ArgumentException>(() => RowRotation.ApplyBlocksBackward<float>(m, new float[2 * 7], new float[3 * 7], 3, 2, 7, false), "rows and matrices");
        Assert.Throws<ArgumentException>(() => RowRotation.ApplyBlocksBackward<float>(m, new float[2 * 6], new float[2 * 7], 3, 2, 7, false), "gradient lengths");
    }
}
