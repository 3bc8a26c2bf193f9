using System.Numerics;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>
/// The one per-row d×d product of the code base: rotated[i] = R_i · points[i], used by the tape's RotateRows and by
/// everything that turns points off the tape (augmentation, evaluation), so both give the same bits.
/// </summary>
public static class RowRotation
{
    /// <summary>
    /// rotated[i] = R_i · points[i] for rows of <paramref name="dimension"/> coordinates, R_i row-major in
    /// <paramref name="matrices"/> (d² values per row). Each output is the sum over k of R_i[j, k] x_i[k], added in order
    /// k = 0, 1, ..., d − 1. <paramref name="rotated"/> may be <paramref name="points"/> itself (each row is read before
    /// it is written).
    /// </summary>
    public static void Apply<T>(ReadOnlySpan<T> matrices, ReadOnlySpan<T> points, Span<T> rotated, int dimension)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = dimension;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(d);
        int n = points.Length / d;
        if (points.Length != n * d || matrices.Length != n * d * d || rotated.Length != points.Length)
            throw new ArgumentException($"{points.Length} coordinates in rows of {d} need {n * d * d} matrix values and {points.Length} outputs; got {matrices.Length} and {rotated.Length}");
        Span<T> p = d <= 16 ? stackalloc T[d] : new T[d];
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
    /// <summary>
    /// For rows of <paramref name="width"/> values whose first <paramref name="blocks"/> groups of d are vectors: each vector
    /// turned by R_i (or by R_iᵀ = R_i⁻¹ when <paramref name="transpose"/>), the rest copied; a row's vector is a sum over k in
    /// order k = 0, ..., d − 1, as <see cref="Apply"/>. With one block, no transpose and width d, exactly <see cref="Apply"/>.
    /// <paramref name="turned"/> may not overlap <paramref name="rows"/>.
    /// </summary>
    public static void ApplyBlocks<T>(ReadOnlySpan<T> matrices, ReadOnlySpan<T> rows, Span<T> turned, int dimension, int blocks, int width, bool transpose)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = dimension;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(d);
        ArgumentOutOfRangeException.ThrowIfNegative(blocks);
        int n = width == 0 ? 0 : rows.Length / width;
        if (blocks * d > width || rows.Length != n * width || matrices.Length != n * d * d || turned.Length != rows.Length)
            throw new ArgumentException($"{blocks} blocks of {d} in rows of {width}: {rows.Length} values need {n * d * d} matrix values and {rows.Length} outputs; got {matrices.Length} and {turned.Length}");
        int js = transpose ? 1 : d, ks = transpose ? d : 1; // R[j, k] or R[k, j]
        for (int i = 0; i < n; i++)
        {
            var m = matrices.Slice(d * d * i, d * d);
            var x = rows.Slice(width * i, width);
            var y = turned.Slice(width * i, width);
            for (int c = 0; c < blocks; c++)
                for (int j = 0; j < d; j++)
                {
                    T sum = m[js * j] * x[c * d];
                    for (int k = 1; k < d; k++) sum += m[js * j + ks * k] * x[c * d + k];
                    y[c * d + j] = sum;
                }
            x[(blocks * d)..].CopyTo(y[(blocks * d)..]);
        }
    }
}
