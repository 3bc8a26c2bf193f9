using System.Numerics;

namespace LatentSymmetry.Core.Numerics;

/// <summary>
/// The slow paths of <see cref="CrMath"/>: each function evaluated in BigInteger fixed point with a proven
/// error bound in units of the last place, rounded to the nearest double only when both ends of the error
/// interval round alike (Ziv's strategy), else retried at twice the precision. Exact, deterministic
/// integer arithmetic throughout, so the result is the correctly rounded value on every machine.
/// Reached for a few inputs in 2^40 by the fast paths, and for arguments outside their ranges.
/// </summary>
internal static class ArbitraryPrecision
{
    private const int FirstPrecision = 128, LastPrecision = 1 << 15;

    private sealed record Constant(int Bits, BigInteger Value);

    private static Constant? s_pi, s_ln2;

    /// <summary>exp(x) correctly rounded (to nearest, ties to even), any x.</summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x == 0) return 1;
        // exp(710) > DBL_MAX; exp(-746) < 2^-1076, below half the least subnormal.
        if (x >= 710) return double.PositiveInfinity;
        if (x <= -746) return 0;
        return Refine(x, ExpAt);
    }

    /// <summary>log(x) correctly rounded, any x.</summary>
    public static double Log(double x)
    {
        if (double.IsNaN(x) || x < 0) return double.NaN;
        if (x == 0) return double.NegativeInfinity;
        if (double.IsPositiveInfinity(x)) return x;
        if (x == 1) return 0;
        return Refine(x, LogAt);
    }

    /// <summary>cos(x) correctly rounded, any x (the reduction uses as many bits of π as x needs).</summary>
    public static double Cos(double x)
    {
        if (!double.IsFinite(x)) return double.NaN;
        if (x == 0) return 1;
        return Refine(x, (v, p) => CosSinAt(v, p, cos: true));
    }

    /// <summary>sin(x) correctly rounded, any x.</summary>
    public static double Sin(double x)
    {
        if (!double.IsFinite(x) || x == 0) return double.IsFinite(x) ? x : double.NaN;
        return Refine(x, (v, p) => CosSinAt(v, p, cos: false));
    }

    /// <summary>x^n correctly rounded for finite non-zero x and n ≥ 2.</summary>
    public static double Pow(double x, int n)
    {
        Decompose(x, out var m, out int e);
        bool negative = x < 0 && (n & 1) == 1;
        double magnitude;
        if ((long)n * 53 <= 1 << 18)
        {
            // Small enough to be exact: m^n · 2^(e·n), no error at all.
            magnitude = RoundNearest(BigInteger.Pow(m, n), checked(e * n));
        }
        else
        {
            magnitude = Refine(0, (_, p) => TruncatedPowerAt(m, e, n, p));
        }
        return negative ? -magnitude : magnitude;
    }

    private static double Refine(double x, Func<double, int, double?> evaluate)
    {
        for (int p = FirstPrecision; p <= LastPrecision; p *= 2)
            if (evaluate(x, p) is double result)
                return result;
        throw new InvalidOperationException($"No correctly rounded result for {x:R} at {LastPrecision} bits.");
    }

    private static double? ExpAt(double x, int p)
    {
        // x = k·ln2 + r with |r| ≤ ln2/2 (k from double arithmetic: any integer near x/ln2 will do).
        long k = (long)Math.Round(x * 1.4426950408889634);
        var big = ScaledExactly(x, p, out int xError);
        var r = big - k * Ln2(p);
        var sum = BigInteger.Zero;
        var term = BigInteger.One << p;
        int terms = 0;
        for (int j = 1; !term.IsZero; j++, terms++)
        {
            sum += term;
            term = (term * r >> p) / j;
        }
        // r is off by 2|k| + xError units, which exp(r) < 1.5 turns into at most twice as many in the sum;
        // each term adds two truncations.
        var error = new BigInteger(4 * Math.Abs(k) + 2 * xError + 2 * terms + 4);
        return Decide(sum, checked((int)k - p), error);
    }

    private static double? LogAt(double x, int p)
    {
        Decompose(x, out var m, out int e);
        // x = F·2^E with F in [1, 2); log F = 2 atanh(s), s = (F - 1)/(F + 1) in [0, 1/3).
        int bits = (int)m.GetBitLength();
        int exponent = e + bits - 1;
        var f = m << (p - bits + 1);
        var one = BigInteger.One << p;
        var s = ((f - one) << p) / (f + one);
        var s2 = s * s >> p;
        var sum = BigInteger.Zero;
        var power = s;
        int terms = 0;
        for (int j = 0; !power.IsZero; j++, terms++)
        {
            sum += power / (2 * j + 1);
            power = power * s2 >> p;
        }
        var log = exponent * Ln2(p) + 2 * sum;
        var error = new BigInteger(2 * Math.Abs((long)exponent) + 6 * terms + 8);
        return Decide(log, -p, error);
    }

    private static double? CosSinAt(double x, int p, bool cos)
    {
        Decompose(x, out var m, out int e);
        int top = Math.Max(0, e + (int)m.GetBitLength());
        // Enough bits of π that k·π/2 is off by far less than a unit at p bits, whatever the size of x.
        int q = Math.Max(p + top + 64, -e);
        var big = m << (e + q);
        var halfPi = Pi(q + 1) >> 2;
        var k = (2 * big + halfPi) / (2 * halfPi);
        var r = (big - k * halfPi) >> (q - p);
        var r2 = r * r >> p;

        int quadrant = (int)(k & 3);
        bool useCos = cos ^ (quadrant & 1) == 1;
        var sum = BigInteger.Zero;
        var term = useCos ? BigInteger.One << p : r;
        int terms = 0;
        for (int j = useCos ? 1 : 2; !term.IsZero; j += 2, terms++)
        {
            sum += term;
            term = -(term * r2 >> p) / (j * (j + 1));
        }
        // cos x = cos r, -sin r, -cos r, sin r and sin x = sin r, cos r, -sin r, -cos r by quadrant.
        bool negate = cos ? quadrant is 1 or 2 : quadrant >= 2;
        if (!cos && x < 0) negate = !negate;
        if (negate) sum = -sum;
        return Decide(sum, -p, new BigInteger(3 * terms + 6));
    }

    private static double? TruncatedPowerAt(BigInteger m, int e, int n, int p)
    {
        // Square-and-multiply keeping p + 64 leading bits; every truncation is a relative error below
        // 2^-(p+63), and squaring doubles the error carried in, so the total stays below 4n·2^-(p+63)·31.
        int keep = p + 64;
        BigInteger result = BigInteger.One, baseMantissa = m;
        long resultExponent = 0, baseExponent = e;
        for (int bit = n; ; )
        {
            if ((bit & 1) == 1)
                (result, resultExponent) = Truncate(result * baseMantissa, resultExponent + baseExponent, keep);
            bit >>= 1;
            if (bit == 0) break;
            (baseMantissa, baseExponent) = Truncate(baseMantissa * baseMantissa, 2 * baseExponent, keep);
        }
        if (resultExponent > 4096) return double.PositiveInfinity;
        if (resultExponent + (long)result.GetBitLength() < -1200) return 0;
        var error = (new BigInteger(124L * n) << (int)(result.GetBitLength() - keep + 1)) + 1;
        return Decide(result, (int)resultExponent, error);
    }

    private static (BigInteger Mantissa, long Exponent) Truncate(BigInteger value, long exponent, int keep)
    {
        int drop = (int)Math.Max(0, value.GetBitLength() - keep);
        return (value >> drop, exponent + drop);
    }

    /// <summary>
    /// The double nearest to V·2^scale if every value within <paramref name="error"/> units of V rounds to it
    /// (rounding to nearest is monotonic, so checking both ends suffices); null when they disagree.
    /// </summary>
    internal static double? Decide(BigInteger value, int scale, BigInteger error)
    {
        if (value.Sign < 0)
            return -Decide(-value, scale, error);
        var low = value - error;
        if (low.Sign <= 0)
            return null;
        double a = RoundNearest(low, scale), b = RoundNearest(value + error, scale);
        return a == b ? a : null;
    }

    /// <summary>The double nearest to A·2^scale (A ≥ 0), ties to even; subnormals and overflow to infinity included.</summary>
    internal static double RoundNearest(BigInteger a, long scale)
    {
        if (a.IsZero) return 0;
        long top = (long)a.GetBitLength() - 1 + scale;
        if (top > 1023) return double.PositiveInfinity;
        if (top < -1076) return 0;
        long lsb = Math.Max(top - 52, -1074);
        long shift = lsb - scale;
        BigInteger q;
        if (shift <= 0)
        {
            q = a << (int)-shift;
        }
        else
        {
            q = a >> (int)shift;
            var remainder = a - (q << (int)shift);
            var half = BigInteger.One << (int)(shift - 1);
            int c = remainder.CompareTo(half);
            if (c > 0 || (c == 0 && !q.IsEven)) q += 1;
        }
        // q ≤ 2^53 is exact in a double and so is q·2^lsb (or it overflows to infinity, as it should).
        return Math.ScaleB((double)q, (int)lsb);
    }

    /// <summary>|x| = m·2^e with m a non-negative integer below 2^53, for finite x.</summary>
    internal static void Decompose(double x, out BigInteger m, out int e)
    {
        long bits = BitConverter.DoubleToInt64Bits(x) & long.MaxValue;
        int biased = (int)(bits >> 52);
        long fraction = bits & ((1L << 52) - 1);
        m = biased == 0 ? fraction : fraction | (1L << 52);
        e = biased == 0 ? -1074 : biased - 1075;
    }

    /// <summary>x·2^p as an integer, truncated when x has bits below 2^-p; <paramref name="error"/> is 0 or 1 unit.</summary>
    private static BigInteger ScaledExactly(double x, int p, out int error)
    {
        Decompose(x, out var m, out int e);
        BigInteger scaled;
        if (e + p >= 0) { scaled = m << (e + p); error = 0; }
        else { scaled = m >> -(e + p); error = 1; }
        return x < 0 ? -scaled : scaled;
    }

    /// <summary>π·2^bits, within two units (Machin: π = 16 atan(1/5) - 4 atan(1/239)).</summary>
    internal static BigInteger Pi(int bits) => Cached(ref s_pi, bits, w => 16 * AtanOfInverse(5, w) - 4 * AtanOfInverse(239, w));

    /// <summary>ln 2·2^bits, within two units (ln 2 = 2 atanh(1/3)).</summary>
    internal static BigInteger Ln2(int bits) => Cached(ref s_ln2, bits, w => 2 * AtanhOfInverse(3, w));

    private static BigInteger Cached(ref Constant? cache, int bits, Func<int, BigInteger> compute)
    {
        var known = Volatile.Read(ref cache);
        if (known is null || known.Bits < bits)
        {
            // 32 guard bits absorb the series' truncations (fewer than 2^15 of them at any precision we use).
            int width = Math.Max(bits, 256) + 32;
            known = new Constant(width - 32, compute(width) >> 32);
            Volatile.Write(ref cache, known);
        }
        return known.Value >> (known.Bits - bits);
    }

    private static BigInteger AtanOfInverse(int n, int bits)
    {
        BigInteger sum = 0, power = (BigInteger.One << bits) / n, n2 = n * n;
        for (int j = 0; !power.IsZero; j++)
        {
            var term = power / (2 * j + 1);
            sum += (j & 1) == 0 ? term : -term;
            power /= n2;
        }
        return sum;
    }

    private static BigInteger AtanhOfInverse(int n, int bits)
    {
        BigInteger sum = 0, power = (BigInteger.One << bits) / n, n2 = n * n;
        for (int j = 0; !power.IsZero; j++)
        {
            sum += power / (2 * j + 1);
            power /= n2;
        }
        return sum;
    }
}
