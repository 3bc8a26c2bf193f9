namespace LatentSymmetry.Core.Dynamics;

/// <summary>
/// How far rollouts move one conserved quantity Q of a phase-space flow at one horizon, over the starts x0 in the training
/// region: sqrt(Σ‖Q(x_H) − Q(x0)‖² / Σ‖Q(x0)‖²), Q(x0) the truth's initial value (the starts are the truth's).
/// </summary>
/// <param name="Name">The quantity, e.g. <c>energy</c>, <c>angular_momentum</c>.</param>
/// <param name="Width">Its values per state: 1 for a scalar, d for a vector (which has an angle).</param>
/// <param name="Model">The drift along the float32 model's rollout.</param>
/// <param name="Truth">The drift along the truth's trajectory (the integrator's own error).</param>
/// <param name="AngleFloat32">For a vector quantity, the RMS angle (radians) between Q(x_H) and Q(x0) along the float32 model's rollout (for angular momentum, the tilt of the orbital plane); NaN for a scalar.</param>
/// <param name="AngleFloat64">The same for the model's weights in float64, free of float32 rounding; NaN for a scalar.</param>
/// <remarks>A rollout that overflows gives NaN drifts; <see cref="Width"/> still says whether the quantity has an angle.</remarks>
public readonly record struct QuantityDrift(string Name, int Width, double Model, double Truth, double AngleFloat32, double AngleFloat64);
