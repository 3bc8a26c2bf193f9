using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// The input of a <see cref="VectorNeuronMlp{T}"/> on states of C vectors (block-major, as <c>vectors:C</c>): 2C channels,
/// the vectors and their directions (<see cref="VnStateOps.VnLiftStates"/>), the C-vector counterpart of <see cref="VnLift{T}"/>.
/// </summary>
public sealed class VnLiftStates<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A lift of states of <paramref name="vectors"/> vectors of R^<paramref name="dimension"/>.</summary>
    public VnLiftStates(int dimension, int vectors)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vectors);
        Dimension = dimension;
        Vectors = vectors;
    }

    /// <summary>The vectors' dimension d.</summary>
    public int Dimension { get; }

    /// <summary>Vectors per state, C.</summary>
    public int Vectors { get; }

    /// <inheritdoc />
    public override int InputDimension => Vectors * Dimension;

    /// <inheritdoc />
    public override int OutputDimension => 2 * Vectors * Dimension;

    /// <inheritdoc />
    protected internal override Variable<T> Run(Tape<T> tape, Variable<T> x, TapSet<T>? taps) => tape.VnLiftStates(x, Vectors);

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new VnLiftStates<U>(Dimension, Vectors);
}
