using System.Numerics;

namespace LatentSymmetry.Core.Numerics;

/// <summary>
/// Correctly rounded exp, log, cos, sin and integer powers in managed code: each returns the double nearest
/// to the exact value (ties to even), so the results are identical on every operating system, CPU and .NET
/// version, unlike <see cref="Math"/>, whose values come from the platform's libm (glibc, the Windows CRT,
/// Apple's libm) and may differ in the last bit. The data set, the Gaussian sampler, the λ schedule and
/// AdamW's bias correction use these, so training is bit-identical everywhere.
/// </summary>
/// <remarks>
/// Ziv's strategy, as in CORE-MATH: a fast evaluation in double-double arithmetic (argument reduction,
/// then a Taylor polynomial, about 2^-100 relative error) whose result is returned only if both ends of
/// its error interval round to the same double; otherwise (a few inputs in 2^30, and arguments outside the
/// fast ranges) an exact BigInteger evaluation with doubling precision decides. log, called per pair of
/// Gaussian draws, has a table-driven first stage in plain doubles before that (about 33 ns a call here);
/// cos takes about 0.4 µs and exp 1.3 µs, which only matters when a data set is built.
/// </remarks>
public static class CrMath
{
    // The fast paths' relative error is near 2^-100 (checked against the BigInteger path by the tests);
    // the rounding test allows 2^-90, so the margin also covers the test's own roundings.
    private const double FastRelativeError = 8.0779356694631609e-28; // 2^-90
    private const double ReductionError = 7.0064923216240862e-46; // 2^-150 per unit of k, for cos and sin

    private static readonly DoubleDouble[] InverseFactorials = Series(32, (c, j) => j == 0 ? 1 : c[j - 1] / j);
    private static readonly DoubleDouble[] InverseOdds = Series(24, (_, j) => (DoubleDouble)1 / (2 * j + 1));
    private static readonly DoubleDouble[] SineCoefficients = Series(16, (_, j) => Signed(j, InverseFactorials[2 * j + 1]));
    private static readonly DoubleDouble[] CosineCoefficients = Series(16, (_, j) => Signed(j, InverseFactorials[2 * j]));

    // ln 2 and π/2 as sums of three doubles (about 160 bits), from the BigInteger constants.
    private static readonly (double A, double B, double C) Ln2 = Split(ArbitraryPrecision.Ln2(256), 256);
    private static readonly (double A, double B, double C) HalfPi = Split(ArbitraryPrecision.Pi(257) >> 2, 256);

    /// <summary>e^x, correctly rounded.</summary>
    public static double Exp(double x)
    {
        // Outside [-630, 709.7] the result is near over- or underflow, where a double-double loses its low part.
        if (!(x >= -630 && x <= 709.7))
            return ArbitraryPrecision.Exp(x);
        // x = k ln2 + r, |r| ≤ ln2/2 (+ a rounding of k); e^x = 2^k e^r.
        double k = Math.Round(x * 1.4426950408889634);
        var r = (DoubleDouble)x - DoubleDouble.TwoProd(k, Ln2.A) - DoubleDouble.TwoProd(k, Ln2.B) - DoubleDouble.TwoProd(k, Ln2.C);
        // Σ r^j/j! to j = 22: the next term is below 2^-110.
        var sum = InverseFactorials[22];
        for (int j = 21; j >= 0; j--)
            sum = sum * r + InverseFactorials[j];
        var y = sum.ScaleB((int)k);
        return Round(y, FastRelativeError * y.Hi) ?? ArbitraryPrecision.Exp(x);
    }

    /// <summary>The natural logarithm of x, correctly rounded (NaN below 0, -∞ at 0).</summary>
    public static double Log(double x)
    {
        if (!(x > 0 && x < double.PositiveInfinity) || x == 1)
            return ArbitraryPrecision.Log(x);
        // The Gaussian sampler takes a logarithm per pair of draws, so log has a quick first stage in plain
        // doubles (relative error near 2^-70) before the double-double one: x = 2^E m, m in [1, 2), and
        // with c_i ≈ 1/m from a 128-entry table, log x = E ln2 - log c_i + log1p(m c_i - 1), |m c_i - 1| < 2^-7.
        int exponent = Normalise(x, out double m);
        var entry = LogTable[(int)((BitConverter.DoubleToInt64Bits(m) >> 45) & 127)];
        var product = DoubleDouble.TwoProd(m, entry.Inverse);
        var r = DoubleDouble.TwoSum(product.Hi - 1, product.Lo); // exact: m·c_i - 1 (Sterbenz, then TwoSum)
        double rh = r.Hi;
        // log1p(r) - r, Σ (-1)^(j+1) r^j/j from j = 2 to 11: the next term is below 2^-77 |r|.
        double tail = rh * rh * (-1.0 / 2 + rh * (1.0 / 3 + rh * (-1.0 / 4 + rh * (1.0 / 5 + rh * (-1.0 / 6 + rh * (1.0 / 7
            + rh * (-1.0 / 8 + rh * (1.0 / 9 + rh * (-1.0 / 10 + rh * (1.0 / 11))))))))));
        var e2 = DoubleDouble.TwoProd(exponent, Ln2.A);
        var head = DoubleDouble.FastTwoSum(e2.Hi, e2.Lo + exponent * Ln2.B) + entry.MinusLogInverse;
        var sum = DoubleDouble.TwoSum(head.Hi, rh);
        double low = sum.Lo + head.Lo + (r.Lo - r.Lo * rh + tail);
        // The tail's own roundings (≤ 2^-50 r²), the table's and ln 2's double-double errors (≤ 2^-95), and the
        // sums' roundings (≤ 2^-70 |log x|) bound the error.
        double bound = 8.881784197001252e-16 * rh * rh + 2.524354896707238e-29 + 8.470329472543003e-22 * Math.Abs(sum.Hi);
        double up = sum.Hi + (low + bound), down = sum.Hi + (low - bound);
        return up == down ? up : LogAccurate(x);
    }

    /// <summary>The second stage of <see cref="Log"/>: double-double, relative error near 2^-100.</summary>
    private static double LogAccurate(double x)
    {
        int exponent = Normalise(x, out double m);
        if (m > 1.4142135623730951) { m *= 0.5; exponent++; }
        var y = DoubleDouble.TwoProd(exponent, Ln2.A) + (DoubleDouble.TwoProd(exponent, Ln2.B) + exponent * Ln2.C) + LogOfReduced(m);
        return Round(y, FastRelativeError * Math.Abs(y.Hi)) ?? ArbitraryPrecision.Log(x);
    }

    /// <summary>log m for m in [0.7, 1.42] in double-double: 2 atanh(s), s = (m - 1)/(m + 1), |s| &lt; 0.172.</summary>
    private static DoubleDouble LogOfReduced(double m)
    {
        var s = (DoubleDouble)(m - 1) / DoubleDouble.TwoSum(m, 1); // m - 1 is exact (Sterbenz)
        var s2 = s * s;
        // Σ s^2j/(2j+1) to j = 21: the next term is below 2^-112.
        var sum = InverseOdds[21];
        for (int j = 20; j >= 0; j--)
            sum = sum * s2 + InverseOdds[j];
        return (s * sum).ScaleB(1);
    }

    /// <summary>x = 2^E·m with m in [1, 2), for positive finite x (subnormals scaled exactly first).</summary>
    private static int Normalise(double x, out double m)
    {
        int exponent = 0;
        if (x < 2.2250738585072014e-308) { x = Math.ScaleB(x, 64); exponent = -64; }
        long bits = BitConverter.DoubleToInt64Bits(x);
        m = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        return exponent + (int)(bits >> 52) - 1023;
    }

    private readonly record struct LogEntry(double Inverse, DoubleDouble MinusLogInverse);

    // c_i ≈ 1/m at the middle of [1 + i/128, 1 + (i+1)/128), c_0 = 1 so that x near 1 has no table term to cancel;
    // -log c_i = log(1/c_i) in double-double from the second stage's series.
    private static readonly LogEntry[] LogTable = Enumerable.Range(0, 128).Select(i =>
    {
        double inverse = i == 0 ? 1 : 1 / (1 + (i + 0.5) / 128);
        double reciprocalExponent = inverse < 0.7071 ? 1 : 0;
        var log = LogOfReduced(Math.ScaleB(inverse, (int)reciprocalExponent)) - DoubleDouble.TwoProd(reciprocalExponent, Ln2.A) - reciprocalExponent * Ln2.B;
        return new LogEntry(inverse, -log);
    }).ToArray();

    /// <summary>cos x (x in radians), correctly rounded for every finite x; NaN for ±∞.</summary>
    public static double Cos(double x) => CosSin(x, cos: true);

    /// <summary>sin x (x in radians), correctly rounded for every finite x; NaN for ±∞.</summary>
    public static double Sin(double x) => CosSin(x, cos: false);

    /// <summary>x^n for n ≥ 0, correctly rounded (0^0 = 1, as IEEE pown).</summary>
    public static double Pow(double x, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n == 0) return 1;
        if (n == 1 || double.IsNaN(x)) return x;
        if (x == 0 || double.IsInfinity(x))
            return (n & 1) == 1 ? x : Math.Abs(x);
        // Square and multiply in double-double on |x|, each factor kept near 1 by an exact power-of-two
        // scale so that nothing under- or overflows (AdamW's β^t for large t lands in the subnormals and
        // below). Every product has relative error below 2^-103 and the error carried in grows at most
        // n-fold, so n·2^-96 bounds the whole.
        DoubleDouble result = 1, power = Math.Abs(x);
        long resultScale = 0, powerScale = 0;
        for (int bit = n; ; )
        {
            if ((bit & 1) == 1)
            {
                result *= power;
                resultScale += powerScale;
                Rescale(ref result, ref resultScale);
            }
            bit >>= 1;
            if (bit == 0) break;
            power *= power;
            powerScale *= 2;
            Rescale(ref power, ref powerScale);
        }
        double sign = x < 0 && (n & 1) == 1 ? -1 : 1;
        long exponent = resultScale + Math.ILogB(result.Hi);
        if (exponent > 1024) return sign * double.PositiveInfinity;
        if (exponent < -1080) return sign * 0.0;
        double bound = result.Hi * (FastRelativeError + n * 1.2621774483536189e-29); // n·2^-96
        if (exponent >= -1022)
        {
            // A normal result: rounding commutes with the exact scale (or overflows to ∞, as it should).
            return Round(result, bound) is double rounded ? sign * Math.ScaleB(rounded, (int)resultScale) : ArbitraryPrecision.Pow(x, n);
        }
        // A subnormal result: z = |x^n|·2^1074 rounded to an integer, ties to even, unless the error
        // interval holds a half-integer. z < 2^52, so z.Hi - whole is exact.
        int shift = (int)(resultScale + 1074);
        var z = result.ScaleB(shift);
        double whole = Math.Round(z.Hi, MidpointRounding.ToEven);
        double fraction = (z.Hi - whole) + z.Lo, margin = 2 * Math.ScaleB(bound, shift) + 1e-15;
        double low = Math.Round(fraction - margin, MidpointRounding.ToEven), high = Math.Round(fraction + margin, MidpointRounding.ToEven);
        return low == high ? sign * Math.ScaleB(whole + low, -1074) : ArbitraryPrecision.Pow(x, n);
    }

    private static void Rescale(ref DoubleDouble value, ref long scale)
    {
        int e = Math.ILogB(value.Hi);
        if (e is > 400 or < -400)
        {
            value = value.ScaleB(-e);
            scale += e;
        }
    }

    private static double CosSin(double x, bool cos)
    {
        double ax = Math.Abs(x);
        // |x| < 2^-27: cos x is within 2^-55 of 1 and sin x within a quarter ulp of x.
        if (ax < 7.450580596923828e-9)
            return cos ? 1 : x;
        // Beyond 2^20 the three-double π/2 is not enough: reduce exactly instead.
        if (!(ax <= 1048576))
            return cos ? ArbitraryPrecision.Cos(x) : ArbitraryPrecision.Sin(x);
        // Cody–Waite: x = k π/2 + r, |r| ≤ π/4 (+ a rounding of k), r off by at most k·2^-155.
        double k = Math.Round(ax * 0.63661977236758138);
        var r = (DoubleDouble)ax - DoubleDouble.TwoProd(k, HalfPi.A) - DoubleDouble.TwoProd(k, HalfPi.B) - DoubleDouble.TwoProd(k, HalfPi.C);
        var r2 = r * r;
        int quadrant = (int)((long)k & 3);
        bool useCos = cos ^ (quadrant & 1) == 1;
        // Σ to the r^28 term: the next is below 2^-108 for |r| ≤ π/4.
        var coefficients = useCos ? CosineCoefficients : SineCoefficients;
        var sum = coefficients[14];
        for (int j = 13; j >= 0; j--)
            sum = sum * r2 + coefficients[j];
        if (!useCos) sum *= r;
        // cos x = cos r, -sin r, -cos r, sin r and sin x = sin r, cos r, -sin r, -cos r by quadrant.
        bool negate = cos ? quadrant is 1 or 2 : quadrant >= 2;
        if (!cos && x < 0) negate = !negate;
        if (negate) sum = -sum;
        double bound = FastRelativeError * Math.Abs(sum.Hi) + (k + 1) * ReductionError;
        return Round(sum, bound) ?? (cos ? ArbitraryPrecision.Cos(x) : ArbitraryPrecision.Sin(x));
    }

    /// <summary>
    /// Ziv's rounding test: the double nearest to y if every value within <paramref name="bound"/> of y
    /// rounds to it (rounding is monotonic, so both ends decide); null when the interval holds a rounding
    /// boundary and more precision is needed.
    /// </summary>
    private static double? Round(DoubleDouble y, double bound)
    {
        double up = y.Hi + (y.Lo + bound), down = y.Hi + (y.Lo - bound);
        return up == down ? up : null;
    }

    private static DoubleDouble Signed(int j, DoubleDouble c) => (j & 1) == 0 ? c : -c;

    private static DoubleDouble[] Series(int count, Func<DoubleDouble[], int, DoubleDouble> coefficient)
    {
        var c = new DoubleDouble[count];
        for (int j = 0; j < count; j++)
            c[j] = coefficient(c, j);
        return c;
    }

    private static (double, double, double) Split(BigInteger scaled, int bits)
    {
        double a = ArbitraryPrecision.RoundNearest(scaled, -bits);
        scaled -= Exactly(a, bits);
        double b = Signed(scaled, bits);
        scaled -= Exactly(b, bits);
        return (a, b, Signed(scaled, bits));

        static double Signed(BigInteger v, int bits) =>
            v.Sign < 0 ? -ArbitraryPrecision.RoundNearest(-v, -bits) : ArbitraryPrecision.RoundNearest(v, -bits);

        static BigInteger Exactly(double d, int bits)
        {
            ArbitraryPrecision.Decompose(d, out var m, out int e);
            var v = e + bits >= 0 ? m << (e + bits) : m >> -(e + bits);
            return d < 0 ? -v : v;
        }
    }
}
