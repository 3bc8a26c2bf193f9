using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// VN-Linear (Vector Neurons): C_in channels of d-vectors to C_out channels, each output channel a weighted sum of the
/// input channels, without bias (a bias would not turn). Rows are coordinate-major (see <see cref="VectorNeuronOps"/>).
/// </summary>
public sealed class VnLinear<T> : VnChannelMix<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A layer of zero weights [out, in] on <paramref name="dimension"/>-vectors.</summary>
    public VnLinear(int dimension, int inChannels, int outChannels) : base(dimension, inChannels, outChannels)
    {
    }

    /// <inheritdoc />
    protected internal override Variable<T> Run(Tape<T> tape, Variable<T> x, TapSet<T>? taps) => tape.VnLinear(x, Weight, Dimension);

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new VnLinear<U>(Dimension, Weight.Cols, Weight.Rows);
}
