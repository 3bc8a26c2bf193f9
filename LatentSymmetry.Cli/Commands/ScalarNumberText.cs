using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace LatentSymmetry.Cli.Commands;

/// <summary>
/// The one rule for every option that takes a single number (--lambda-sym-max, --epochs, --box, ...): the
/// invariant culture, a point for decimals and no thousands separator. System.CommandLine reads a double with
/// the current culture and allows thousands separators, so "--lambda-sym-max 0,5" became 5 (and 0.5 under a
/// German locale); here a comma in a single number is refused, as commas separate the items of list options.
/// </summary>
internal static class ScalarNumberText
{
    /// <summary>Gives every number option under <paramref name="command"/> (recursively) this rule.</summary>
    public static void Apply(Command command)
    {
        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<double> d: d.CustomParser = r => ParseDouble(r, d.Name); break;
                case Option<int> i: i.CustomParser = r => ParseInt(r, i.Name) ?? 0; break;
                case Option<int?> n: n.CustomParser = r => ParseInt(r, n.Name); break;
            }
        }
        foreach (var sub in command.Subcommands) Apply(sub);
    }

    static double ParseDouble(ArgumentResult result, string option)
    {
        var token = Single(result);
        if (token is null) return 0;
        if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) return value;
        result.AddError($"{option}: {DoubleProblem(token)}");
        return 0;
    }

    static int? ParseInt(ArgumentResult result, string option)
    {
        var token = Single(result);
        if (token is null) return null;
        if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)) return value;
        var digits = token.TrimStart('+', '-');
        bool tooLarge = digits.Length > 0 && digits.All(char.IsAsciiDigit);
        result.AddError($"{option}: '{token}' is not a whole number" + (tooLarge ? $" in range ({int.MinValue} to {int.MaxValue})" : CommaHint(token)));
        return null;
    }

    /// <summary>Why <paramref name="token"/> is not a single finite number, in the user's words.</summary>
    internal static string DoubleProblem(string token)
    {
        var t = token.Trim().TrimStart('+', '-').ToLowerInvariant();
        if (t is "inf" or "infinity" or "∞") return $"'{token}' is not a finite number";
        return $"'{token}' is not a number" + CommaHint(token);
    }

    static string CommaHint(string token) =>
        token.Contains(',') ? " (one value: write decimals with a point, and no thousands separator; commas separate list items only)" : "";

    // The option's one token; System.CommandLine reports a repeated scalar option itself.
    static string? Single(ArgumentResult result) => result.Tokens.Count == 0 ? null : result.Tokens[^1].Value;
}
