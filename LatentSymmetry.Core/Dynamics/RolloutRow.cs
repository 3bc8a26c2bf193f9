namespace LatentSymmetry.Core.Dynamics;

/// <summary>One horizon of a <see cref="FlowRolloutStudy"/>: the rollout's errors against the truth and its equivariance residuals.</summary>
/// <param name="Horizon">The number of steps H.</param>
/// <param name="ErrorInRegion">sqrt(Σ‖m_H(x0) − Φ^H(x0)‖² / Σ‖Φ^H(x0)‖²) over the starts x0 in the training region (float32 model).</param>
/// <param name="ErrorOffRegion">The same over the turned starts g·x0 (each its own Haar rotation g of the run's group).</param>
/// <param name="Ratio">ErrorOffRegion / ErrorInRegion: 1 when the model is as good everywhere on the orbits as where it was trained.</param>
/// <param name="EquivarianceResidualFloat32">sqrt(Σ‖g·m_H(x0) − m_H(g·x0)‖² / Σ‖m_H(x0)‖²) of the float32 model.</param>
/// <param name="EquivarianceResidualFloat64">The same for the model's weights in float64.</param>
public readonly record struct RolloutRow(int Horizon, double ErrorInRegion, double ErrorOffRegion, double Ratio,
    double EquivarianceResidualFloat32, double EquivarianceResidualFloat64)
{
    /// <summary>
    /// <see cref="Ratio"/> from the rollouts of the model's weights in float64: free of float32 rounding, which moves the
    /// float32 ratio of an accurate exact model by up to 1e-4 when its one-step error is 1e-5 of the step. NaN when not measured.
    /// </summary>
    public double RatioFloat64 { get; init; } = double.NaN;

    /// <summary>The drift of each quantity a phase-space flow conserves (energy, angular momentum), in its order; empty for a field of space.</summary>
    public IReadOnlyList<QuantityDrift> Drifts { get; init; } = [];
}
