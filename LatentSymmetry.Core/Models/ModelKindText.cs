namespace LatentSymmetry.Core.Models;

/// <summary>The text form of a <see cref="ModelKind"/>, as the command line, config.json and result files spell it (the catalog's names).</summary>
public static class ModelKindText
{
    /// <summary>The kind's name, e.g. "mlp".</summary>
    public static string Format(ModelKind kind) => (kind ?? throw new ArgumentNullException(nameof(kind))).Name;

    /// <summary>Parses a registered kind's name (any case, trimmed); false otherwise.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelKind? kind) => ModelKind.TryParse(text, out kind);
}
