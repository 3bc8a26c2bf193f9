using System.Numerics;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Core.Orbits;

/// <summary>The raw penalty on the coordinates along the batch's principal components (95% of the variance); see <see cref="OrbitPenalties.Pca{T}(Tape{T}, Variable{T}, Variable{T}, Variable{T})"/>.</summary>
public sealed class PcaOrbitPenalty<T> : IOrbitPenaltyKind<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc />
    public string Name => "pca";

    /// <inheritdoc />
    public bool NeedsOriginal => true;

    /// <inheritdoc />
    public Variable<T> Compute(Tape<T> tape, in OrbitActivations<T> orbit) =>
        OrbitPenalties.Pca(tape, OrbitPenalties.Clean(orbit, Name), orbit.First, orbit.Second);
}
