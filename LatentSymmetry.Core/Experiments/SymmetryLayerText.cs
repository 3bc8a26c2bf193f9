using LatentSymmetry.Core.Models;
using System.Globalization;

namespace LatentSymmetry.Core.Experiments;

/// <summary>
/// The experiment grid's text forms of symmetry layers: result files' cells (an integer, or empty / <c>None</c> for the
/// baseline) and <c>--layers</c> specifications with ranges and <c>all</c>. A layer's number is read and checked by
/// <see cref="SymmetryLayer.TryParseNumber"/> and <see cref="SymmetryLayer.Exists"/>, as <c>--symmetry-layer</c> reads it.
/// </summary>
public static class SymmetryLayerText
{
    /// <summary>Formats a layer as the result files do: the integer, or <paramref name="baseline"/> (empty by default) for null.</summary>
    public static string Format(SymmetryLayer layer, string baseline = "") =>
        layer.Number is int l ? l.ToString(CultureInfo.InvariantCulture) : baseline;

    /// <summary>Parses a layer cell: an integer, or empty / <c>None</c> (any case) for the baseline.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out SymmetryLayer layer)
    {
        ReadOnlySpan<char> s = text.Trim();
        layer = SymmetryLayer.None;
        if (s.IsEmpty || s.Equals("None", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (SymmetryLayer.TryParseNumber(s, out int value) && SymmetryLayer.Exists(value, int.MaxValue))
        {
            layer = SymmetryLayer.FromValue(value);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Parses user layer specifications (<c>"1,3,-1"</c>, <c>"1-6"</c>, <c>"all"</c>) over several arguments and checks each
    /// layer is in 1..<paramref name="numHiddenLayers"/> or -1. Order of first appearance is kept; duplicates are removed.
    /// </summary>
    /// <exception cref="GridSpecException">A token is malformed or names a layer outside the network.</exception>
    public static IReadOnlyList<int> ParseSpec(IEnumerable<string> arguments, int numHiddenLayers)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentOutOfRangeException.ThrowIfLessThan(numHiddenLayers, 1);
        var layers = new List<int>();
        foreach (string argument in arguments)
        {
            foreach (string token in argument.Split(','))
            {
                foreach (int layer in ParseToken(token, numHiddenLayers))
                {
                    if (!layers.Contains(layer))
                    {
                        layers.Add(layer);
                    }
                }
            }
        }

        if (layers.Count == 0)
        {
            throw new GridSpecException(string.Empty, "no symmetry layers given");
        }

        return layers;
    }

    /// <summary>Throws <see cref="GridSpecException"/> unless <paramref name="layer"/> is in 1..<paramref name="numHiddenLayers"/> or -1.</summary>
    public static void Validate(int layer, int numHiddenLayers)
    {
        if (!SymmetryLayer.Exists(layer, numHiddenLayers))
        {
            string text = layer.ToString(CultureInfo.InvariantCulture);
            throw new GridSpecException(text, $"invalid symmetry layer {text}: expected 1..{numHiddenLayers} or -1 (output)");
        }
    }

    private static IEnumerable<int> ParseToken(string token, int numHiddenLayers)
    {
        string t = token.Trim();
        if (t.Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            return [.. Enumerable.Range(1, numHiddenLayers), -1];
        }

        int dash = t.IndexOf('-', 1 < t.Length ? 1 : 0);
        if (t.Length > 0 && dash > 0)
        {
            int a = ParseInt(t[..dash], token), b = ParseInt(t[(dash + 1)..], token);
            if (a < 1 || a > b)
            {
                throw new GridSpecException(token, $"invalid layer range '{token}': expected A-B with 1 <= A <= B <= {numHiddenLayers}");
            }

            Validate(a, numHiddenLayers);
            Validate(b, numHiddenLayers);
            return Enumerable.Range(a, b - a + 1);
        }

        int layer = ParseInt(t, token);
        Validate(layer, numHiddenLayers);
        return [layer];
    }

    private static int ParseInt(string text, string token) =>
        SymmetryLayer.TryParseNumber(text, out int value)
            ? value
            : throw new GridSpecException(token, $"invalid symmetry layer '{token}': expected an integer 1..L, -1, a range A-B or 'all'");
}
