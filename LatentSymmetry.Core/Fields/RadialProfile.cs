namespace LatentSymmetry.Core.Fields;

/// <summary>
/// The profile g(s) = exp(-s/2)·cos(2s) of the radial field (s = R²) and its derivative, shared by the fields
/// built on it (radial, broken, cylinder, changing) for their closed-form gradients.
/// </summary>
internal static class RadialProfile
{
    /// <summary>g'(s) = exp(-s/2)·(-cos(2s)/2 - 2 sin(2s)).</summary>
    public static double Derivative(double s) => CrMath.Exp(-0.5 * s) * (-0.5 * CrMath.Cos(2 * s) - 2 * CrMath.Sin(2 * s));
}
