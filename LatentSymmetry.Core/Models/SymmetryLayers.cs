using System.Collections;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// The layers a symmetry penalty looks at (<c>--symmetry-layer 2,4,-1</c>): none, or one or more distinct
/// <see cref="SymmetryLayer"/>s, kept in forward order (hidden layers ascending, then the output), so one
/// stacked pass can stop at each in turn. The penalty is the sum of the layers' penalties. A single layer
/// converts implicitly, so code and files written for one layer read unchanged.
/// </summary>
public sealed class SymmetryLayers : IReadOnlyList<SymmetryLayer>, IEquatable<SymmetryLayers>
{
    readonly SymmetryLayer[] _layers;

    SymmetryLayers(SymmetryLayer[] layers) => _layers = layers;

    /// <summary>No penalty.</summary>
    public static SymmetryLayers None { get; } = new([]);

    /// <summary>The network output only (the default).</summary>
    public static SymmetryLayers Output { get; } = new([SymmetryLayer.Output]);

    /// <summary>One layer, or <see cref="None"/> for <see cref="SymmetryLayer.None"/>.</summary>
    public static implicit operator SymmetryLayers(SymmetryLayer layer) => layer.IsSet ? new([layer]) : None;

    /// <summary>
    /// The set of <paramref name="layers"/>, sorted into forward order. Throws <see cref="ArgumentException"/> for
    /// <see cref="SymmetryLayer.None"/> among them or a layer given twice.
    /// </summary>
    public static SymmetryLayers Of(IEnumerable<SymmetryLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var list = layers.ToArray();
        if (list.Any(l => !l.IsSet)) throw new ArgumentException("none cannot be combined with layers", nameof(layers));
        if (list.GroupBy(l => l).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"layer {twice.Key} is listed twice", nameof(layers));
        return list.Length == 0 ? None : new([.. list.OrderBy(ForwardOrder)]);
    }

    /// <summary>The set of <paramref name="layers"/> (see <see cref="Of(IEnumerable{SymmetryLayer})"/>).</summary>
    public static SymmetryLayers Of(params SymmetryLayer[] layers) => Of((IEnumerable<SymmetryLayer>)layers);

    // Hidden layer k is k stages deep and the output deeper than every hidden layer, whatever L is.
    static int ForwardOrder(SymmetryLayer layer) => layer.Value == -1 ? int.MaxValue : layer.Value;

    /// <summary>True when a penalty is applied (at least one layer).</summary>
    public bool IsSet => _layers.Length > 0;

    /// <summary>Number of penalised layers.</summary>
    public int Count => _layers.Length;

    /// <summary>The i-th layer in forward order.</summary>
    public SymmetryLayer this[int index] => _layers[index];

    /// <summary>The deepest layer (the last in forward order); throws when none is set.</summary>
    public SymmetryLayer Deepest => IsSet ? _layers[^1] : throw new InvalidOperationException("no symmetry layer is set");

    /// <summary>True when <paramref name="layer"/> is one of the penalised layers.</summary>
    public bool Contains(SymmetryLayer layer) => Array.IndexOf(_layers, layer) >= 0;

    /// <summary>
    /// Null when every layer exists in a network of <paramref name="hiddenLayers"/> hidden layers, else a message
    /// naming the first that does not and the valid values.
    /// </summary>
    public string? Check(int hiddenLayers) =>
        _layers.FirstOrDefault(l => l.Value != -1 && l.Value > hiddenLayers) is { IsSet: true } missing
            ? $"symmetry-layer {missing} does not exist; valid: {SymmetryLayer.ValidValues(hiddenLayers)}"
            : null;

    /// <summary>
    /// Parses "none", one layer ("-1", "3") or a comma-separated list ("2,4,-1") for a network with
    /// <paramref name="hiddenLayers"/> hidden layers. Fails, with a one-line message, on an unknown or
    /// out-of-range layer, an empty item, a layer given twice, or none combined with layers.
    /// </summary>
    public static bool TryParse(string? text, int hiddenLayers, out SymmetryLayers layers, out string error)
    {
        layers = None;
        error = "";
        var items = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (items.Length == 1) // one layer (or none): SymmetryLayer's own message
        {
            if (!SymmetryLayer.TryParse(items[0], hiddenLayers, out var single, out error)) return false;
            layers = single;
            return true;
        }
        var parsed = new List<SymmetryLayer>(items.Length);
        foreach (var item in items)
        {
            if (item.Length == 0) { error = $"'{text}' has an empty item; give layers as 2,4,-1"; return false; }
            if (item.Equals("none", StringComparison.OrdinalIgnoreCase)) { error = $"'{text}': none cannot be combined with layers"; return false; }
            if (!SymmetryLayer.TryParse(item, hiddenLayers, out var layer, out var itemError)) { error = $"in '{text}': {itemError}"; return false; }
            if (parsed.Contains(layer)) { error = $"'{text}': layer {layer} is listed twice"; return false; }
            parsed.Add(layer);
        }
        layers = Of(parsed);
        return true;
    }

    /// <summary>"none", or the layers in forward order joined by commas, as <c>--symmetry-layer</c> takes them ("2,4,-1").</summary>
    public override string ToString() => IsSet ? string.Join(",", _layers) : "none";

    /// <summary>The layers joined by '+' ("2+4+-1"), for file and directory names where a comma is awkward.</summary>
    public string NameToken => IsSet ? string.Join("+", _layers) : "none";

    /// <summary>The layers as result files and config.json number them (-1 or k).</summary>
    public IEnumerable<int> Numbers => _layers.Select(l => l.Value);

    /// <inheritdoc />
    public IEnumerator<SymmetryLayer> GetEnumerator() => ((IEnumerable<SymmetryLayer>)_layers).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool Equals(SymmetryLayers? other) => other is not null && _layers.AsSpan().SequenceEqual(other._layers);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SymmetryLayers);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var l in _layers) hash.Add(l.Value);
        return hash.ToHashCode();
    }

    /// <summary>Set equality (both in forward order).</summary>
    public static bool operator ==(SymmetryLayers? a, SymmetryLayers? b) => a is null ? b is null : a.Equals(b);

    /// <summary>Set inequality.</summary>
    public static bool operator !=(SymmetryLayers? a, SymmetryLayers? b) => !(a == b);
}
