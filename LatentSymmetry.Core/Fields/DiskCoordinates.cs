namespace LatentSymmetry.Core.Fields;

/// <summary>Polar coordinates of a disk point, after checking the point is 2-D.</summary>
internal static class DiskCoordinates
{
    /// <summary>r = sqrt(x² + y²).</summary>
    public static double Radius(ReadOnlySpan<double> point, string field)
    {
        FieldPoint.Require(point, 2, field);
        return Math.Sqrt(point[0] * point[0] + point[1] * point[1]);
    }

    /// <summary>theta = atan2(y, x) in (-pi, pi], as NumPy's arctan2 in the original.</summary>
    public static double Angle(ReadOnlySpan<double> point, string field)
    {
        FieldPoint.Require(point, 2, field);
        return Math.Atan2(point[1], point[0]);
    }
}
