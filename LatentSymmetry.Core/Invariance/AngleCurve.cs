namespace LatentSymmetry.Core.Invariance;

/// <summary>
/// Error against angle: the squared errors of turned test points binned by their angle to the training
/// region's axis, which shows where a model trained on a cone or a sector stops generalising.
/// </summary>
public static class AngleCurve
{
    /// <summary>
    /// The angle in degrees, in [0, 180], between <paramref name="point"/> and <paramref name="axis"/> (any
    /// dimension, axis not zero), as atan2(‖p⊥‖, p·â) with p⊥ the part of p across the axis: accurate near
    /// 0° and 180°, where the arccosine of a normalised dot product is not. The origin is at 0°.
    /// </summary>
    public static double AngleToAxis(ReadOnlySpan<double> point, ReadOnlySpan<double> axis)
    {
        if (point.Length != axis.Length) throw new ArgumentException($"a point of dimension {point.Length} and an axis of dimension {axis.Length}");
        double axisNorm = Math.Sqrt(ActivationRows.SumOfSquares(axis)), dot = 0;
        for (int i = 0; i < point.Length; i++) dot += point[i] * axis[i];
        if (!(axisNorm > 0)) throw new ArgumentException("the axis must not be zero", nameof(axis));
        double along = dot / axisNorm, across = 0;
        for (int i = 0; i < point.Length; i++)
        {
            double p = point[i] - along * axis[i] / axisNorm;
            across += p * p;
        }
        return Math.Atan2(Math.Sqrt(across), along) * (180 / Math.PI);
    }

    /// <summary>
    /// Mean squared error per bin of <paramref name="binWidthDegrees"/> over [0, <paramref name="maxDegrees"/>]
    /// (180 for the angle to an axis; 360 for an azimuth), from each point's angle and squared error.
    /// The last bin is closed at the top; a bin narrower than the others ends the range when the width does
    /// not divide it. Angles outside the range are an error.
    /// </summary>
    public static AngleBin[] Compute(ReadOnlySpan<double> anglesDegrees, ReadOnlySpan<double> squaredErrors, double binWidthDegrees = 10, double maxDegrees = 180)
    {
        if (anglesDegrees.Length != squaredErrors.Length)
            throw new ArgumentException($"{anglesDegrees.Length} angles and {squaredErrors.Length} squared errors: one each per point expected");
        if (!(binWidthDegrees > 0) || !double.IsFinite(binWidthDegrees)) throw new ArgumentOutOfRangeException(nameof(binWidthDegrees), binWidthDegrees, "the bin width must be positive");
        if (!(maxDegrees > 0) || !double.IsFinite(maxDegrees)) throw new ArgumentOutOfRangeException(nameof(maxDegrees), maxDegrees, "the range must be positive");
        int bins = (int)Math.Ceiling(maxDegrees / binWidthDegrees - 1e-9);
        var sums = new double[bins];
        var counts = new int[bins];
        for (int i = 0; i < anglesDegrees.Length; i++)
        {
            double a = anglesDegrees[i];
            if (!(a >= 0 && a <= maxDegrees)) throw new ArgumentOutOfRangeException(nameof(anglesDegrees), a, $"angle {i} is outside [0, {maxDegrees}] degrees");
            int b = Math.Min((int)(a / binWidthDegrees), bins - 1);
            sums[b] += squaredErrors[i];
            counts[b]++;
        }
        var result = new AngleBin[bins];
        for (int b = 0; b < bins; b++)
            result[b] = new AngleBin(b * binWidthDegrees, Math.Min((b + 1) * binWidthDegrees, maxDegrees), counts[b], counts[b] == 0 ? double.NaN : sums[b] / counts[b]);
        return result;
    }
}
