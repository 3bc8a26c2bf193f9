using LatentSymmetry.Core.Symmetry;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace LatentSymmetry.Core.Discovery;

/// <summary>
/// Finds the linear infinitesimal symmetries of a scalar function from its gradients (LieGG, Moskalev et al. 2022;
/// LieSD): A is a symmetry when ∇f(x)·(A x) = 0 at every x, so with A = Σ c_j B_j over a basis of the space searched
/// the rows ∇f(x_i)·(B_j x_i) form an N × m matrix M whose null space is the algebra. The dimension is the number of
/// leading singular directions along which the reference function (the model's field, or the field) changes no more
/// than the gradients' own error (<see cref="NoiseFloor"/>): a comparison with a measured error rather than a hand-set
/// threshold.
/// </summary>
public static class SymmetryDiscovery
{
    // The unit roundoff of float64, 2^-52 (numpy's finfo.eps); double.Epsilon is the smallest subnormal.
    const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Fewest points for a space of dimension <paramref name="spaceDimension"/>: the constraint needs at least as many rows as unknowns.</summary>
    public static int MinimumPoints(int spaceDimension) => spaceDimension;

    /// <summary>Discovers the symmetries of <paramref name="sample"/> within <paramref name="space"/>.</summary>
    /// <exception cref="ArgumentException">Fewer points than the space's dimension, or a space for other points.</exception>
    public static DiscoveryResult Discover(GradientSample sample, AlgebraSpace space)
    {
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(space);
        int n = sample.PointDimension, m = space.Dimension, count = sample.Count;
        if (space.PointDimension != n) throw new ArgumentException($"{space.Name} acts on R^{space.PointDimension}, the points are in R^{n}", nameof(space));
        if (count < MinimumPoints(m)) throw new ArgumentException($"{count} points are too few for {space.Name} ({m} unknowns need at least {m} points)", nameof(sample));

        var constraint = Constraint(sample.Points, sample.Gradients, n, space);
        var (singular, vectors) = AscendingSvd(constraint);
        // numpy's matrix_rank tolerance, max(N, m)·ε·σ_max, with σ_max taken over all of gl(n) (‖M_gl‖_F = √N·n·rate
        // bounds it): within a space that is all symmetry (so(3) of a radial field) the space's own σ_max is rounding.
        double reference = ReferenceRate(sample);
        double rounding = Math.Max(count, m) * MachineEpsilon * Math.Sqrt(count) * n * reference;
        var breaking = singular;
        var error = new double[m];
        string source = $"exact gradients: rounding only ({sample.Source})";
        if (sample.GradientErrors is { } errors)
        {
            var errorMatrix = Constraint(sample.Points, errors, n, space);
            // The reference's own constraint: M = M̂ - E (for a model, the field's; for differences, the finer step's).
            var referenceMatrix = sample.ErrorIsDeviation ? constraint - errorMatrix : constraint;
            breaking = new double[m];
            for (int k = 0; k < m; k++)
            {
                var v = Vector<double>.Build.DenseOfArray(vectors[k]);
                breaking[k] = (referenceMatrix * v).L2Norm();
                error[k] = (errorMatrix * v).L2Norm();
            }
            source = sample.Source;
        }
        var floor = new NoiseFloor(breaking, error, rounding, source);
        int dimension = 0;
        while (dimension < m && floor.Within(dimension)) dimension++;

        var relative = singular.Select(s => s / Math.Sqrt(count) / reference).ToArray();
        var basis = new double[dimension][];
        for (int k = 0; k < dimension; k++) basis[k] = space.Matrix(vectors[k]);
        var distances = ReferenceAlgebra.For(n).Select(r => (r.Name, GrassmannDistance.Between(basis, r.Basis))).ToList();

        var violations = new List<GeneratorViolation>();
        var rotations = n == 3 ? SymmetryGroup.So3 : n == 2 ? SymmetryGroup.So2 : null;
        if (rotations is not null)
            for (int k = 0; k < rotations.Generators.Count; k++)
                violations.Add(Violation(sample, rotations.GeneratorNames[k], rotations.Generators[k], reference));
        for (int k = 0; k < dimension; k++) violations.Add(Violation(sample, $"A{k + 1}", basis[k], reference));

        return new DiscoveryResult
        {
            Space = space,
            Points = count,
            SingularValues = singular,
            RelativeSingularValues = relative,
            ReferenceRate = reference,
            Floor = floor,
            Dimension = dimension,
            Basis = basis,
            Distances = distances,
            Violations = violations,
        };
    }

    /// <summary>The violation of <paramref name="generator"/> (row-major n×n) on <paramref name="sample"/>; see <see cref="GeneratorViolation"/>.</summary>
    public static GeneratorViolation Violation(GradientSample sample, string name, double[] generator) =>
        Violation(sample, name, generator, ReferenceRate(sample));

    static GeneratorViolation Violation(GradientSample sample, string name, double[] a, double reference)
    {
        int n = sample.PointDimension;
        double sum = 0;
        for (int i = 0; i < sample.Count; i++)
        {
            double r = Rate(sample.Gradients.AsSpan(i * n, n), a, sample.Points.AsSpan(i * n, n));
            sum += r * r;
        }
        double absolute = Math.Sqrt(sum / sample.Count);
        return new GeneratorViolation(name, (double[])a.Clone(), absolute / AlgebraSpace.Norm(a) / reference, absolute);
    }

    /// <summary>
    /// sqrt(mean_i ‖∇f_i‖² ‖x_i‖²) / n: the RMS of ∇f·Bx over the points and over B uniform on the unit sphere of gl(n),
    /// since E[(gᵀBx)²] = ‖g‖²‖x‖²/n² for such B.
    /// </summary>
    public static double ReferenceRate(GradientSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        int n = sample.PointDimension;
        double sum = 0;
        for (int i = 0; i < sample.Count; i++)
        {
            var g = sample.Gradients.AsSpan(i * n, n);
            var x = sample.Points.AsSpan(i * n, n);
            sum += AlgebraSpace.Dot(g, g) * AlgebraSpace.Dot(x, x);
        }
        return Math.Sqrt(sum / sample.Count) / n;
    }

    // ∇f·(A x) for one point.
    static double Rate(ReadOnlySpan<double> g, ReadOnlySpan<double> a, ReadOnlySpan<double> x)
    {
        int n = x.Length;
        double s = 0;
        for (int r = 0; r < n; r++) s += g[r] * AlgebraSpace.Dot(a.Slice(r * n, n), x);
        return s;
    }

    // Row i, column j: ∇f(x_i)·(B_j x_i).
    static Matrix<double> Constraint(double[] points, double[] gradients, int n, AlgebraSpace space)
    {
        int count = points.Length / n;
        var matrix = Matrix<double>.Build.Dense(count, space.Dimension);
        for (int i = 0; i < count; i++)
            for (int j = 0; j < space.Dimension; j++)
                matrix[i, j] = Rate(gradients.AsSpan(i * n, n), space.Basis[j], points.AsSpan(i * n, n));
        return matrix;
    }

    // Singular values ascending with their right singular vectors. A Householder QR first reduces the N × m matrix to
    // its m × m triangle R with the same singular values and right vectors, so the SVD never forms the N × N U; the
    // Gram matrix MᵀM would square the condition number and lose the small singular values this is all about.
    static (double[] Values, double[][] Vectors) AscendingSvd(Matrix<double> matrix)
    {
        var r = matrix.QR(QRMethod.Thin).R;
        var svd = r.Svd(true);
        int m = matrix.ColumnCount;
        var values = new double[m];
        var vectors = new double[m][];
        for (int k = 0; k < m; k++)
        {
            values[k] = svd.S[m - 1 - k];
            vectors[k] = svd.VT.Row(m - 1 - k).ToArray();
        }
        return (values, vectors);
    }
}
