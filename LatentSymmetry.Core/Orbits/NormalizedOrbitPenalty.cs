using System.Numerics;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Core.Orbits;

/// <summary>Q_h on the batch: the raw penalty over the batch's spread ½ E‖h(x) − h(x')‖² (+ ε); see <see cref="OrbitPenalties.Normalized{T}"/>.</summary>
/// <param name="gradThroughDenominator">Whether the gradient flows through the spread (off by default, as the authors found necessary).</param>
public sealed class NormalizedOrbitPenalty<T>(bool gradThroughDenominator = false) : IOrbitPenaltyKind<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether the gradient flows through the denominator.</summary>
    public bool GradThroughDenominator => gradThroughDenominator;

    /// <inheritdoc />
    public string Name => "normalized";

    /// <inheritdoc />
    public bool NeedsOriginal => true;

    /// <inheritdoc />
    public Variable<T> Compute(Tape<T> tape, in OrbitActivations<T> orbit) =>
        OrbitPenalties.Normalized(tape, OrbitPenalties.Clean(orbit, Name), orbit.First, orbit.Second, gradThroughDenominator);
}
