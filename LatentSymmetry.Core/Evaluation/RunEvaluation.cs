using LatentSymmetry.Core.Invariance;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Core.Evaluation;

/// <summary>Everything <c>latsym evaluate</c> measures on a saved run's test points.</summary>
/// <param name="TestTaskLoss">The test MSE, recomputed (bit for bit the run's own figure).</param>
/// <param name="ReportedTestTaskLoss">metrics.json's test_task_loss, for the check.</param>
/// <param name="OrbitTaskLoss">The MSE on the test points each turned by a Haar rotation, as the run computes it.</param>
/// <param name="InvarianceErrorFloat32">ε in float32.</param>
/// <param name="InvarianceErrorFloat64">ε of the same weights run in float64.</param>
/// <param name="InvariancePoints">Test points whose turned copies stay in the data's domain (ε is over these).</param>
/// <param name="Layers">The trained network's layers, 1..L then the output (−1).</param>
/// <param name="Reference">The untrained network's layers (null without the reference).</param>
/// <param name="AngleCurve">MSE of turned test points per 10° of angle to the region's axis.</param>
/// <param name="AxisName">The axis the angles are measured from ("+z" or "+x").</param>
/// <param name="TrainedUpToDegrees">The training region's extent in that angle (180 for the full domain).</param>
/// <param name="PenalisedLayer">The layers the run penalised (None when it did not).</param>
/// <param name="Seconds">Wall time of the evaluation.</param>
public sealed record RunEvaluation(
    double TestTaskLoss,
    double? ReportedTestTaskLoss,
    double OrbitTaskLoss,
    double InvarianceErrorFloat32,
    double InvarianceErrorFloat64,
    int InvariancePoints,
    IReadOnlyList<LayerEvaluation> Layers,
    IReadOnlyList<LayerEvaluation>? Reference,
    IReadOnlyList<AngleBin> AngleCurve,
    string AxisName,
    double TrainedUpToDegrees,
    SymmetryLayers PenalisedLayer,
    double Seconds)
{
    /// <summary>The learned breaking (breaking_rms, field_breaking_rms, the branch's share and coefficients), as metrics.json records it; null for a model of several outputs.</summary>
    public LearnedBreaking? Breaking { get; init; }
    /// <summary>
    /// True for a vector run: <see cref="InvarianceErrorFloat32"/> and <see cref="InvarianceErrorFloat64"/> are then the
    /// equivariance error eps_eq = RMS(f(Rx) − R f(x)) / RMS(f), reported as equivariance_error.
    /// </summary>
    public bool IsEquivarianceError { get; init; }

    /// <summary>orbit_task_loss / test_task_loss (1: as good everywhere on the orbit).</summary>
    public double OrbitRatio => OrbitTaskLoss / TestTaskLoss;
}
