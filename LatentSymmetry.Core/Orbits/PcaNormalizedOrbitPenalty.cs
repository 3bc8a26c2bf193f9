using System.Numerics;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Core.Orbits;

/// <summary>Q on the batch: the PCA penalty over the spread of the projected batch (+ ε); see <see cref="OrbitPenalties.PcaNormalized{T}(Tape{T}, Variable{T}, Variable{T}, Variable{T}, bool)"/>.</summary>
/// <param name="gradThroughDenominator">Whether the gradient flows through the spread (off by default).</param>
public sealed class PcaNormalizedOrbitPenalty<T>(bool gradThroughDenominator = false) : IOrbitPenaltyKind<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether the gradient flows through the denominator.</summary>
    public bool GradThroughDenominator => gradThroughDenominator;

    /// <inheritdoc />
    public string Name => "pca-normalized";

    /// <inheritdoc />
    public bool NeedsOriginal => true;

    /// <inheritdoc />
    public Variable<T> Compute(Tape<T> tape, in OrbitActivations<T> orbit) =>
        OrbitPenalties.PcaNormalized(tape, OrbitPenalties.Clean(orbit, Name), orbit.First, orbit.Second, gradThroughDenominator);
}
