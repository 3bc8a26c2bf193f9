using System.Collections;
using System.Numerics;
using LatentSymmetry.Core.IO;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// An ordered map from tensor names to shapes and values, as PyTorch's <c>state_dict()</c>: what
/// <see cref="Module{T}.StateDict"/> returns and <see cref="Module{T}.LoadStateDict"/> takes. Files are
/// float32 safetensors (so a float64 model is rounded to float32 when saved).
/// </summary>
public sealed class StateDict<T> : IReadOnlyList<StateDictEntry<T>> where T : unmanaged, INumberBase<T>
{
    readonly List<StateDictEntry<T>> _entries;
    readonly Dictionary<string, StateDictEntry<T>> _byName = new(StringComparer.Ordinal);

    /// <summary>A state dict of <paramref name="entries"/>, in order; names must be unique and shapes must match the value counts.</summary>
    public StateDict(IEnumerable<StateDictEntry<T>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = [.. entries];
        foreach (var e in _entries)
        {
            long count = e.Shape.Aggregate(1L, (a, b) => a * b);
            if (e.Shape.Any(d => d < 0) || count != e.Values.Length)
                throw new ArgumentException($"tensor '{e.Name}': shape {Module<float>.ShapeText(e.Shape)} does not hold {e.Values.Length} values", nameof(entries));
            if (!_byName.TryAdd(e.Name, e))
                throw new ArgumentException($"tensor '{e.Name}' appears twice", nameof(entries));
        }
    }

    /// <summary>Number of tensors.</summary>
    public int Count => _entries.Count;

    /// <summary>The tensor at <paramref name="index"/>, in order.</summary>
    public StateDictEntry<T> this[int index] => _entries[index];

    /// <summary>The tensor named <paramref name="name"/>; throws <see cref="KeyNotFoundException"/> naming it when absent.</summary>
    public StateDictEntry<T> this[string name] =>
        _byName.TryGetValue(name, out var e) ? e : throw new KeyNotFoundException($"state dict has no tensor '{name}'");

    /// <summary>The names, in order.</summary>
    public IEnumerable<string> Names => _entries.Select(e => e.Name);

    /// <summary>The tensor named <paramref name="name"/>, if present.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StateDictEntry<T>? entry) => _byName.TryGetValue(name, out entry);

    /// <summary>Writes the tensors, in order, as float32 safetensors (with optional string metadata).</summary>
    public void Save(string path, IReadOnlyDictionary<string, string>? metadata = null) =>
        SafetensorsFile.Write(path,
            _entries.Select(e => new SafetensorsFile.Entry(e.Name, e.Shape, e.Values.Select(float.CreateTruncating).ToArray())).ToList(),
            metadata ?? new Dictionary<string, string> { ["format"] = "pt" });

    /// <summary>Reads every tensor of a float32 safetensors file, in the order of their data.</summary>
    public static StateDict<T> Load(string path) =>
        new(SafetensorsFile.Read(path).Select(e => new StateDictEntry<T>(e.Name, e.Shape, e.Data.Select(T.CreateTruncating).ToArray())));

    /// <inheritdoc />
    public IEnumerator<StateDictEntry<T>> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
