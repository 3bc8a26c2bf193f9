using System.Numerics;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Core.Orbits;

/// <summary>The original project's penalty, <see cref="OrbitVarianceLoss"/>: ½ · mean_i ‖h(R1 x_i) − h(R2 x_i)‖², unnormalised.</summary>
public sealed class RawOrbitPenalty<T> : IOrbitPenaltyKind<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The one instance.</summary>
    public static RawOrbitPenalty<T> Instance { get; } = new();

    RawOrbitPenalty() { }

    /// <inheritdoc />
    public string Name => "raw";

    /// <inheritdoc />
    public bool NeedsOriginal => false;

    /// <inheritdoc />
    public Variable<T> Compute(Tape<T> tape, in OrbitActivations<T> orbit) => OrbitVarianceLoss.Compute(tape, orbit.First, orbit.Second);
}
