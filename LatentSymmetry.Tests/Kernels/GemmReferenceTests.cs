using LatentSymmetry.Autograd.Kernels;

namespace LatentSymmetry.Tests.Kernels;

public class GemmReferenceTests
{
    [Test]
    public void Reference_multiplies_a_2x2_example_by_hand()
    {
        double[] a = [1, 2, 3, 4], b = [5, 6, 7, 8], c = new double[4];
        Gemm.Reference(GemmForm.NN, 2, 2, 2, a, b, c, accumulate: false);
        Assert.That(c, Is.EqualTo(new double[] { 19, 22, 43, 50 }));
        Gemm.Reference(GemmForm.NT, 2, 2, 2, a, b, c, accumulate: false);
        Assert.That(c, Is.EqualTo(new double[] { 17, 23, 39, 53 }));
        Gemm.Reference(GemmForm.TN, 2, 2, 2, a, b, c, accumulate: true);
        Assert.That(c, Is.EqualTo(new double[] { 17 + 26, 23 + 30, 39 + 38, 53 + 44 }));
    }
}
