using System.Globalization;

namespace LatentSymmetry.Cli.Output;

/// <summary>
/// The one compact form for a measured number in a report or progress line: four significant digits (or fewer, for a table),
/// positional from 0.001 up to 10,000 (0.0003197 becomes 3.197e-04, beside 3.503e-06 in the same form),
/// scientific with a two-digit exponent outside that range (1e+300, not 300 digits).
/// </summary>
internal static class NumberText
{
    /// <summary><paramref name="value"/> in the compact form with <paramref name="digits"/> significant digits (at most); "NaN", "inf" and "-inf" for the non-finite.</summary>
    public static string Short(double value, int digits = 4)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        double magnitude = Math.Abs(value);
        if (value == 0 || (magnitude >= 1e-3 && magnitude < 1e4))
        {
            // G4 is positional in this range; rounding 9999.7 up to 1E+04 leaves it, so that case is scientific.
            var text = value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (!text.Contains('E')) return text;
        }
        return value.ToString("0." + new string('#', digits - 1) + "e+00", CultureInfo.InvariantCulture);
    }
}
