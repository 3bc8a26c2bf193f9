using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Invariance;
using MathNet.Numerics.LinearAlgebra;

namespace LatentSymmetry.Tests.Invariance;

/// <summary>The PCA projection of Q against MathNet's SVD of the centred data, and the 95% rule.</summary>
public class PrincipalSubspaceTests
{
    static readonly double[] Scales = [10, 5, 3, 1, 0.5, 0.1];

    // Columns with very different spreads, mixed by a fixed rotation so the components are not the axes.
    static Variable<double> Anisotropic(int n, ulong seed)
    {
        var d = new TestData(seed);
        var mix = Matrix<double>.Build.Dense(6, 6, (r, c) => d.Uniform(-1, 1)).QR().Q;
        var raw = Matrix<double>.Build.Dense(n, 6, (r, c) => Scales[c] * d.Uniform(-1, 1) + 3);
        var h = raw * mix;
        return Variable<double>.FromSpan(n, 6, h.ToRowMajorArray());
    }

    [Test]
    public void Components_and_eigenvalues_match_an_SVD_of_the_centred_data()
    {
        var h = Anisotropic(500, 800);
        var p = PrincipalSubspace.Fit(h);
        var m = Matrix<double>.Build.DenseOfRowMajor(500, 6, h.ToArray());
        var mean = m.ColumnSums() / 500;
        var centred = m - Matrix<double>.Build.Dense(500, 6, (r, c) => mean[c]);
        var svd = centred.Svd(computeVectors: true);
        for (int i = 0; i < 6; i++)
            Assert.That(p.Eigenvalues[i], Is.EqualTo(svd.S[i] * svd.S[i] / 499).Within(1e-10 * svd.S[0] * svd.S[0] / 499));
        // Compare projectors U·Uᵀ, which do not depend on the eigenvectors' signs.
        int k = p.Count;
        var u = Matrix<double>.Build.DenseOfRowMajor(6, k, p.Components.ToArray());
        var v = svd.VT.Transpose().SubMatrix(0, 6, 0, k);
        Assert.That((u * u.Transpose() - v * v.Transpose()).FrobeniusNorm(), Is.LessThan(1e-10));
        // and the coordinates are (h − mean)·U
        var z = p.Project(h);
        var expected = (centred * u).ToRowMajorArray();
        for (int i = 0; i < z.Length; i++) Assert.That(z[i], Is.EqualTo(expected[i]).Within(1e-10));
    }

    [Test]
    public void Keeps_at_least_the_fraction_with_the_fewest_components()
    {
        foreach (double fraction in new[] { 0.5, 0.9, 0.95, 0.99, 1.0 })
        {
            var p = PrincipalSubspace.Fit(Anisotropic(2000, 801), fraction);
            var ev = p.Eigenvalues.ToArray();
            double total = ev.Sum();
            Assert.That(ev.Take(p.Count).Sum() / total, Is.GreaterThanOrEqualTo(fraction * (1 - 1e-12)), $"fraction {fraction}");
            Assert.That(p.ExplainedFraction, Is.EqualTo(ev.Take(p.Count).Sum() / total).Within(1e-12));
            if (p.Count > 1) Assert.That(ev.Take(p.Count - 1).Sum() / total, Is.LessThan(fraction), $"fraction {fraction}: {p.Count - 1} would do");
        }
        // The variances are about 100, 25, 9, 1, 0.25, 0.01: three components reach 95%.
        Assert.That(PrincipalSubspace.Fit(Anisotropic(2000, 802)).Count, Is.EqualTo(3));
    }

    [Test]
    public void Edge_cases_keep_one_direction()
    {
        Assert.That(PrincipalSubspace.Fit(Variable<double>.FromSpan(4, 1, [1, 2, 3, 5])).Count, Is.EqualTo(1));
        var constant = PrincipalSubspace.Fit(Variable<double>.FromSpan(3, 3, [1, 2, 3, 1, 2, 3, 1, 2, 3]));
        Assert.That(constant.Count, Is.EqualTo(1));
        Assert.That(PrincipalSubspace.LeadingCount([3, 1, 0], 0.75, out double explained), Is.EqualTo(1), "exactly reaching the fraction is enough");
        Assert.That(explained, Is.EqualTo(0.75));
        Assert.That(PrincipalSubspace.LeadingCount([3, 1, -1e-17], 1.0, out _), Is.EqualTo(2), "rounding's negative eigenvalue adds nothing");
        Assert.Throws<ArgumentOutOfRangeException>(() => PrincipalSubspace.Fit(Variable<double>.Zeros(3, 2), 0));
        Assert.Throws<ArgumentException>(() => PrincipalSubspace.Fit(Variable<double>.Zeros(1, 2)));
    }

    // ReLU features of 3-D points, as a hidden layer of the network sees them: few directions hold 95%.
    static Variable<double> ReluLayer(int n, int width, ulong seed)
    {
        var d = new TestData(seed);
        var w = d.Array<double>(3 * width);
        var b = d.Array<double>(width, -0.5, 0.5);
        var h = new double[n * width];
        for (int i = 0; i < n; i++)
        {
            double x = d.Uniform(-1, 1), y = d.Uniform(-1, 1), z = d.Uniform(-1, 1);
            for (int c = 0; c < width; c++) h[i * width + c] = Math.Max(0, w[3 * c] * x + w[3 * c + 1] * y + w[3 * c + 2] * z + b[c]);
        }
        return Variable<double>.FromSpan(n, width, h);
    }

    static void AssertSameSubspace(PrincipalSubspace expected, PrincipalSubspace actual, double tolerance)
    {
        Assert.That(actual.Count, Is.EqualTo(expected.Count));
        Assert.That(actual.ExplainedFraction, Is.EqualTo(expected.ExplainedFraction).Within(1e-9));
        int d = expected.Dimension, k = expected.Count;
        var u = Matrix<double>.Build.DenseOfRowMajor(d, k, expected.Components.ToArray());
        var v = Matrix<double>.Build.DenseOfRowMajor(d, k, actual.Components.ToArray());
        Assert.That((u * u.Transpose() - v * v.Transpose()).FrobeniusNorm(), Is.LessThan(tolerance));
        for (int i = 0; i < k; i++) Assert.That(actual.Eigenvalues[i], Is.EqualTo(expected.Eigenvalues[i]).Within(1e-9 * expected.Eigenvalues[0]));
    }

    [TestCase(128, 128, 900UL)]
    [TestCase(2000, 128, 901UL)]
    [TestCase(64, 32, 902UL)]
    public void Lanczos_finds_the_same_subspace_as_the_full_decomposition(int n, int width, ulong seed)
    {
        var h = ReluLayer(n, width, seed);
        var full = PrincipalSubspace.Fit(h);
        var fast = PrincipalSubspace.FitLeading(h);
        Assert.That(fast.Eigenvalues.Length, Is.LessThan(width / 2), "the Lanczos path answered, not the fallback");
        AssertSameSubspace(full, fast, 1e-7);
        AssertSameSubspace(PrincipalSubspace.Fit(Anisotropic(500, 903)), PrincipalSubspace.FitLeading(Anisotropic(500, 903)), 1e-7);
    }

    [Test]
    public void Lanczos_handles_repeated_eigenvalues_and_flat_spectra()
    {
        // Points on the axes of 3 dimensions out of 40 with equal spread: a triple eigenvalue, which one
        // Krylov sequence sees once; the breakdown restarts find the other two copies.
        var rows = new double[300 * 40];
        for (int i = 0; i < 300; i++) rows[i * 40 + i % 3] = i % 2 == 0 ? 1 : -1;
        var h = Variable<double>.FromSpan(300, 40, rows);
        AssertSameSubspace(PrincipalSubspace.Fit(h), PrincipalSubspace.FitLeading(h), 1e-7);
        Assert.That(PrincipalSubspace.FitLeading(h).Count, Is.EqualTo(3));
        // White noise needs nearly all directions: the fallback answers, with the same result.
        var noise = new TestData(904).Variable<double>(300, 40);
        Assert.That(PrincipalSubspace.FitLeading(noise).Eigenvalues.Length, Is.EqualTo(40));
        AssertSameSubspace(PrincipalSubspace.Fit(noise), PrincipalSubspace.FitLeading(noise), 1e-9);
    }
}
