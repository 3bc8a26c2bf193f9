using System.Numerics;

namespace LatentSymmetry.Core.Symmetry;

/// <summary>
/// Rotates rows of points by one d×d matrix each, outside any tape (for data augmentation and evaluation):
/// the same arithmetic, in the same order, as the tape's RotateRows.
/// </summary>
public static class PointRotation
{
    /// <summary>
    /// rotated[i] = R_i · points[i] for rows of <paramref name="dimension"/> coordinates, R_i row-major in
    /// <paramref name="matrices"/> (d² values per row). <paramref name="rotated"/> may be <paramref name="points"/> itself.
    /// </summary>
    public static void Apply<T>(ReadOnlySpan<T> matrices, ReadOnlySpan<T> points, Span<T> rotated, int dimension)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = dimension;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(d);
        int n = points.Length / d;
        if (points.Length != n * d || matrices.Length != n * d * d || rotated.Length != points.Length)
            throw new ArgumentException($"{points.Length} coordinates in rows of {d} need {n * d * d} matrix values and {points.Length} outputs; got {matrices.Length} and {rotated.Length}");
        Span<T> p = stackalloc T[d];
        for (int i = 0; i < n; i++)
        {
            points.Slice(d * i, d).CopyTo(p);
            var m = matrices.Slice(d * d * i, d * d);
            for (int j = 0; j < d; j++)
            {
                T sum = m[d * j] * p[0];
                for (int k = 1; k < d; k++) sum += m[d * j + k] * p[k];
                rotated[d * i + j] = sum;
            }
        }
    }
}
