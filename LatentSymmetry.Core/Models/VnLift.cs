using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// The input of a <see cref="VectorNeuronMlp{T}"/>: a point x, or a state of C vectors (block-major, as <c>vectors:C</c>),
/// as 2C channels, the vectors and their directions (<see cref="VectorNeuronOps.VnLift"/>), so the bias-free, degree-1
/// homogeneous VN layers can depend on every vector's length.
/// </summary>
public sealed class VnLift<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A lift of <paramref name="vectors"/> vectors of R^<paramref name="dimension"/> per row (1: a point).</summary>
    public VnLift(int dimension, int vectors = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vectors);
        Dimension = dimension;
        Vectors = vectors;
    }

    /// <summary>The vectors' dimension d.</summary>
    public int Dimension { get; }

    /// <summary>Vectors per row, C.</summary>
    public int Vectors { get; }

    /// <inheritdoc />
    public override int InputDimension => Vectors * Dimension;

    /// <inheritdoc />
    public override int OutputDimension => 2 * Vectors * Dimension;

    /// <inheritdoc />
    protected internal override Variable<T> Run(Tape<T> tape, Variable<T> x, TapSet<T>? taps) => tape.VnLift(x, Vectors);

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new VnLift<U>(Dimension, Vectors);
}
