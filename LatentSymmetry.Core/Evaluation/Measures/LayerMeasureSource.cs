namespace LatentSymmetry.Core.Evaluation;

/// <summary>
/// One computation behind one or more per-layer measures (the orbit moments give SL, Q_h, Q and RSL at once). It runs
/// once per evaluated network when any of its measures is chosen, and writes every layer's values into the results.
/// </summary>
internal abstract class LayerMeasureSource
{
    /// <summary>Measures every layer of <paramref name="request"/>'s network.</summary>
    public abstract void Measure(LayerMeasureRequest request, LayerMeasureResults results);
}
