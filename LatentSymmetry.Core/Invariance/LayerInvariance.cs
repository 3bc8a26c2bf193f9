namespace LatentSymmetry.Core.Invariance;

/// <summary>
/// How invariant one layer is, measured on the test points (see <see cref="InvarianceMeasures"/>), each
/// with its bootstrap interval over the points.
/// </summary>
/// <param name="SL">½ E‖h(g1 x) − h(g2 x)‖², the raw symmetry loss.</param>
/// <param name="Qh">E‖h(g1 x) − h(g2 x)‖² / E_{x≠x'}‖h(x) − h(x')‖²: 0 invariant, 1 no more invariant than the data's spread.</param>
/// <param name="Q">Q_h on the activations' principal components (see <see cref="PrincipalSubspace"/>).</param>
/// <param name="Rsl">E[‖h(g1 x) − h(g2 x)‖² / (‖h(g1 x)‖² + ‖h(g2 x)‖² + ε)]: 0 invariant, 2 for opposite activations.</param>
/// <param name="PrincipalComponents">The number k of components Q kept.</param>
/// <param name="ExplainedFraction">The fraction of the variance those k components explain.</param>
public sealed record LayerInvariance(
    MeasureEstimate SL,
    MeasureEstimate Qh,
    MeasureEstimate Q,
    MeasureEstimate Rsl,
    int PrincipalComponents,
    double ExplainedFraction);
