namespace LatentSymmetry.Core.Orbits;

/// <summary>The command-line spelling of a <see cref="PenaltyKind"/>: the catalog's names (raw, normalized, pca, pca-normalized, ...).</summary>
public static class PenaltyKindText
{
    /// <summary>The accepted names, in the catalog's order.</summary>
    public static IReadOnlyList<string> All => [.. PenaltyKind.All.Select(k => k.Name)];

    /// <summary>The name of <paramref name="kind"/>.</summary>
    public static string Format(PenaltyKind kind) => (kind ?? throw new ArgumentNullException(nameof(kind))).Name;

    /// <summary>Parses a registered name (case-insensitive, surrounding blanks ignored); false for anything else.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PenaltyKind? kind)
    {
        kind = PenaltyKind.Find(text);
        return kind is not null;
    }

    /// <summary>Parses a name, or throws a <see cref="FormatException"/> that names the value and the valid ones.</summary>
    public static PenaltyKind Parse(string? text)
        => TryParse(text, out var kind) ? kind
            : throw new FormatException($"unknown penalty '{text}': expected one of {string.Join(", ", All)}");
}
