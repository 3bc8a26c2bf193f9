using System.Numerics;

namespace LatentSymmetry.Tests.Numerics;

/// <summary>
/// The exact squared norm of float coordinates, in integer arithmetic (a finite double is m·2^e exactly), and the
/// float nearest to it: an answer independent of any floating-point summation order.
/// </summary>
internal static class ExactSquaredNorm
{
    /// <summary>The float nearest to x0² + ... (ties either way).</summary>
    public static float Nearest(ReadOnlySpan<float> coordinates)
    {
        var (sum, e) = Sum(coordinates);
        double approx = 0;
        foreach (var c in coordinates) approx += (double)c * c;
        float best = (float)approx;
        // (float)approx is the nearest float or next to it: look one step either way.
        foreach (var candidate in new[] { MathF.BitDecrement(best), MathF.BitIncrement(best) })
            if (Distance(candidate, sum, e) < Distance(best, sum, e)) best = candidate;
        return best;
    }

    /// <summary>True when <paramref name="value"/> is a float nearest to the exact squared norm.</summary>
    public static bool IsNearest(float value, ReadOnlySpan<float> coordinates)
    {
        var (sum, e) = Sum(coordinates);
        var d = Distance(value, sum, e);
        return d <= Distance(MathF.BitDecrement(value), sum, e) && d <= Distance(MathF.BitIncrement(value), sum, e);
    }

    // Every square of a float is a multiple of 2^-298 (the smallest subnormal is 2^-149), so that is the common unit.
    const int Unit = -298;

    static (BigInteger Sum, int Exponent) Sum(ReadOnlySpan<float> coordinates)
    {
        BigInteger sum = 0;
        foreach (var c in coordinates)
        {
            var (m, e) = Decompose(c);
            sum += m * m << (2 * e - Unit);
        }
        return (sum, Unit);
    }

    static BigInteger Distance(float value, BigInteger sum, int unit)
    {
        var (m, e) = Decompose(value);
        return BigInteger.Abs((m << (e - unit)) - sum);
    }

    /// <summary>value = m · 2^e exactly, with e at least -149 (so every float shares the unit 2^-149).</summary>
    static (BigInteger M, int E) Decompose(float value)
    {
        if (!float.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "finite values only");
        int bits = BitConverter.SingleToInt32Bits(value);
        int exponent = (bits >> 23) & 0xFF;
        int mantissa = bits & 0x7FFFFF;
        if (exponent == 0) exponent = 1;
        else mantissa |= 1 << 23;
        var m = new BigInteger(mantissa);
        return (bits < 0 ? -m : m, exponent - 150);
    }
}
