using System.Numerics;

namespace LatentSymmetry.Core.Data;

/// <summary>
/// The rotation-invariant target f(x, y, z) = exp(-R²/2)·cos(2R²) with R² = x² + y² + z², evaluated in
/// double whatever the storage type, so float and double datasets share their targets up to one rounding.
/// </summary>
public static class ScalarField
{
    /// <summary>f at (x, y, z), in double.</summary>
    public static double Evaluate(double x, double y, double z)
    {
        double r2 = x * x + y * y + z * z;
        return CrMath.Exp(-0.5 * r2) * CrMath.Cos(2 * r2);
    }

    /// <summary>f at (x, y, z): the point widened to double, the result rounded to T.</summary>
    public static T Evaluate<T>(T x, T y, T z)
        where T : unmanaged, IFloatingPointIeee754<T>
        => T.CreateTruncating(Evaluate(double.CreateTruncating(x), double.CreateTruncating(y), double.CreateTruncating(z)));

    /// <summary>f of each row of the row-major [n, 3] <paramref name="points"/> into the n <paramref name="values"/>.</summary>
    public static void Evaluate<T>(ReadOnlySpan<T> points, Span<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (points.Length != 3 * values.Length)
            throw new ArgumentException($"points holds {points.Length} values; {values.Length} rows of 3 need {3 * values.Length}.", nameof(points));
        for (int i = 0; i < values.Length; i++)
            values[i] = Evaluate(points[3 * i], points[3 * i + 1], points[3 * i + 2]);
    }
}
