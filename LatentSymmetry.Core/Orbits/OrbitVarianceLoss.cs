using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;

namespace LatentSymmetry.Core.Orbits;

/// <summary>
/// The latent-symmetry penalty L_sym = ½ · mean_i ‖h(R1_i x_i) − h(R2_i x_i)‖², given the two batches of
/// activations: zero exactly when the activation is invariant along each sampled orbit pair.
/// </summary>
public static class OrbitVarianceLoss
{
    /// <summary>½ · mean over rows of the squared Euclidean distance between matching rows of h1 and h2.</summary>
    public static Variable<T> Compute<T>(Tape<T> tape, Variable<T> h1, Variable<T> h2) where T : unmanaged, IFloatingPointIeee754<T>
        => tape.Scale(tape.Mean(tape.SumRows(tape.Square(tape.Subtract(h1, h2)))), T.CreateChecked(0.5));
}
