using System.Globalization;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Core.Experiments.Grid;

/// <summary>
/// Parses the benchmark's seed arguments: single seeds (<c>42</c>), inclusive ranges (<c>1-100</c>),
/// comma lists (<c>1,5,9</c>) and any mix of them over several arguments (<c>1-3,7 42</c>).
/// </summary>
/// <remarks>
/// Seeds are non-negative 32-bit integers written with ASCII digits only. The result is sorted and
/// free of duplicates. Unlike the original <c>benchmark.py</c>, which skipped bad tokens with a
/// warning, an invalid token is an error that names it, so a typo never silently shrinks a sweep.
/// </remarks>
public static class SeedSpec
{
    /// <summary>Largest number of seeds one specification may expand to (guards against <c>0-2147483647</c>).</summary>
    public const int MaxSeeds = 1_000_000;

    /// <summary>Parses one argument, e.g. <c>"1-10,42"</c>.</summary>
    /// <exception cref="GridSpecException">A token is empty, not a number, negative, overflows, or is a descending range.</exception>
    public static IReadOnlyList<int> Parse(string argument) => Parse([argument]);

    /// <summary>Parses several arguments and returns the union of their seeds, sorted ascending.</summary>
    /// <exception cref="GridSpecException">A token is empty, not a number, negative, overflows, or is a descending range.</exception>
    public static IReadOnlyList<int> Parse(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var seeds = new SortedSet<int>();
        bool any = false;
        foreach (string argument in arguments)
        {
            ArgumentNullException.ThrowIfNull(argument, nameof(arguments));
            any = true;
            foreach (string token in argument.Split(','))
            {
                AddToken(token, seeds);
            }
        }

        if (!any)
        {
            throw new GridSpecException(string.Empty, "no seeds given");
        }

        return seeds.ToArray();
    }

    private static void AddToken(string token, SortedSet<int> seeds)
    {
        string trimmed = token.Trim();
        if (trimmed.Length == 0)
        {
            throw new GridSpecException(token, $"invalid seed '{token}': empty token");
        }

        int dash = trimmed.IndexOf('-');
        if (dash < 0)
        {
            seeds.Add(ParseSeed(trimmed, token));
            EnsureCount(seeds, token);
            return;
        }

        if (dash == 0)
        {
            throw new GridSpecException(token, $"invalid seed '{token}': seeds are non-negative integers; a range is written START-END");
        }

        int start = ParseSeed(trimmed[..dash].Trim(), token);
        int end = ParseSeed(trimmed[(dash + 1)..].Trim(), token);
        if (start > end)
        {
            throw new GridSpecException(token, $"invalid seed range '{token}': start {start} exceeds end {end}");
        }

        if ((long)end - start + 1 + seeds.Count > MaxSeeds)
        {
            throw new GridSpecException(token, $"invalid seed range '{token}': more than {MaxSeeds} seeds");
        }

        for (long s = start; s <= end; s++)
        {
            seeds.Add((int)s);
        }
    }

    private static int ParseSeed(string text, string token)
    {
        if (text.Length == 0 || !text.All(char.IsAsciiDigit))
        {
            throw new GridSpecException(token, $"invalid seed '{token}': expected a non-negative integer or a range START-END");
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value))
        {
            throw new GridSpecException(token, $"invalid seed '{token}': {text} exceeds the largest seed {int.MaxValue}");
        }

        return value;
    }

    private static void EnsureCount(SortedSet<int> seeds, string token)
    {
        if (seeds.Count > MaxSeeds)
        {
            throw new GridSpecException(token, $"invalid seed '{token}': more than {MaxSeeds} seeds");
        }
    }
}
