using System.Numerics;

namespace LatentSymmetry.Core.Fields;

/// <summary>A vector field evaluated on the rows of a row-major [n, d] block of points.</summary>
public static class VectorFieldRows
{
    /// <summary>
    /// F at each row of <paramref name="points"/> (n rows of d) into the n rows of d <paramref name="values"/>: each point
    /// widened to double, each component rounded to T once, as <see cref="ScalarFieldRows.EvaluateRows"/> does.
    /// </summary>
    public static void EvaluateRows<T>(this IVectorField field, ReadOnlySpan<T> points, Span<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(field);
        int d = field.Dimension;
        if (points.Length % d != 0 || values.Length != points.Length)
            throw new ArgumentException($"points and values hold rows of {d}; got {points.Length} and {values.Length} values", nameof(values));
        Span<double> point = stackalloc double[d];
        Span<double> value = stackalloc double[d];
        for (int i = 0; i < points.Length / d; i++)
        {
            for (int j = 0; j < d; j++) point[j] = double.CreateTruncating(points[d * i + j]);
            field.Evaluate(point, value);
            for (int j = 0; j < d; j++) values[d * i + j] = T.CreateTruncating(value[j]);
        }
    }
}
