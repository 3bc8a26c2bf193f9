using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Orbits;

/// <summary>
/// What a penalty or a measure sees of one tapped layer on a batch x and its two turned copies, as slices of one
/// stacked pass: <see cref="Original"/> = h(x) (null when it was not asked for), <see cref="First"/> = h(R1 x),
/// <see cref="Second"/> = h(R2 x); the rotations themselves, <see cref="R1"/> and <see cref="R2"/> ([rows x d²], row i
/// the d×d matrix of row i, row-major); and <see cref="Representation"/>, how the group acts on the layer (ρ(R)), so an
/// equivariance penalty can form ρ(R1)⁻¹h(R1 x).
/// </summary>
public readonly record struct OrbitActivations<T>(Variable<T>? Original, Variable<T> First, Variable<T> Second)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The first rotation of each row, [rows x d²].</summary>
    public Variable<T>? R1 { get; init; }

    /// <summary>The second rotation of each row, [rows x d²].</summary>
    public Variable<T>? R2 { get; init; }

    /// <summary>How the group acts on the layer; null is the trivial representation (invariance, today's penalties).</summary>
    public GroupRepresentation? Representation { get; init; }
}
