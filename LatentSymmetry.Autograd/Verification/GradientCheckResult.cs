namespace LatentSymmetry.Autograd.Verification;

/// <summary>How far the tape's gradients are from central finite differences.</summary>
/// <param name="MaxAbsoluteError">max |analytic − numeric| over all checked elements.</param>
/// <param name="MaxRelativeError">max |analytic − numeric| / max(|analytic|, |numeric|, 1e-8).</param>
/// <param name="WorstInput">index of the input holding the worst element by the gradcheck criterion.</param>
/// <param name="WorstElement">index of that element, row-major.</param>
/// <param name="Passes">whether every element satisfies |a − n| ≤ atol + rtol·|n| (PyTorch's gradcheck rule).</param>
public readonly record struct GradientCheckResult(double MaxAbsoluteError, double MaxRelativeError, int WorstInput, int WorstElement, bool Passes);
