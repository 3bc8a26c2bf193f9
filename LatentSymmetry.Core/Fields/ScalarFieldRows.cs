using System.Numerics;

namespace LatentSymmetry.Core.Fields;

/// <summary>A field evaluated on the rows of a row-major [n, d] block of points.</summary>
public static class ScalarFieldRows
{
    /// <summary>
    /// The field at each row of <paramref name="points"/> (n rows of <see cref="IScalarField.Dimension"/>
    /// values) into the n <paramref name="values"/>: each point widened to double, the value rounded to T,
    /// so float and double data share their targets up to one rounding (as <c>Data.ScalarField</c>).
    /// </summary>
    public static void EvaluateRows<T>(this IScalarField field, ReadOnlySpan<T> points, Span<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(field);
        int d = field.Dimension;
        if (points.Length != d * values.Length)
            throw new ArgumentException($"points holds {points.Length} values; {values.Length} rows of {d} need {d * values.Length}.", nameof(points));
        Span<double> point = stackalloc double[d];
        for (int i = 0; i < values.Length; i++)
        {
            for (int j = 0; j < d; j++) point[j] = double.CreateTruncating(points[d * i + j]);
            values[i] = T.CreateTruncating(field.Evaluate(point));
        }
    }
}
