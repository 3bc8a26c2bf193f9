namespace LatentSymmetry.Core.Discovery;

/// <summary>
/// The level below which a singular value of the gradient constraint cannot be told from zero: the spectral norm of
/// the constraint built from the gradients' errors, plus the rounding tolerance of the SVD. By Weyl's inequality
/// |σ_k(M + E) − σ_k(M)| ≤ ‖E‖₂, so every exact symmetry of the underlying function (σ_k(M) = 0) lies at or below
/// this floor, and every direction above it is broken by more than the error can explain.
/// </summary>
/// <param name="ErrorNorm">‖E‖₂, E the constraint matrix of the gradient errors (0 for exact gradients).</param>
/// <param name="Rounding">max(N, m) · ε · ‖M_gl‖_F: the rank tolerance of numpy's matrix_rank for a float64 SVD, with the largest singular value bounded by the Frobenius norm of the constraint over all of gl(n).</param>
/// <param name="Source">Where the error comes from, for the report.</param>
public sealed record NoiseFloor(double ErrorNorm, double Rounding, string Source)
{
    /// <summary>The floor: <see cref="ErrorNorm"/> + <see cref="Rounding"/>.</summary>
    public double Value => ErrorNorm + Rounding;
}
