using LatentSymmetry.Core.Numerics;
namespace LatentSymmetry.Core.Fields;

/// <summary>The radial Gaussian bump exp(-(r - center)² / (2 std²)) shared by the ring fields.</summary>
internal static class GaussianProfile
{
    // Written as the original's NumPy expression -((r - c) ** 2) / (2 * std ** 2), operation for operation.
    public static double At(double r, double center, double std)
    {
        double d = r - center;
        return CrMath.Exp(-(d * d) / (2 * (std * std)));
    }
}
