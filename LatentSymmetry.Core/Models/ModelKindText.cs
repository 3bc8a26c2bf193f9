namespace LatentSymmetry.Core.Models;

/// <summary>The text form of a <see cref="ModelKind"/>, as the command line, config.json and result files spell it: "mlp", "invariant".</summary>
public static class ModelKindText
{
    /// <summary>"mlp" or "invariant".</summary>
    public static string Format(ModelKind kind) => kind == ModelKind.Invariant ? "invariant" : "mlp";

    /// <summary>Parses "mlp" or "invariant" (any case, trimmed); false otherwise.</summary>
    public static bool TryParse(string? text, out ModelKind kind)
    {
        kind = ModelKind.Mlp;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "mlp":
                return true;
            case "invariant":
                kind = ModelKind.Invariant;
                return true;
            default:
                return false;
        }
    }
}
