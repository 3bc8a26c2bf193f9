using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// VN-ReLU (Vector Neurons): each channel's vector q is kept where it points along a learned direction k = U q (U mixes
/// channels, [C, C]) and loses its component along k elsewhere, the projection damped where k is short against q (relative
/// ε, <see cref="VectorNeuronOps.RelativeEpsilon"/>, so rounding is not amplified where k passes through 0). Reads only
/// inner products, so it commutes with rotations.
/// </summary>
public sealed class VnReLU<T> : VnChannelMix<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A VN-ReLU of <paramref name="channels"/> channels of <paramref name="dimension"/>-vectors, zero direction weights.</summary>
    public VnReLU(int dimension, int channels) : base(dimension, channels, channels)
    {
    }

    /// <inheritdoc />
    protected internal override Variable<T> Run(Tape<T> tape, Variable<T> x, TapSet<T>? taps) =>
        tape.VnRelu(x, tape.VnLinear(x, Weight, Dimension), Dimension);

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new VnReLU<U>(Dimension, Weight.Cols);
}
