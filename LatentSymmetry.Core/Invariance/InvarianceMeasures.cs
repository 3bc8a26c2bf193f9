using System.Numerics;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Kernels;

namespace LatentSymmetry.Core.Invariance;

/// <summary>
/// The per-layer invariance measures of the authors' later versions (canisli/latent-symmetry,
/// <c>src/metrics/{sl,q,rsl}_metric.py</c> and <c>src/orbit.py</c>), from activation matrices whose rows
/// are the test points: <c>clean</c> = h(x), <c>turned1</c> = h(g1 x), <c>turned2</c> = h(g2 x), each [n x d],
/// row i of each from the same test point x_i. Everything accumulates in float64.
/// </summary>
/// <remarks>
/// The authors write both Q's numerator and its denominator with a factor ½ (<c>compute_orbit_variance</c>,
/// <c>compute_pairwise_variance</c>); it cancels, so Q_h here is the ratio of the full expectations. When the
/// orbit term is exactly zero the ratio is 0 even if the layer is constant (a dead layer is invariant).
/// </remarks>
public static class InvarianceMeasures
{
    /// <summary>SL = ½ E‖h(g1 x) − h(g2 x)‖², the training loss's symmetry penalty as a measure.</summary>
    public static double SymmetryLoss<T>(Variable<T> turned1, Variable<T> turned2) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckPair(turned1, turned2);
        return 0.5 * Mean(OrbitTerms(ActivationRows.From(turned1), ActivationRows.From(turned2)));
    }

    /// <summary>
    /// E_{i≠j} ‖h_i − h_j‖² over all ordered pairs of distinct rows (at least two), in O(n·d): it equals
    /// 2/(n − 1) · Σ_i ‖h_i − h̄‖² (two passes: the mean, then the centred sum of squares).
    /// </summary>
    public static double PairSpread<T>(Variable<T> activations) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (activations.Rows < 2) throw new ArgumentException($"a pair needs two rows, got {activations.Shape}", nameof(activations));
        var h = ActivationRows.From(activations);
        return Spread(h.Centred(h.ColumnMeans()));
    }

    /// <summary>Q_h = E‖h(g1 x) − h(g2 x)‖² / E_{x≠x'}‖h(x) − h(x')‖² (0: invariant; 1: no more invariant than the data's spread).</summary>
    public static double Qh<T>(Variable<T> clean, Variable<T> turned1, Variable<T> turned2) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckPair(turned1, turned2);
        if (clean.Cols != turned1.Cols) throw new ArgumentException($"h(x) {clean.Shape} and h(g x) {turned1.Shape} must have the same width", nameof(clean));
        return Ratio(Mean(OrbitTerms(ActivationRows.From(turned1), ActivationRows.From(turned2))), PairSpread(clean));
    }

    /// <summary>Q: Q_h of the coordinates on the principal components of h(x) explaining <paramref name="explainedVariance"/> of its variance.</summary>
    public static double Q<T>(Variable<T> clean, Variable<T> turned1, Variable<T> turned2, double explainedVariance = 0.95) where T : unmanaged, IFloatingPointIeee754<T>
        => Measure(clean, turned1, turned2, new InvarianceMeasureOptions { ExplainedVariance = explainedVariance, BootstrapReplicates = 0 }).Q.Value;

    /// <summary>RSL = E[‖h(g1 x) − h(g2 x)‖² / (‖h(g1 x)‖² + ‖h(g2 x)‖² + ε)], a per-point scale-free symmetry loss in [0, 2].</summary>
    public static double RelativeSymmetryLoss<T>(Variable<T> turned1, Variable<T> turned2, double epsilon = 1e-8) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckPair(turned1, turned2);
        ArgumentOutOfRangeException.ThrowIfNegative(epsilon);
        var a = ActivationRows.From(turned1);
        var b = ActivationRows.From(turned2);
        return Mean(RelativeTerms(OrbitTerms(a, b), a, b, epsilon));
    }

    /// <summary>
    /// SL, Q_h, Q and RSL of one layer with percentile-bootstrap intervals over the test points: each
    /// replicate resamples the points (with their three activations) and recomputes every measure, the
    /// principal subspace of Q held fixed at its fit to all points.
    /// </summary>
    public static LayerInvariance Measure<T>(Variable<T> clean, Variable<T> turned1, Variable<T> turned2, InvarianceMeasureOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        options ??= InvarianceMeasureOptions.Default;
        CheckPair(turned1, turned2);
        if (clean.Rows != turned1.Rows || clean.Cols != turned1.Cols)
            throw new ArgumentException($"h(x) {clean.Shape} and h(g x) {turned1.Shape} must have the same shape: one row per test point", nameof(clean));
        if (clean.Rows < 2) throw new ArgumentException($"the measures need at least two test points, got {clean.Rows}", nameof(clean));

        int n = clean.Rows;
        var h = ActivationRows.From(clean);
        var a = ActivationRows.From(turned1);
        var b = ActivationRows.From(turned2);
        var centred = h.Centred(h.ColumnMeans());
        var orbit = OrbitTerms(a, b);
        var relative = RelativeTerms(orbit, a, b, options.RslEpsilon);

        var subspace = PrincipalSubspace.Fit(h, options.ExplainedVariance);
        var z = subspace.Project(centred, centre: false);
        var projectedOrbit = subspace.Project(Difference(a, b), centre: false).RowSquaredNorms();

        double orbitMean = Mean(orbit), projectedMean = Mean(projectedOrbit);
        double sl = 0.5 * orbitMean, qh = Ratio(orbitMean, Spread(centred)), q = Ratio(projectedMean, Spread(z)), rsl = Mean(relative);

        int replicates = options.BootstrapReplicates;
        var bounds = new (double, double)[4];
        if (replicates == 0) Array.Fill(bounds, (double.NaN, double.NaN));
        else
        {
            // All resamples at once: their multiplicities form a [B x n] matrix C, so the per-resample sums
            // Σ c_i h_i are the rows of C·H, one matrix product instead of B passes over the activations.
            var counts = ResampleCounts(n, replicates, options.Seed);
            var o = WeightedSums(counts, replicates, n, orbit);
            var p = WeightedSums(counts, replicates, n, projectedOrbit);
            var rs = WeightedSums(counts, replicates, n, relative);
            var hs = WeightedSpreads(counts, replicates, centred);
            var zs = WeightedSpreads(counts, replicates, z);
            var samples = new double[4][];
            for (int s = 0; s < 4; s++) samples[s] = new double[replicates];
            for (int r = 0; r < replicates; r++)
            {
                samples[0][r] = 0.5 * o[r] / n;
                samples[1][r] = Ratio(o[r] / n, hs[r]);
                samples[2][r] = Ratio(p[r] / n, zs[r]);
                samples[3][r] = rs[r] / n;
            }
            for (int s = 0; s < 4; s++) bounds[s] = PercentileBootstrap.Interval(samples[s], options.ConfidenceLevel);
        }
        return new LayerInvariance(
            new MeasureEstimate(sl, bounds[0].Item1, bounds[0].Item2),
            new MeasureEstimate(qh, bounds[1].Item1, bounds[1].Item2),
            new MeasureEstimate(q, bounds[2].Item1, bounds[2].Item2),
            new MeasureEstimate(rsl, bounds[3].Item1, bounds[3].Item2),
            subspace.Count,
            subspace.ExplainedFraction);
    }

    static void CheckPair<T>(Variable<T> turned1, Variable<T> turned2) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (turned1.Rows != turned2.Rows || turned1.Cols != turned2.Cols)
            throw new ArgumentException($"h(g1 x) {turned1.Shape} and h(g2 x) {turned2.Shape} must have the same shape: one row per test point");
        if (turned1.Rows == 0) throw new ArgumentException("no test points: the activations have no rows");
    }

    static ActivationRows Difference(ActivationRows a, ActivationRows b)
    {
        var d = new ActivationRows(a.Rows, a.Cols);
        TensorPrimitives.Subtract(a.Data, b.Data, d.Data);
        return d;
    }

    // ‖h(g1 x_i) − h(g2 x_i)‖² for every point.
    static double[] OrbitTerms(ActivationRows a, ActivationRows b) => Difference(a, b).RowSquaredNorms();

    static double[] RelativeTerms(double[] orbit, ActivationRows a, ActivationRows b, double epsilon)
    {
        var na = a.RowSquaredNorms();
        var nb = b.RowSquaredNorms();
        var r = new double[orbit.Length];
        for (int i = 0; i < r.Length; i++) r[i] = orbit[i] / (na[i] + nb[i] + epsilon);
        return r;
    }

    static double Mean(double[] x) => ActivationRows.Sum(x) / x.Length;

    static double Ratio(double orbit, double spread) => orbit == 0 ? 0 : orbit / spread;

    // 2/(n − 1) Σ_i ‖c_i − c̄‖² for rows c_i that are already centred (c̄ is rounding only, kept for exactness).
    static double Spread(ActivationRows centred)
    {
        var mean = centred.ColumnMeans();
        double total = 0;
        var row = new double[centred.Cols];
        for (int i = 0; i < centred.Rows; i++)
        {
            TensorPrimitives.Subtract(centred.Row(i), mean, row);
            total += ActivationRows.SumOfSquares(row);
        }
        return 2 * total / (centred.Rows - 1);
    }

    static double[] ResampleCounts(int n, int replicates, int seed)
    {
        var bootstrap = new PercentileBootstrap(n, seed);
        var counts = new int[n];
        var matrix = new double[replicates * n];
        for (int r = 0; r < replicates; r++)
        {
            bootstrap.Next(counts);
            for (int i = 0; i < n; i++) matrix[r * n + i] = counts[i];
        }
        return matrix;
    }

    // Σ_i c_ri t_i for every resample r.
    static double[] WeightedSums(double[] counts, int replicates, int n, double[] terms)
    {
        var sums = new double[replicates];
        Gemm.Multiply<double>(GemmForm.NN, replicates, 1, n, counts, terms, sums, accumulate: false);
        return sums;
    }

    // The spread of every resample: its rows (with repeats) are n positions, and the identity over
    // positions gives 2/(n − 1) [Σ c_i ‖h_i‖² − ‖Σ c_i h_i‖² / n]. The rows are centred on the full sample's
    // mean first, so the two terms do not cancel catastrophically.
    static double[] WeightedSpreads(double[] counts, int replicates, ActivationRows centred)
    {
        int n = centred.Rows, d = centred.Cols;
        var squares = WeightedSums(counts, replicates, n, centred.RowSquaredNorms());
        var sums = new double[replicates * d];
        Gemm.Multiply<double>(GemmForm.NN, replicates, d, n, counts, centred.Data, sums, accumulate: false);
        var spreads = new double[replicates];
        for (int r = 0; r < replicates; r++)
        {
            var s = sums.AsSpan(r * d, d);
            spreads[r] = 2 * (squares[r] - ActivationRows.SumOfSquares(s) / n) / (n - 1);
        }
        return spreads;
    }
}
