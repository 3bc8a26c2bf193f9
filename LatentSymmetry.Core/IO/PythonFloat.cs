using System.Globalization;

namespace LatentSymmetry.Core.IO;

/// <summary>
/// Reads and writes doubles exactly as Python's <c>repr(float)</c> / <c>float(str)</c> do, so result files
/// travel between this library and the original project's scripts without a bit of loss.
/// </summary>
/// <remarks>
/// Formatting takes the shortest digit string that round-trips (.NET's <c>"R"</c>, which is the same
/// shortest-digits rule Python uses) and lays it out with Python's rule: scientific notation when the
/// decimal exponent is below -4 or at least 16 (<c>1e-05</c>, <c>1e+16</c>), otherwise positional with
/// at least one fractional digit (<c>0.0003</c>, <c>100.0</c>). Non-finite values are <c>nan</c>,
/// <c>inf</c>, <c>-inf</c>.
/// </remarks>
public static class PythonFloat
{
    /// <summary>Formats <paramref name="value"/> as Python's <c>repr(value)</c> would.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        string sign = double.IsNegative(value) ? "-" : string.Empty;
        if (value == 0)
        {
            return sign + "0.0";
        }

        (string digits, int point) = ShortestDigits(value);
        if (point <= -4 || point > 16)
        {
            return sign + Mantissa(digits) + "e" + FormatExponent(point - 1, padTwo: true);
        }

        if (point <= 0)
        {
            return sign + "0." + new string('0', -point) + digits;
        }

        if (point >= digits.Length)
        {
            return sign + digits + new string('0', point - digits.Length) + ".0";
        }

        return sign + digits[..point] + "." + digits[point..];
    }

    /// <summary>
    /// Formats a positive value in short scientific form, <c>d[.ddd]e-N</c> (negative exponents without zero padding,
    /// non-negative ones as <c>e+NN</c>); used for learning rates in result-file names (<c>3e-4</c>, <c>2.5e-4</c>).
    /// </summary>
    /// <remarks>
    /// Matches the original's <c>f'{lr:.0e}'.replace('-0', '-')</c> whenever that is exact (one significant digit),
    /// and keeps every digit otherwise, so two different learning rates never share a file name.
    /// </remarks>
    public static string FormatScientific(double value)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "expected a positive finite value");
        }

        (string digits, int point) = ShortestDigits(value);
        return Mantissa(digits) + "e" + FormatExponent(point - 1, padTwo: false);
    }

    /// <summary>Parses any text Python's <c>float()</c> accepts (<c>1e-05</c>, <c>.5</c>, <c>nan</c>, <c>-inf</c>, <c>Infinity</c>, <c>1_000.5</c>).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value)
    {
        ReadOnlySpan<char> s = text.Trim();
        value = 0;
        if (s.IsEmpty)
        {
            return false;
        }

        ReadOnlySpan<char> unsigned = s[0] is '+' or '-' ? s[1..] : s;
        bool negative = s[0] == '-';
        if (unsigned.Equals("nan", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        if (unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase) || unsigned.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        // Python's grammar: sign? (digits '.'? digits? | '.' digits) (e sign? digits)?, '_' allowed only between digits.
        Span<char> buffer = s.Length <= 128 ? stackalloc char[s.Length] : new char[s.Length];
        int n = 0;
        int mantissaDigits = 0;
        bool seenDot = false, seenExp = false, expDigits = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsAsciiDigit(c))
            {
                if (seenExp)
                {
                    expDigits = true;
                }
                else
                {
                    mantissaDigits++;
                }
            }
            else if (c == '_')
            {
                if (i == 0 || i == s.Length - 1 || !char.IsAsciiDigit(s[i - 1]) || !char.IsAsciiDigit(s[i + 1]))
                {
                    return false;
                }

                continue;
            }
            else if (c is '+' or '-')
            {
                if (!(i == 0 || (seenExp && s[i - 1] is 'e' or 'E')))
                {
                    return false;
                }
            }
            else if (c == '.')
            {
                if (seenDot || seenExp)
                {
                    return false;
                }

                seenDot = true;
            }
            else if (c is 'e' or 'E')
            {
                if (seenExp || mantissaDigits == 0)
                {
                    return false;
                }

                seenExp = true;
            }
            else
            {
                return false;
            }

            buffer[n++] = c;
        }

        if (mantissaDigits == 0 || (seenExp && !expDigits))
        {
            return false;
        }

        return double.TryParse(buffer[..n], NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses like <see cref="TryParse"/>; throws <see cref="FormatException"/> naming the text when it is not a Python float.</summary>
    public static double Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out double value) ? value : throw new FormatException($"'{text}' is not a floating-point number");
    }

    private static string Mantissa(string digits) => digits.Length == 1 ? digits : digits[..1] + "." + digits[1..];

    // Python pads exponents to two digits (e-05, e+16); file names drop the padding of negative ones only.
    private static string FormatExponent(int exponent, bool padTwo)
    {
        string format = padTwo || exponent >= 0 ? "00" : "0";
        return (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString(format, CultureInfo.InvariantCulture);
    }

    /// <summary>Shortest round-trip significant digits of |value| (no leading or trailing zeros) and the decimal point position: |value| = 0.digits × 10^point.</summary>
    private static (string Digits, int Point) ShortestDigits(double value)
    {
        string r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        int exponent = 0;
        int e = r.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(r.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..e];
        }

        int dot = r.IndexOf('.');
        string integer = dot >= 0 ? r[..dot] : r;
        string digits = dot >= 0 ? integer + r[(dot + 1)..] : integer;
        int point = integer.Length + exponent;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0')
        {
            lead++;
        }

        return (digits[lead..].TrimEnd('0'), point - lead);
    }
}
