namespace LatentSymmetry.Core.Orbits;

/// <summary>The command-line spelling of <see cref="PenaltyKind"/>: raw, normalized, pca, pca-normalized.</summary>
public static class PenaltyKindText
{
    static readonly (PenaltyKind Kind, string Name)[] Names =
    [
        (PenaltyKind.Raw, "raw"),
        (PenaltyKind.Normalized, "normalized"),
        (PenaltyKind.Pca, "pca"),
        (PenaltyKind.PcaNormalized, "pca-normalized"),
    ];

    /// <summary>The accepted names, in order.</summary>
    public static IReadOnlyList<string> All { get; } = Names.Select(n => n.Name).ToArray();

    /// <summary>The name of <paramref name="kind"/>.</summary>
    public static string Format(PenaltyKind kind)
    {
        foreach (var (k, name) in Names)
            if (k == kind) return name;
        throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a penalty kind");
    }

    /// <summary>Parses a name (case-insensitive, surrounding blanks ignored); false for anything else.</summary>
    public static bool TryParse(string? text, out PenaltyKind kind)
    {
        var t = text?.Trim();
        foreach (var (k, name) in Names)
            if (string.Equals(t, name, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        kind = default;
        return false;
    }

    /// <summary>Parses a name, or throws a <see cref="FormatException"/> that names the value and the valid ones.</summary>
    public static PenaltyKind Parse(string? text)
        => TryParse(text, out var kind) ? kind
            : throw new FormatException($"unknown penalty '{text}': expected one of {string.Join(", ", All)}");
}
