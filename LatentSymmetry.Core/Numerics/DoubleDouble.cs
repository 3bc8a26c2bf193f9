using System.Runtime.CompilerServices;

namespace LatentSymmetry.Core.Numerics;

/// <summary>
/// An unevaluated sum Hi + Lo of two doubles with |Lo| ≤ ulp(Hi)/2: about 106 bits of precision from exact
/// IEEE operations (Knuth's TwoSum, the FMA-based TwoProd), the same on every machine. The fast paths of
/// <see cref="CrMath"/> evaluate in it; every operation's relative error is below 2^-100 here.
/// </summary>
internal readonly record struct DoubleDouble(double Hi, double Lo)
{
    public static implicit operator DoubleDouble(double value) => new(value, 0);

    /// <summary>a + b exactly, as a normalised pair (Knuth's TwoSum, no condition on the magnitudes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DoubleDouble TwoSum(double a, double b)
    {
        double s = a + b;
        double bb = s - a;
        return new(s, (a - (s - bb)) + (b - bb));
    }

    /// <summary>a + b exactly, given |a| ≥ |b| or a = 0 (Dekker's FastTwoSum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DoubleDouble FastTwoSum(double a, double b)
    {
        double s = a + b;
        return new(s, b - (s - a));
    }

    /// <summary>a·b exactly: the FMA recovers the rounding error of the product (IEEE fma is correctly rounded everywhere).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static DoubleDouble TwoProd(double a, double b)
    {
        double p = a * b;
        return new(p, Math.FusedMultiplyAdd(a, b, -p));
    }

    /// <summary>x + y, accurate even under cancellation (the "IEEE" double-double addition).</summary>
    public static DoubleDouble operator +(DoubleDouble x, DoubleDouble y)
    {
        var s = TwoSum(x.Hi, y.Hi);
        var t = TwoSum(x.Lo, y.Lo);
        var u = FastTwoSum(s.Hi, s.Lo + t.Hi);
        return FastTwoSum(u.Hi, u.Lo + t.Lo);
    }

    public static DoubleDouble operator -(DoubleDouble x) => new(-x.Hi, -x.Lo);

    public static DoubleDouble operator -(DoubleDouble x, DoubleDouble y) => x + -y;

    public static DoubleDouble operator *(DoubleDouble x, DoubleDouble y)
    {
        var p = TwoProd(x.Hi, y.Hi);
        return FastTwoSum(p.Hi, p.Lo + (x.Hi * y.Lo + x.Lo * y.Hi));
    }

    public static DoubleDouble operator *(DoubleDouble x, double y)
    {
        var p = TwoProd(x.Hi, y);
        return FastTwoSum(p.Hi, p.Lo + x.Lo * y);
    }

    /// <summary>x / y by long division: three quotient digits, each from the exact remainder.</summary>
    public static DoubleDouble operator /(DoubleDouble x, DoubleDouble y)
    {
        double q1 = x.Hi / y.Hi;
        var r = x - y * q1;
        double q2 = r.Hi / y.Hi;
        r -= y * q2;
        double q3 = r.Hi / y.Hi;
        var q = FastTwoSum(q1, q2);
        return q + q3;
    }

    /// <summary>x·2^n, exact unless it under- or overflows.</summary>
    public DoubleDouble ScaleB(int n) => new(Math.ScaleB(Hi, n), Math.ScaleB(Lo, n));
}
