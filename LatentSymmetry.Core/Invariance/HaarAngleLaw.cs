namespace LatentSymmetry.Core.Invariance;

/// <summary>
/// The law of the rotation angle t ∈ [0, π] of a Haar-random rotation of SO(3): density (1 − cos t)/π,
/// distribution function F(t) = (t − sin t)/π (small angles are rare: few rotations are near the identity).
/// Its quantiles split [0, π] into classes a Haar rotation falls in equally often, which is how MI's
/// classes of the relative rotation are drawn for SO(3).
/// </summary>
public static class HaarAngleLaw
{
    /// <summary>The density (1 − cos t)/π on [0, π], 0 outside.</summary>
    public static double Density(double angle) => angle is >= 0 and <= Math.PI ? (1 - Math.Cos(angle)) / Math.PI : 0;

    /// <summary>F(t) = P(angle ≤ t) = (t − sin t)/π, clamped to [0, 1] outside [0, π].</summary>
    public static double Cdf(double angle) => angle <= 0 ? 0 : angle >= Math.PI ? 1 : TMinusSin(angle) / Math.PI;

    /// <summary>
    /// The angle t with F(t) = <paramref name="probability"/>: the root of t − sin t = π·p on [0, π]
    /// (Kepler's equation at eccentricity 1, with no closed form), by Newton's method from the small-angle
    /// solution t ≈ (6πp)^(1/3), kept inside a shrinking bracket so it cannot leave [0, π].
    /// </summary>
    public static double Quantile(double probability)
    {
        if (!(probability >= 0 && probability <= 1)) throw new ArgumentOutOfRangeException(nameof(probability), probability, "a probability must be in [0, 1]");
        if (probability == 0) return 0;
        if (probability == 1) return Math.PI;
        double target = Math.PI * probability, lo = 0, hi = Math.PI;
        double t = Math.Min(Math.Cbrt(6 * target), Math.PI);
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double f = TMinusSin(t) - target;
            if (f == 0) return t;
            if (f > 0) hi = t; else lo = t;
            double slope = 1 - Math.Cos(t);
            double next = t - f / slope;
            if (!(next > lo && next < hi)) next = 0.5 * (lo + hi); // Newton left the bracket: bisect instead
            if (Math.Abs(next - t) <= 1e-16 * t) return next;
            t = next;
        }
        return t;
    }

    /// <summary>
    /// The K + 1 class boundaries 0 = b_0 &lt; b_1 &lt; … &lt; b_K = π with F(b_c) = c/K: class c holds
    /// angles in [b_c, b_{c+1}), each with probability 1/K under Haar sampling.
    /// </summary>
    public static double[] ClassBoundaries(int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        var b = new double[classCount + 1];
        for (int c = 1; c < classCount; c++) b[c] = Quantile((double)c / classCount);
        b[classCount] = Math.PI;
        return b;
    }

    /// <summary>The class c of <paramref name="angle"/>: b_c ≤ angle &lt; b_{c+1} (π itself in the last class).</summary>
    public static int ClassOf(double angle, ReadOnlySpan<double> boundaries)
    {
        int k = boundaries.Length - 1;
        int lo = 0, hi = k; // invariant: boundaries[lo] <= angle < boundaries[hi], or angle past the last
        while (hi - lo > 1)
        {
            int mid = (lo + hi) >>> 1;
            if (angle >= boundaries[mid]) lo = mid; else hi = mid;
        }
        return lo;
    }

    // t − sin t without the cancellation of its two terms at small t: the Taylor series t³/3! − t⁵/5! + …
    // below 0.5 (the eighth term is under 1e-30 of the first there).
    static double TMinusSin(double t)
    {
        if (t >= 0.5) return t - Math.Sin(t);
        double t2 = t * t, term = t * t2 / 6, sum = 0;
        for (int n = 3; n < 30 && term != 0; n += 2)
        {
            sum += term;
            term *= -t2 / ((n + 1) * (n + 2));
        }
        return sum;
    }
}
