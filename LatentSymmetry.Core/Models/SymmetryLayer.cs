using System.Globalization;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// Where the latent-symmetry penalty looks: hidden layer k (1..L, the k-th hidden layer's output after its
/// ReLU), the network output (-1), or nowhere (none, no penalty).
/// </summary>
public readonly record struct SymmetryLayer
{
    const int NoneValue = 0;

    SymmetryLayer(int value) => Value = value;

    /// <summary>-1 for the output, k for hidden layer k, 0 for none.</summary>
    public int Value { get; }

    /// <summary>No penalty.</summary>
    public static SymmetryLayer None => new(NoneValue);

    /// <summary>The network output.</summary>
    public static SymmetryLayer Output => new(-1);

    /// <summary>Hidden layer k (1-based).</summary>
    public static SymmetryLayer Hidden(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        return new(k);
    }

    /// <summary>
    /// The layer of <paramref name="value"/> as result files and grids write it: -1 the output, k ≥ 1 hidden layer k,
    /// null (or 0) none. Other values throw <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    public static SymmetryLayer FromValue(int? value) => value switch
    {
        null or NoneValue => None,
        -1 => Output,
        >= 1 => Hidden(value.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "a symmetry layer is -1 (output), 1..L or none"),
    };

    /// <summary>The layer as result files store it: -1 or k, null for none.</summary>
    public int? Number => IsSet ? Value : null;

    /// <summary>True when a penalty is applied.</summary>
    public bool IsSet => Value != NoneValue;

    /// <summary>The number of linear layers the activation is taken after: k for hidden layer k, L + 1 for the output.</summary>
    public int Depth(int hiddenLayers) => Value == -1 ? hiddenLayers + 1 : Value;

    /// <summary>
    /// Parses "none", "-1" or "1".."L" for a network with <paramref name="hiddenLayers"/> hidden layers;
    /// anything else fails with a message that lists the valid values.
    /// </summary>
    public static bool TryParse(string? text, int hiddenLayers, out SymmetryLayer layer, out string error)
    {
        layer = None;
        error = "";
        var t = (text ?? "").Trim();
        if (t.Equals("none", StringComparison.OrdinalIgnoreCase)) return true;
        if (TryParseNumber(t, out int k) && Exists(k, hiddenLayers))
        {
            layer = k == -1 ? Output : Hidden(k);
            return true;
        }
        error = $"'{text}' is not a symmetry layer of a network with {hiddenLayers} hidden layers; valid: {ValidValues(hiddenLayers)}";
        return false;
    }

    /// <summary>
    /// The one spelling of a layer's number, which every text form of layers (this type's, <see cref="SymmetryLayers"/>' lists,
    /// the grid's ranges and result files' cells) reads: an integer with an optional sign, in the invariant culture.
    /// </summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, out int number) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);

    /// <summary>Whether <paramref name="number"/> names a layer of a network with <paramref name="hiddenLayers"/> hidden layers: -1 (the output) or 1..L.</summary>
    public static bool Exists(int number, int hiddenLayers) => number == -1 || (number >= 1 && number <= hiddenLayers);

    /// <summary>The accepted spellings, for messages: "none, -1 (output), 1..L".</summary>
    public static string ValidValues(int hiddenLayers) => hiddenLayers == 1 ? "none, -1 (output), 1" : $"none, -1 (output), 1..{hiddenLayers}";

    /// <summary>"none", "-1" or the hidden layer number.</summary>
    public override string ToString() => IsSet ? Value.ToString(CultureInfo.InvariantCulture) : "none";
}
