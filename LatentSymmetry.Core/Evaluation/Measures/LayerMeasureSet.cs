using System.Collections;

namespace LatentSymmetry.Core.Evaluation;

/// <summary>A chosen set of per-layer measures, always in the catalogue's order (the order of reports and files).</summary>
public sealed class LayerMeasureSet : IReadOnlyList<LayerMeasure>
{
    readonly LayerMeasure[] _measures;

    LayerMeasureSet(IEnumerable<LayerMeasure> measures)
    {
        var chosen = measures.ToHashSet();
        _measures = [.. LayerMeasures.All.Where(chosen.Contains)];
    }

    /// <summary>The set of <paramref name="measures"/> (duplicates and order ignored).</summary>
    public static LayerMeasureSet Of(params IEnumerable<LayerMeasure> measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        return new LayerMeasureSet(measures);
    }

    /// <summary>Every registered measure.</summary>
    public static LayerMeasureSet All => new(LayerMeasures.All);

    /// <summary>True when <paramref name="measure"/> is chosen.</summary>
    public bool Contains(LayerMeasure measure) => Array.IndexOf(_measures, measure) >= 0;

    /// <summary>True when any chosen measure is computed by <paramref name="source"/>.</summary>
    internal bool Uses(LayerMeasureSource source) => _measures.Any(m => m.Source == source);

    /// <summary>This set without <paramref name="measures"/>.</summary>
    public LayerMeasureSet Without(params IEnumerable<LayerMeasure> measures) => new(_measures.Except(measures));

    /// <inheritdoc/>
    public int Count => _measures.Length;

    /// <inheritdoc/>
    public LayerMeasure this[int index] => _measures[index];

    /// <inheritdoc/>
    public IEnumerator<LayerMeasure> GetEnumerator() => ((IEnumerable<LayerMeasure>)_measures).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The names joined by commas, as <c>--metrics</c> takes them.</summary>
    public override string ToString() => string.Join(",", _measures.Select(m => m.Name));
}
