using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Kernels;
using MathNet.Numerics.LinearAlgebra;

namespace LatentSymmetry.Core.Invariance;

/// <summary>
/// The principal components of a layer's activations that explain a given fraction of their variance:
/// the k leading eigenvectors of the sample covariance (divisor n − 1), k the fewest whose eigenvalues
/// reach the fraction of the total and at least 1 (the authors' <c>pca_from_covariance</c>). A one-column
/// activation (a scalar output) keeps its one direction.
/// </summary>
public sealed class PrincipalSubspace
{
    readonly double[] _mean;
    readonly double[] _eigenvalues;
    readonly double[] _components;

    PrincipalSubspace(double[] mean, double[] eigenvalues, double[] components, int count, double explained)
    {
        _mean = mean;
        _eigenvalues = eigenvalues;
        _components = components;
        Count = count;
        ExplainedFraction = explained;
    }

    /// <summary>Width d of the activation.</summary>
    public int Dimension => _mean.Length;

    /// <summary>Number k of components kept.</summary>
    public int Count { get; }

    /// <summary>Fraction of the total variance the k components explain (their eigenvalues over the sum of all).</summary>
    public double ExplainedFraction { get; }

    /// <summary>The column means of the activations the subspace was fitted to.</summary>
    public ReadOnlySpan<double> Mean => _mean;

    /// <summary>All d eigenvalues of the covariance, largest first (rounding can leave tiny negative ones).</summary>
    public ReadOnlySpan<double> Eigenvalues => _eigenvalues;

    /// <summary>The projection U, [d x k] row-major: column c is the c-th principal direction (unit length; its sign is arbitrary).</summary>
    public ReadOnlySpan<double> Components => _components;

    /// <summary>
    /// Fits the subspace to <paramref name="activations"/> [n x d] (rows = points, n ≥ 2), keeping the
    /// fewest leading components that explain at least <paramref name="explainedVariance"/> of the variance.
    /// </summary>
    public static PrincipalSubspace Fit<T>(Variable<T> activations, double explainedVariance = 0.95) where T : unmanaged, IFloatingPointIeee754<T>
        => Fit(ActivationRows.From(activations), explainedVariance);

    internal static PrincipalSubspace Fit(ActivationRows h, double explainedVariance)
    {
        if (!(explainedVariance > 0 && explainedVariance <= 1))
            throw new ArgumentOutOfRangeException(nameof(explainedVariance), explainedVariance, "the explained fraction of variance must be in (0, 1]");
        if (h.Rows < 2) throw new ArgumentException($"a covariance needs at least two points, got {h.Rows}", nameof(h));
        int n = h.Rows, d = h.Cols;
        var mean = h.ColumnMeans();
        if (d == 1)
        {
            double v = 0;
            for (int i = 0; i < n; i++) v += (h.Data[i] - mean[0]) * (h.Data[i] - mean[0]);
            return new PrincipalSubspace(mean, [v / (n - 1)], [1.0], 1, 1.0);
        }
        var cov = new double[d * d];
        Covariance(h.Centred(mean).Data, n, d, cov);
        var evd = Matrix<double>.Build.DenseOfColumnMajor(d, d, cov).Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(z => z.Real).ToArray();
        var order = Enumerable.Range(0, d).OrderByDescending(i => values[i]).ThenBy(i => i).ToArray();
        var sorted = order.Select(i => values[i]).ToArray();

        int k = LeadingCount(sorted, explainedVariance, out double explained);
        var vectors = evd.EigenVectors;
        var u = new double[d * k];
        for (int c = 0; c < k; c++)
            for (int r = 0; r < d; r++) u[r * k + c] = vectors[r, order[c]];
        return new PrincipalSubspace(mean, sorted, u, k, explained);
    }

    /// <summary>
    /// The same subspace as <see cref="Fit{T}"/> (to rounding) for the training penalties, fast when few
    /// components hold the variance: the leading eigenpairs by the Lanczos method, falling back to the full
    /// eigendecomposition when they need more than half the dimensions. <see cref="Eigenvalues"/> then holds
    /// only the leading eigenvalues found.
    /// </summary>
    public static PrincipalSubspace FitLeading<T>(Variable<T> activations, double explainedVariance = 0.95) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = activations.Rows, d = activations.Cols;
        if (n < 2 || d == 1 || !(explainedVariance > 0 && explainedVariance <= 1)) return Fit(ActivationRows.From(activations), explainedVariance);
        // Pooled work arrays: a training step calls this every time, and d x d and n x d doubles would
        // otherwise land on the large-object heap each call. Same values as Fit's, operation for operation.
        var pool = System.Buffers.ArrayPool<double>.Shared;
        var centred = pool.Rent(n * d);
        var cov = pool.Rent(d * d);
        try
        {
            var source = activations.Span;
            for (int i = 0; i < n * d; i++) centred[i] = double.CreateTruncating(source[i]);
            var mean = new double[d];
            for (int i = 0; i < n; i++) System.Numerics.Tensors.TensorPrimitives.Add(mean, centred.AsSpan(i * d, d), mean);
            System.Numerics.Tensors.TensorPrimitives.Divide(mean, n, mean);
            for (int i = 0; i < n; i++) System.Numerics.Tensors.TensorPrimitives.Subtract(centred.AsSpan(i * d, d), mean, centred.AsSpan(i * d, d));
            Covariance(centred, n, d, cov);
            double trace = 0;
            for (int i = 0; i < d; i++) trace += Math.Max(cov[i * d + i], 0);
            if (trace > 0 && LeadingEigenvectors.TryCompute(cov, d, trace, explainedVariance, Math.Max(8, d / 2), out var values, out var u, out int k, out double explained))
                return new PrincipalSubspace(mean, values, u, k, explained);
        }
        finally
        {
            pool.Return(centred);
            pool.Return(cov);
        }
        return Fit(ActivationRows.From(activations), explainedVariance);
    }

    // The sample covariance (divisor n − 1) of centred rows [n x d], into cov as d x d row-major, exactly symmetric.
    static void Covariance(double[] centred, int n, int d, double[] cov)
    {
        Gemm.Multiply<double>(GemmForm.TN, d, d, n, centred.AsSpan(0, n * d), centred.AsSpan(0, n * d), cov.AsSpan(0, d * d), accumulate: false); // Hcᵀ·Hc
        System.Numerics.Tensors.TensorPrimitives.Divide(cov.AsSpan(0, d * d), n - 1, cov.AsSpan(0, d * d));
        // The product is symmetric up to rounding in the order of its sums; make it exactly so for the solver.
        for (int r = 0; r < d; r++)
            for (int c = r + 1; c < d; c++)
                cov[r * d + c] = cov[c * d + r] = 0.5 * (cov[r * d + c] + cov[c * d + r]);
    }

    /// <summary>
    /// The fewest leading eigenvalues (sorted largest first) whose sum reaches <paramref name="fraction"/> of
    /// the total, at least 1. Rounding's negative eigenvalues count as zero variance.
    /// </summary>
    internal static int LeadingCount(ReadOnlySpan<double> sortedDescending, double fraction, out double explained)
    {
        double total = 0;
        foreach (double v in sortedDescending) total += Math.Max(v, 0);
        if (!(total > 0))
        {
            explained = 1;
            return 1; // no variance at all: any one direction explains all of it
        }
        double target = fraction * total, sum = 0;
        int k = 0;
        while (k < sortedDescending.Length)
        {
            sum += Math.Max(sortedDescending[k], 0);
            k++;
            if (sum >= target) break;
        }
        explained = Math.Min(sum / total, 1);
        return k;
    }

    /// <summary>(h − mean)·U for every row of <paramref name="activations"/> [m x d]: the coordinates on the components, [m x k] row-major.</summary>
    public double[] Project<T>(Variable<T> activations) where T : unmanaged, IFloatingPointIeee754<T>
        => Project(ActivationRows.From(activations), centre: true).Data;

    internal ActivationRows Project(ActivationRows h, bool centre)
    {
        if (h.Cols != Dimension) throw new ArgumentException($"activations of width {h.Cols} do not fit a subspace of {Dimension} dimensions", nameof(h));
        var source = centre ? h.Centred(_mean) : h;
        var z = new ActivationRows(h.Rows, Count);
        Gemm.Multiply<double>(GemmForm.NN, h.Rows, Count, Dimension, source.Data, _components, z.Data, accumulate: false);
        return z;
    }
}
