using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// What the Vector-Neuron layers share: channels of d-vectors and one channel-mixing weight [out, in] (no bias, which would
/// not turn), initialised uniform in [−1/√in, 1/√in] as PyTorch's <c>nn.Linear</c> weight. Rows are coordinate-major.
/// </summary>
public abstract class VnChannelMix<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>For subclasses: zero weights [<paramref name="outChannels"/>, <paramref name="inChannels"/>] on <paramref name="dimension"/>-vectors.</summary>
    protected VnChannelMix(int dimension, int inChannels, int outChannels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        Dimension = dimension;
        Weight = Variable<T>.Zeros(outChannels, inChannels, requiresGrad: true);
    }

    /// <summary>The vectors' dimension d.</summary>
    public int Dimension { get; }

    /// <summary>The channel-mixing weight [out, in].</summary>
    public Variable<T> Weight { get; }

    /// <inheritdoc />
    public override int InputDimension => Dimension * Weight.Cols;

    /// <inheritdoc />
    public override int OutputDimension => Dimension * Weight.Rows;

    /// <inheritdoc />
    protected override IEnumerable<NamedParameter<T>> OwnParameters => [new NamedParameter<T>("weight", Weight, [Weight.Rows, Weight.Cols])];

    /// <summary>Uniform in [−1/√in, 1/√in].</summary>
    public override void Initialize(RandomStream stream)
    {
        double bound = 1.0 / Math.Sqrt(Weight.Cols);
        stream.FillUniform(Weight.Span, -bound, bound);
    }
}
