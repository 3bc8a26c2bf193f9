using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// The input of a <see cref="VectorNeuronMlp{T}"/>: a point x as two channels, x and its direction x/|x|
/// (<see cref="VectorNeuronOps.VnLift"/>), so the bias-free, degree-1 homogeneous VN layers can depend on |x|.
/// </summary>
public sealed class VnLift<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A lift of <paramref name="dimension"/>-D points.</summary>
    public VnLift(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        Dimension = dimension;
    }

    /// <summary>The points' dimension d.</summary>
    public int Dimension { get; }

    /// <inheritdoc />
    public override int InputDimension => Dimension;

    /// <inheritdoc />
    public override int OutputDimension => 2 * Dimension;

    /// <inheritdoc />
    protected internal override Variable<T> Run(Tape<T> tape, Variable<T> x, TapSet<T>? taps) => tape.VnLift(x);

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new VnLift<U>(Dimension);
}
