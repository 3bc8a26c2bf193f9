using MathNet.Numerics.LinearAlgebra;

namespace LatentSymmetry.Core.Discovery;

/// <summary>
/// Principal angles between subspaces of R^m and the Grassmann distance built on them. For subspaces of different
/// dimensions k ≤ l the distance is that of Ye and Lim (SIAM J. Matrix Anal. Appl. 37, 2016):
/// sqrt((l − k)(π/2)² + Σ θ_i²) over the k principal angles, the distance from the smaller space to the nearest
/// space of the larger one's dimension; it is 0 only for equal spaces, so a 1-D algebra inside so(3) is still π/√2
/// from it.
/// </summary>
public static class GrassmannDistance
{
    /// <summary>
    /// The min(k, l) principal angles (radians, ascending) between the spans of two orthonormal sets. Small angles come
    /// from sines (the residual of one basis off the other) and large ones from cosines, so both are accurate to
    /// rounding (arccos alone loses half the digits near 0).
    /// </summary>
    public static double[] PrincipalAngles(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        int k = small.Count;
        if (k == 0) return [];
        int m = small[0].Length;
        var cross = Matrix<double>.Build.Dense(k, large.Count, (i, j) => AlgebraSpace.Dot(small[i], large[j]));
        var cosines = cross.Svd(false).S.ToArray();                      // descending
        var residual = Matrix<double>.Build.Dense(m, k);
        for (int i = 0; i < k; i++)
        {
            var r = (double[])small[i].Clone();
            for (int pass = 0; pass < 2; pass++)
                foreach (var q in large)
                {
                    double dot = AlgebraSpace.Dot(q, r);
                    for (int j = 0; j < m; j++) r[j] -= dot * q[j];
                }
            for (int j = 0; j < m; j++) residual[j, i] = r[j];
        }
        var sines = residual.Svd(false).S.ToArray();                     // descending: reverse to pair with the cosines
        Array.Reverse(sines);
        var angles = new double[k];
        for (int i = 0; i < k; i++)
        {
            double c = Math.Min(1, cosines[i]), s = i < sines.Length ? Math.Min(1, sines[i]) : 0;
            angles[i] = c * c >= 0.5 ? Math.Asin(s) : Math.Acos(c);
        }
        Array.Sort(angles);
        return angles;
    }

    /// <summary>The Grassmann distance (radians) between the spans of two orthonormal sets, of any dimensions.</summary>
    public static double Between(IReadOnlyList<double[]> a, IReadOnlyList<double[]> b)
    {
        var angles = PrincipalAngles(a, b);
        double sum = Math.Abs(a.Count - b.Count) * (Math.PI / 2) * (Math.PI / 2);
        foreach (var t in angles) sum += t * t;
        return Math.Sqrt(sum);
    }
}
