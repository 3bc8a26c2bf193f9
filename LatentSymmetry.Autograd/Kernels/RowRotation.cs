using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        int d = dimension, n = CheckBlocks(matrices.Length, rows.Length, turned.Length, d, blocks, width, "values", "outputs");
        if (d == 3) ApplyBlocks3(matrices, rows, turned, n, blocks, width, transpose);
        else ApplyBlocksReference(matrices, rows, turned, d, blocks, width, transpose);
    }

    /// <summary>
    /// <see cref="ApplyBlocks"/> as plain indexed loops for any d (arguments as there, unchecked): the reference the
    /// unrolled d = 3 path is tested against, bit for bit.
    /// </summary>
    public static void ApplyBlocksReference<T>(ReadOnlySpan<T> matrices, ReadOnlySpan<T> rows, Span<T> turned, int dimension, int blocks, int width, bool transpose)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = dimension, n = width == 0 ? 0 : rows.Length / width;
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

    // The d = 3 case (every so3 layer penalty), unrolled: a row's matrix is read once into locals for its C vectors, and the
    // loops index by reference, without bounds checks. Each output is still (M[j,0] x0 + M[j,1] x1) + M[j,2] x2.
    static void ApplyBlocks3<T>(ReadOnlySpan<T> matrices, ReadOnlySpan<T> rows, Span<T> turned, int n, int blocks, int width, bool transpose)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T rm = ref MemoryMarshal.GetReference(matrices);
        ref T rx = ref MemoryMarshal.GetReference(rows);
        ref T ry = ref MemoryMarshal.GetReference(turned);
        int vectors = 3 * blocks;
        for (int i = 0; i < n; i++)
        {
            Load3(ref Unsafe.Add(ref rm, 9 * i), transpose, out var m00, out var m01, out var m02, out var m10, out var m11, out var m12, out var m20, out var m21, out var m22);
            ref T x = ref Unsafe.Add(ref rx, width * i);
            ref T y = ref Unsafe.Add(ref ry, width * i);
            for (int c = 0; c < vectors; c += 3)
            {
                T x0 = Unsafe.Add(ref x, c), x1 = Unsafe.Add(ref x, c + 1), x2 = Unsafe.Add(ref x, c + 2);
                Unsafe.Add(ref y, c) = m00 * x0 + m01 * x1 + m02 * x2;
                Unsafe.Add(ref y, c + 1) = m10 * x0 + m11 * x1 + m12 * x2;
                Unsafe.Add(ref y, c + 2) = m20 * x0 + m21 * x1 + m22 * x2;
            }
            rows.Slice(width * i + vectors, width - vectors).CopyTo(turned.Slice(width * i + vectors, width - vectors));
        }
    }

    /// <summary>
    /// The gradient of <see cref="ApplyBlocks"/> with respect to its rows, added in: gradRows_i += ρ(M_i)ᵀ gradTurned_i with
    /// M_i = R_i (or R_iᵀ when <paramref name="transpose"/>), the scalars' gradient passed through. Each vector coordinate k
    /// receives its terms M[j, k] g_j one at a time in order j = 0, ..., d − 1 (as a loop over the outputs adding into it).
    /// </summary>
    public static void ApplyBlocksBackward<T>(ReadOnlySpan<T> matrices, ReadOnlySpan<T> gradTurned, Span<T> gradRows, int dimension, int blocks, int width, bool transpose)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = dimension, n = CheckBlocks(matrices.Length, gradRows.Length, gradTurned.Length, d, blocks, width, "gradients", "output gradients");
        if (d == 3) ApplyBlocksBackward3(matrices, gradTurned, gradRows, n, blocks, width, transpose);
        else ApplyBlocksBackwardReference(matrices, gradTurned, gradRows, d, blocks, width, transpose);
    }

    // The forward and the backward take the same shapes: n rows of width, a d x d matrix per row, an output like the rows.
    private static int CheckBlocks(int matrices, int rows, int outputs, int d, int blocks, int width, string rowsAre, string outputsAre)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(d);
        ArgumentOutOfRangeException.ThrowIfNegative(blocks);
        int n = width == 0 ? 0 : rows / width;
        if (blocks * d > width || rows != n * width || matrices != n * d * d || outputs != rows)
            throw new ArgumentException($"{blocks} blocks of {d} in rows of {width}: {rows} {rowsAre} need {n * d * d} matrix values and {rows} {outputsAre}; got {matrices} and {outputs}");
        return n;
    }

    /// <summary><see cref="ApplyBlocksBackward"/> as plain indexed loops for any d (arguments as there, unchecked): the reference.</summary>
    public static void ApplyBlocksBackwardReference<T>(ReadOnlySpan<T> matrices, ReadOnlySpan<T> gradTurned, Span<T> gradRows, int dimension, int blocks, int width, bool transpose)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = dimension, n = width == 0 ? 0 : gradRows.Length / width;
        for (int i = 0; i < n; i++)
        {
            for (int c = 0; c < blocks; c++)
                for (int j = 0; j < d; j++)
                {
                    T g = gradTurned[width * i + c * d + j];
                    for (int k = 0; k < d; k++)
                        gradRows[width * i + c * d + k] += matrices[transpose ? d * d * i + d * k + j : d * d * i + d * j + k] * g;
                }
            for (int k = blocks * d; k < width; k++) gradRows[width * i + k] += gradTurned[width * i + k];
        }
    }

    static void ApplyBlocksBackward3<T>(ReadOnlySpan<T> matrices, ReadOnlySpan<T> gradTurned, Span<T> gradRows, int n, int blocks, int width, bool transpose)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T rm = ref MemoryMarshal.GetReference(matrices);
        ref T rg = ref MemoryMarshal.GetReference(gradTurned);
        ref T rd = ref MemoryMarshal.GetReference(gradRows);
        int vectors = 3 * blocks;
        for (int i = 0; i < n; i++)
        {
            Load3(ref Unsafe.Add(ref rm, 9 * i), transpose, out var m00, out var m01, out var m02, out var m10, out var m11, out var m12, out var m20, out var m21, out var m22);
            ref T g = ref Unsafe.Add(ref rg, width * i);
            ref T dx = ref Unsafe.Add(ref rd, width * i);
            for (int c = 0; c < vectors; c += 3)
            {
                T g0 = Unsafe.Add(ref g, c), g1 = Unsafe.Add(ref g, c + 1), g2 = Unsafe.Add(ref g, c + 2);
                ref T d0 = ref Unsafe.Add(ref dx, c);
                ref T d1 = ref Unsafe.Add(ref dx, c + 1);
                ref T d2 = ref Unsafe.Add(ref dx, c + 2);
                d0 = d0 + m00 * g0 + m10 * g1 + m20 * g2;
                d1 = d1 + m01 * g0 + m11 * g1 + m21 * g2;
                d2 = d2 + m02 * g0 + m12 * g1 + m22 * g2;
            }
            var tail = gradRows.Slice(width * i + vectors, width - vectors);
            TensorPrimitives.Add(tail, gradTurned.Slice(width * i + vectors, width - vectors), tail);
        }
    }

    // M = R, or Rᵀ when transpose, as m[j, k] locals from a row-major R.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void Load3<T>(ref T r, bool transpose, out T m00, out T m01, out T m02, out T m10, out T m11, out T m12, out T m20, out T m21, out T m22)
    {
        m00 = r; m11 = Unsafe.Add(ref r, 4); m22 = Unsafe.Add(ref r, 8);
        int a = transpose ? 3 : 1, b = transpose ? 1 : 3; // offsets of R[j, k] for k > j and for k < j
        m01 = Unsafe.Add(ref r, a); m02 = Unsafe.Add(ref r, 2 * a); m12 = Unsafe.Add(ref r, 4 + a);
        m10 = Unsafe.Add(ref r, b); m20 = Unsafe.Add(ref r, 2 * b); m21 = Unsafe.Add(ref r, 4 + b);
    }
}
