using LatentSymmetry.Core.Invariance;

namespace LatentSymmetry.Core.Evaluation;

/// <summary>The measures of one layer of a saved run.</summary>
/// <param name="Layer">1..L for the hidden layers, −1 for the output (the symmetry-layer numbering).</param>
/// <param name="Width">Width of the activation.</param>
/// <param name="Values">Each computed measure with its 95% interval.</param>
/// <param name="Details">Named figures that go with the measures, e.g. <c>pca_components</c> (Q's kept components) or a generator's own Lie derivative.</param>
public sealed record LayerEvaluation(int Layer, int Width, IReadOnlyDictionary<LayerMeasure, MeasureEstimate> Values, IReadOnlyDictionary<string, double> Details)
{
    /// <summary>The value of one measure (NaN when not computed).</summary>
    public MeasureEstimate Get(LayerMeasure measure) =>
        Values.TryGetValue(measure, out var estimate) ? estimate : new MeasureEstimate(double.NaN, double.NaN, double.NaN);
}
