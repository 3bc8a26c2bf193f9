namespace LatentSymmetry.Core.Discovery;

/// <summary>
/// The statistic that decides the dimension, per singular direction v_k of the constraint M̂ (ascending): the rate
/// at which the reference function itself changes along v_k, b_k = ‖M v_k‖ (M built from the reference gradients: a
/// model's field, or the field itself), against the floor e_k = ‖E v_k‖ + rounding (E built from the gradient errors:
/// the model's gradient minus the field's, or the spread of two finite-difference steps). Since M̂ = M + E, a direction
/// with b_k ≤ e_k changes the function under study no more than its own error does: it cannot be told from a symmetry.
/// </summary>
/// <param name="Breaking">b_k for each k, ascending k (absolute: ‖·‖ over the N rows).</param>
/// <param name="Error">‖E v_k‖ for each k (0 for exact gradients).</param>
/// <param name="Rounding">max(N, m) · ε · ‖M_gl‖_F: numpy's matrix_rank tolerance for a float64 SVD, with the largest
/// singular value bounded by the Frobenius norm of the constraint over all of gl(n).</param>
/// <param name="Source">Where the gradients and their errors come from, for the report.</param>
public sealed record NoiseFloor(double[] Breaking, double[] Error, double Rounding, string Source)
{
    /// <summary>The floor e_k = ‖E v_k‖ + rounding of direction k (0-based).</summary>
    public double At(int k) => Error[k] + Rounding;

    /// <summary>Whether direction k (0-based) is within the floor: b_k ≤ e_k.</summary>
    public bool Within(int k) => Breaking[k] <= At(k);
}
