namespace LatentSymmetry.Cli.Commands;

/// <summary>
/// The one rule for every list option (--seeds, --lambdas, --layers, --learning-rates, --baselines, --penalties,
/// and survey's and evaluate's lists): items separated by commas or spaces, in one argument or several
/// ("1,2 3" = "1 2 3" = "1,2,3"); an empty item ("1,,2", "1,") or an item given twice ("raw,raw") is an error
/// that names the option, as is the option given without a value.
/// </summary>
internal static class ListOptionText
{
    static readonly char[] Separators = [',', ' ', '\t'];

    /// <summary>Throws a <see cref="UsageException"/> naming <paramref name="option"/> when an item (any case) is given twice.</summary>
    public static void RefuseRepeats(IEnumerable<string> items, string option)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
            if (!seen.Add(item)) throw new UsageException($"{option}: '{item}' is listed twice");
    }

    /// <summary>The items of <paramref name="arguments"/>, in order; throws a <see cref="UsageException"/> naming <paramref name="option"/> for an empty item.</summary>
    public static IReadOnlyList<string> Split(IEnumerable<string> arguments, string option)
    {
        var items = new List<string>();
        foreach (var argument in arguments)
        {
            // Spaces separate like commas, but a run of spaces around a comma is one separator: only a comma
            // next to another comma or at an end leaves an item empty.
            foreach (var commaPart in argument.Trim().Split(','))
            {
                var words = commaPart.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0)
                    throw new UsageException(argument.Trim().Length == 0
                        ? $"{option}: empty value; give items separated by commas or spaces"
                        : $"{option}: empty item in '{argument}'; items are separated by commas or spaces");
                items.AddRange(words);
            }
        }
        if (items.Count == 0) throw new UsageException($"{option}: no value given");
        RefuseRepeats(items, option);
        return items;
    }
}
