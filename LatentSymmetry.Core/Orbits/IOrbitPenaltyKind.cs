using System.Numerics;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Core.Orbits;

/// <summary>
/// A penalty strategy: how a penalty is computed from what the orbit engine gives it of the penalised layer (h(x),
/// h(R1 x), h(R2 x), the rotations and the layer's representation; see <see cref="OrbitActivations{T}"/>). The result
/// is a [1 x 1] tensor on the tape (recorded when the tape records, so it can be trained on). A new kind is a new
/// implementation, passed to <see cref="OrbitEngine{T}"/> and from there to training.
/// </summary>
public interface IOrbitPenaltyKind<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Short name, e.g. "raw".</summary>
    string Name { get; }

    /// <summary>True when <see cref="Compute"/> reads h(x); otherwise <see cref="OrbitActivations{T}.Original"/> may be null.</summary>
    bool NeedsOriginal { get; }

    /// <summary>The penalty of one batch.</summary>
    Variable<T> Compute(Tape<T> tape, in OrbitActivations<T> orbit);
}
