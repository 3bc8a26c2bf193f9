using System.Numerics;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>
/// Sums in one fixed order, the same on every CPU. TensorPrimitives.Sum adds in an order that depends on
/// the vector width, which would make a loss differ in its last bits between an AVX-512 machine and an
/// AVX2 one; losses are reported and compared bit for bit, so reductions use eight scalar partial sums
/// (element i goes to sum i mod 8) combined pairwise. They are a negligible part of a training step.
/// </summary>
internal static class Reductions
{
    /// <summary>Σ x[i].</summary>
    public static T Sum<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T s0 = T.Zero, s1 = T.Zero, s2 = T.Zero, s3 = T.Zero, s4 = T.Zero, s5 = T.Zero, s6 = T.Zero, s7 = T.Zero;
        int i = 0;
        for (; i <= x.Length - 8; i += 8)
        {
            s0 += x[i]; s1 += x[i + 1]; s2 += x[i + 2]; s3 += x[i + 3];
            s4 += x[i + 4]; s5 += x[i + 5]; s6 += x[i + 6]; s7 += x[i + 7];
        }
        return Tail(x, i, s0, s1, s2, s3, s4, s5, s6, s7, square: false);
    }

    /// <summary>Σ x[i]².</summary>
    public static T SumOfSquares<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T s0 = T.Zero, s1 = T.Zero, s2 = T.Zero, s3 = T.Zero, s4 = T.Zero, s5 = T.Zero, s6 = T.Zero, s7 = T.Zero;
        int i = 0;
        for (; i <= x.Length - 8; i += 8)
        {
            s0 += x[i] * x[i]; s1 += x[i + 1] * x[i + 1]; s2 += x[i + 2] * x[i + 2]; s3 += x[i + 3] * x[i + 3];
            s4 += x[i + 4] * x[i + 4]; s5 += x[i + 5] * x[i + 5]; s6 += x[i + 6] * x[i + 6]; s7 += x[i + 7] * x[i + 7];
        }
        return Tail(x, i, s0, s1, s2, s3, s4, s5, s6, s7, square: true);
    }

    static T Tail<T>(ReadOnlySpan<T> x, int i, T s0, T s1, T s2, T s3, T s4, T s5, T s6, T s7, bool square)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Span<T> s = [s0, s1, s2, s3, s4, s5, s6, s7];
        for (int lane = 0; i < x.Length; i++, lane++) s[lane] += square ? x[i] * x[i] : x[i];
        return ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
    }
}
