using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Invariance;

/// <summary>
/// The leading eigenpairs of a symmetric positive semi-definite matrix that hold a given share of its
/// trace, by the Lanczos method with full reorthogonalisation: a few matrix-vector products when the
/// spectrum falls off quickly (as a layer's covariance does, its input being 3-D) instead of a full
/// O(d³) eigendecomposition. A Ritz pair counts once its residual ‖C·v − θ·v‖ = |β_j·s_j| is below
/// 1e-10 of the trace; a breakdown (an invariant subspace found, as with a repeated eigenvalue) restarts
/// from a fresh vector orthogonal to the basis. Gives up (returns false) past <c>maxSteps</c> steps.
/// </summary>
/// <remarks>
/// Scalar loops in index order and a fixed start vector (a RandomStream of a constant seed): the result is the
/// same on every machine and SIMD path, as training requires.
/// </remarks>
internal static class LeadingEigenvectors
{
    const double Tolerance = 1e-10;
    const int StartSeed = 1;

    /// <summary>
    /// For the d x d row-major <paramref name="c"/> with trace <paramref name="trace"/> (positive): the
    /// fewest leading eigenpairs whose eigenvalues reach <paramref name="fraction"/> of the trace.
    /// <paramref name="values"/> gets the converged Ritz values found, largest first; <paramref name="vectors"/>
    /// the k eigenvectors as the columns of a [d x k] row-major matrix.
    /// </summary>
    public static bool TryCompute(double[] c, int d, double trace, double fraction, int maxSteps,
        out double[] values, out double[] vectors, out int k, out double explained)
    {
        maxSteps = Math.Min(maxSteps, d);
        var pool = System.Buffers.ArrayPool<double>.Shared;
        var q = pool.Rent(maxSteps * d);
        try
        {
            return Iterate(c, d, trace, fraction, maxSteps, q, out values, out vectors, out k, out explained);
        }
        finally
        {
            pool.Return(q);
        }
    }

    static bool Iterate(double[] c, int d, double trace, double fraction, int maxSteps, double[] q,
        out double[] values, out double[] vectors, out int k, out double explained)
    {
        values = vectors = [];
        k = 0;
        explained = 0;
        var alpha = new double[maxSteps];
        var beta = new double[maxSteps];
        var w = new double[d];
        var stream = new RandomStream(StartSeed);
        if (!StartVector(q, 0, d, stream)) return false;
        for (int j = 0; j < maxSteps; j++)
        {
            var qj = q.AsSpan(j * d, d);
            MultiplyVector(c, d, qj, w);
            alpha[j] = Dot(qj, w);
            // Full reorthogonalisation against every basis vector, twice ("twice is enough", Parlett).
            for (int pass = 0; pass < 2; pass++)
                for (int i = 0; i <= j; i++)
                {
                    var qi = q.AsSpan(i * d, d);
                    double h = Dot(qi, w);
                    for (int t = 0; t < d; t++) w[t] -= h * qi[t];
                }
            double b = Math.Sqrt(Dot(w, w));
            int steps = j + 1;
            bool breakdown = b <= 1e-13 * Math.Sqrt(trace);
            if (breakdown || steps % 4 == 0 || steps == maxSteps)
            {
                if (Converged(alpha, beta, steps, breakdown ? 0 : b, q, d, trace, fraction, out values, out vectors, out k, out explained))
                    return true;
            }
            if (steps == maxSteps) return false;
            if (breakdown)
            {
                beta[j] = 0; // T splits into blocks: the next block starts from a fresh direction
                if (!StartVector(q, steps, d, stream)) return false;
            }
            else
            {
                beta[j] = b;
                var next = q.AsSpan(steps * d, d);
                for (int t = 0; t < d; t++) next[t] = w[t] / b;
            }
        }
        return false;
    }

    // Ritz pairs of the tridiagonal T (alpha on the diagonal, beta beside it), largest first; success when the
    // converged leading ones reach the share of the trace before an unconverged one interrupts them.
    static bool Converged(double[] alpha, double[] beta, int m, double lastBeta, double[] q, int d, double trace, double fraction,
        out double[] values, out double[] vectors, out int k, out double explained)
    {
        values = vectors = [];
        k = 0;
        explained = 0;
        var t = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(m, m);
        for (int i = 0; i < m; i++)
        {
            t[i, i] = alpha[i];
            if (i + 1 < m) t[i, i + 1] = t[i + 1, i] = beta[i];
        }
        var evd = t.Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        var theta = evd.EigenValues.Select(z => z.Real).ToArray();
        var order = Enumerable.Range(0, m).OrderByDescending(i => theta[i]).ThenBy(i => i).ToArray();
        var s = evd.EigenVectors;
        double target = fraction * trace, sum = 0;
        int count = 0;
        foreach (int i in order)
        {
            if (Math.Abs(lastBeta * s[m - 1, i]) > Tolerance * trace) return false;
            sum += Math.Max(theta[i], 0);
            count++;
            if (sum >= target) break;
        }
        if (sum < target) return false;
        k = count;
        explained = Math.Min(sum / trace, 1);
        values = order.Take(count).Select(i => theta[i]).ToArray();
        vectors = new double[d * k];
        for (int col = 0; col < k; col++)
        {
            int i = order[col];
            for (int p = 0; p < m; p++)
            {
                double coefficient = s[p, i];
                for (int r = 0; r < d; r++) vectors[r * k + col] += coefficient * q[p * d + r];
            }
        }
        return true;
    }

    // A pseudo-random unit vector orthogonal to the first `index` basis vectors, in slot `index`.
    static bool StartVector(double[] q, int index, int d, RandomStream stream)
    {
        var v = q.AsSpan(index * d, d);
        for (int t = 0; t < d; t++) v[t] = stream.NextUniform(-1, 1);
        for (int pass = 0; pass < 2; pass++)
            for (int i = 0; i < index; i++)
            {
                var qi = q.AsSpan(i * d, d);
                double h = Dot(qi, v);
                for (int t = 0; t < d; t++) v[t] -= h * qi[t];
            }
        double norm = Math.Sqrt(Dot(v, v));
        if (!(norm > 1e-8)) return false; // the basis already spans everything
        for (int t = 0; t < d; t++) v[t] /= norm;
        return true;
    }

    // w = C·q, each element one sequential sum over the row (so the same on every machine); four rows at a
    // time, whose independent sums keep the floating-point units busy.
    static void MultiplyVector(double[] c, int d, ReadOnlySpan<double> q, double[] w)
    {
        int r = 0;
        for (; r <= d - 4; r += 4)
        {
            var c0 = c.AsSpan(r * d, d);
            var c1 = c.AsSpan((r + 1) * d, d);
            var c2 = c.AsSpan((r + 2) * d, d);
            var c3 = c.AsSpan((r + 3) * d, d);
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int t = 0; t < d; t++)
            {
                double v = q[t];
                s0 += c0[t] * v;
                s1 += c1[t] * v;
                s2 += c2[t] * v;
                s3 += c3[t] * v;
            }
            (w[r], w[r + 1], w[r + 2], w[r + 3]) = (s0, s1, s2, s3);
        }
        for (; r < d; r++) w[r] = Dot(c.AsSpan(r * d, d), q);
    }

    static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
