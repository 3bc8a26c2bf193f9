using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;

namespace LatentSymmetry.Core.Orbits;

/// <summary>
/// The orbit penalty with the activations turned back, ½ E‖ρ(R1)⁻¹h(R1 x) − ρ(R2)⁻¹h(R2 x)‖² for the raw kind: zero exactly
/// when the layer is equivariant under ρ on the sampled pairs. It turns h(R1 x) and h(R2 x) back by the layer's
/// representation (<see cref="OrbitActivations{T}.Representation"/>) and hands them to an inner kind; with the trivial
/// representation (or none) it hands the activations on untouched, so it is that kind's invariance penalty, bit for bit.
/// </summary>
public sealed class EquivariantOrbitPenalty<T> : IOrbitPenaltyKind<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The penalty <paramref name="inner"/> (default: raw) on turned-back activations.</summary>
    public EquivariantOrbitPenalty(IOrbitPenaltyKind<T>? inner = null) => Inner = inner ?? RawOrbitPenalty<T>.Instance;

    /// <summary>The kind computed on the turned-back activations.</summary>
    public IOrbitPenaltyKind<T> Inner { get; }

    /// <inheritdoc />
    public string Name => Inner.Name;

    /// <inheritdoc />
    public bool NeedsOriginal => Inner.NeedsOriginal;

    /// <inheritdoc />
    public Variable<T> Compute(Tape<T> tape, in OrbitActivations<T> orbit)
    {
        if (orbit.Representation is not { IsTrivial: false } rho) return Inner.Compute(tape, orbit);
        if (orbit.R1 is null || orbit.R2 is null) throw new ArgumentException("an equivariance penalty needs the rotations R1 and R2", nameof(orbit));
        if (rho.Width != orbit.First.Cols)
            throw new ArgumentException($"the representation {rho} acts on {rho.Width} units; the layer has {orbit.First.Cols}", nameof(orbit));
        var back = orbit with
        {
            First = tape.RotateBlocks(orbit.First, orbit.R1, rho.Vectors, transpose: true),
            Second = tape.RotateBlocks(orbit.Second, orbit.R2, rho.Vectors, transpose: true),
        };
        return Inner.Compute(tape, back);
    }
}
