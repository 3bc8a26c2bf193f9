using LatentSymmetry.Core.Invariance;

namespace LatentSymmetry.Core.Evaluation;

/// <summary>The values the sources write, layer by layer, before they become <see cref="LayerEvaluation"/>s.</summary>
internal sealed class LayerMeasureResults
{
    readonly int[] _widths;
    readonly Dictionary<LayerMeasure, MeasureEstimate>[] _values;
    readonly Dictionary<string, double>[] _details;

    /// <summary>Empty results for <paramref name="depth"/> layers.</summary>
    public LayerMeasureResults(int depth)
    {
        _widths = new int[depth];
        _values = [.. Enumerable.Range(0, depth).Select(_ => new Dictionary<LayerMeasure, MeasureEstimate>())];
        _details = [.. Enumerable.Range(0, depth).Select(_ => new Dictionary<string, double>())];
    }

    /// <summary>Records layer <paramref name="k"/>'s width.</summary>
    public void Width(int k, int width) => _widths[k] = width;

    /// <summary>Records a measure of layer <paramref name="k"/>.</summary>
    public void Set(int k, LayerMeasure measure, MeasureEstimate estimate) => _values[k][measure] = estimate;

    /// <summary>Records a named detail of layer <paramref name="k"/> (e.g. pca_components), written beside the measures.</summary>
    public void Detail(int k, string name, double value) => _details[k][name] = value;

    /// <summary>The layers, numbered 1..L and −1 for the output.</summary>
    public List<LayerEvaluation> ToLayers()
    {
        int depth = _widths.Length;
        var layers = new List<LayerEvaluation>(depth);
        for (int k = 0; k < depth; k++)
            layers.Add(new LayerEvaluation(k == depth - 1 ? -1 : k + 1, _widths[k], _values[k], _details[k]));
        return layers;
    }
}
