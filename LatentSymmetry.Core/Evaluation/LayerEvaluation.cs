using LatentSymmetry.Core.Invariance;

namespace LatentSymmetry.Core.Evaluation;

/// <summary>The measures of one layer of a saved run.</summary>
/// <param name="Layer">1..L for the hidden layers, −1 for the output (the symmetry-layer numbering).</param>
/// <param name="Width">Width of the activation.</param>
/// <param name="Measures">SL, Q_h, Q and RSL with their intervals; null when none of them was asked for.</param>
/// <param name="RotationInformation">MI; null when not asked for.</param>
public sealed record LayerEvaluation(int Layer, int Width, LayerInvariance? Measures, RotationInformationEstimate? RotationInformation)
{
    /// <summary>The value of one measure (NaN when not computed).</summary>
    public MeasureEstimate Get(InvarianceMetric metric)
    {
        var none = new MeasureEstimate(double.NaN, double.NaN, double.NaN);
        return metric switch
        {
            InvarianceMetric.SL => Measures?.SL ?? none,
            InvarianceMetric.Qh => Measures?.Qh ?? none,
            InvarianceMetric.Q => Measures?.Q ?? none,
            InvarianceMetric.Rsl => Measures?.Rsl ?? none,
            InvarianceMetric.MI => RotationInformation?.MI ?? none,
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "one measure expected"),
        };
    }
}
