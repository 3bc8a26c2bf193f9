using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// The output of a <see cref="VectorNeuronMlp{T}"/> on states of C vectors: its C channels (coordinate-major) as a state,
/// block-major (<see cref="VnStateOps.VnToBlocks"/>), so it is turned by <c>vectors:C</c> as the targets are.
/// </summary>
public sealed class VnToBlocks<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The layout change of <paramref name="vectors"/> channels of <paramref name="dimension"/>-vectors.</summary>
    public VnToBlocks(int dimension, int vectors)
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
    public override int OutputDimension => Vectors * Dimension;

    /// <inheritdoc />
    protected internal override Variable<T> Run(Tape<T> tape, Variable<T> x, TapSet<T>? taps) => tape.VnToBlocks(x, Dimension);

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new VnToBlocks<U>(Dimension, Vectors);
}
