using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Invariance;
using MathNet.Numerics.LinearAlgebra;

namespace LatentSymmetry.Tests.Invariance;

/// <summary>The PCA projection of Q against MathNet's SVD of the centred data, and the 95% rule.</summary>
public class PrincipalSubspaceTests
{
    static readonly double[] Scales = [10, 5, 3, 1, 0.5, 0.1];

    // Columns with very different spreads, mixed by a fixed rotation so the components are not the axes.
    static Tensor<double> Anisotropic(int n, ulong seed)
    {
        var d = new TestData(seed);
        var mix = Matrix<double>.Build.Dense(6, 6, (r, c) => d.Uniform(-1, 1)).QR().Q;
        var raw = Matrix<double>.Build.Dense(n, 6, (r, c) => Scales[c] * d.Uniform(-1, 1) + 3);
        var h = raw * mix;
        return Tensor<double>.FromSpan(n, 6, h.ToRowMajorArray());
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
        Assert.That(PrincipalSubspace.Fit(Tensor<double>.FromSpan(4, 1, [1, 2, 3, 5])).Count, Is.EqualTo(1));
        var constant = PrincipalSubspace.Fit(Tensor<double>.FromSpan(3, 3, [1, 2, 3, 1, 2, 3, 1, 2, 3]));
        Assert.That(constant.Count, Is.EqualTo(1));
        Assert.That(PrincipalSubspace.LeadingCount([3, 1, 0], 0.75, out double explained), Is.EqualTo(1), "exactly reaching the fraction is enough");
        Assert.That(explained, Is.EqualTo(0.75));
        Assert.That(PrincipalSubspace.LeadingCount([3, 1, -1e-17], 1.0, out _), Is.EqualTo(2), "rounding's negative eigenvalue adds nothing");
        Assert.Throws<ArgumentOutOfRangeException>(() => PrincipalSubspace.Fit(Tensor<double>.Zeros(3, 2), 0));
        Assert.Throws<ArgumentException>(() => PrincipalSubspace.Fit(Tensor<double>.Zeros(1, 2)));
    }
}
