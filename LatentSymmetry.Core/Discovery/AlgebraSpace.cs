using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Discovery;

/// <summary>
/// The linear space searched for infinitesimal symmetries: all of gl(n) (every n×n matrix) or the Lie algebra of a
/// rotation group, with a basis orthonormal in the Frobenius inner product, so that coefficients and matrices have
/// the same lengths and angles (singular vectors and principal angles need no reweighting).
/// </summary>
public sealed class AlgebraSpace
{
    AlgebraSpace(string name, int pointDimension, IReadOnlyList<double[]> basis)
    {
        Name = name;
        PointDimension = pointDimension;
        Basis = basis;
    }

    /// <summary>"gl3", "gl2", or the group's algebra, e.g. "so3", "so2".</summary>
    public string Name { get; }

    /// <summary>n: the matrices are n×n and act on points of R^n.</summary>
    public int PointDimension { get; }

    /// <summary>The basis: row-major n×n matrices, orthonormal in the Frobenius inner product.</summary>
    public IReadOnlyList<double[]> Basis { get; }

    /// <summary>Number of basis matrices (n² for gl(n), 3 for so(3), 1 for so(2)).</summary>
    public int Dimension => Basis.Count;

    /// <summary>gl(<paramref name="n"/>): the elementary matrices E_ab, row by row.</summary>
    public static AlgebraSpace GeneralLinear(int n)
    {
        if (n is < 1 or > 16) throw new ArgumentOutOfRangeException(nameof(n), n, "points have 1..16 coordinates");
        var basis = new double[n * n][];
        for (int k = 0; k < n * n; k++)
        {
            basis[k] = new double[n * n];
            basis[k][k] = 1;
        }
        return new AlgebraSpace($"gl{n}", n, basis);
    }

    /// <summary>The Lie algebra of <paramref name="group"/>: its generators, orthonormalised (Gram-Schmidt; the built-in ones are already orthogonal, so this only scales them).</summary>
    public static AlgebraSpace Of(SymmetryGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new AlgebraSpace(group == SymmetryGroup.So2z ? "so2z" : group.Name, group.Dimension, Orthonormal(group.Generators));
    }

    /// <summary>so(n) of the space: so(3) in 3-D, so(2) on the plane.</summary>
    public static AlgebraSpace Rotations(int n) => n switch
    {
        3 => Of(SymmetryGroup.So3),
        2 => Of(SymmetryGroup.So2),
        _ => throw new ArgumentOutOfRangeException(nameof(n), n, "rotation algebras are built in for 2-D and 3-D points"),
    };

    /// <summary>The matrix Σ c_k B_k of coefficients <paramref name="coefficients"/> in <see cref="Basis"/>.</summary>
    public double[] Matrix(ReadOnlySpan<double> coefficients)
    {
        if (coefficients.Length != Dimension) throw new ArgumentException($"{Name} has {Dimension} coefficients, got {coefficients.Length}", nameof(coefficients));
        var m = new double[PointDimension * PointDimension];
        for (int k = 0; k < Dimension; k++)
            for (int j = 0; j < m.Length; j++) m[j] += coefficients[k] * Basis[k][j];
        return m;
    }

    /// <summary>Orthonormal vectors spanning the same space as <paramref name="vectors"/> (modified Gram-Schmidt, twice for accuracy).</summary>
    internal static double[][] Orthonormal(IReadOnlyList<double[]> vectors)
    {
        var result = new List<double[]>();
        foreach (var v in vectors)
        {
            var u = (double[])v.Clone();
            double original = Norm(u);
            for (int pass = 0; pass < 2; pass++)
                foreach (var q in result)
                {
                    double dot = Dot(q, u);
                    for (int j = 0; j < u.Length; j++) u[j] -= dot * q[j];
                }
            double norm = Norm(u);
            if (norm <= 1e-12 * original) continue;
            for (int j = 0; j < u.Length; j++) u[j] /= norm;
            result.Add(u);
        }
        return [.. result];
    }

    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }

    internal static double Norm(ReadOnlySpan<double> a) => Math.Sqrt(Dot(a, a));

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
