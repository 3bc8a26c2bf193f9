using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// VN-Linear (Vector Neurons): C_in channels of d-vectors to C_out channels, each output channel a weighted sum of the
/// input channels, without bias (a bias would not turn). Rows are coordinate-major (see <see cref="VectorNeuronOps"/>).
/// </summary>
public sealed class VnLinear<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A layer of zero weights [out, in] on <paramref name="dimension"/>-vectors.</summary>
    public VnLinear(int dimension, int inChannels, int outChannels)
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

    /// <summary>Uniform in [−1/√in, 1/√in], as PyTorch's <c>nn.Linear</c> weight.</summary>
    public override void Initialize(RandomStream stream)
    {
        double bound = 1.0 / Math.Sqrt(Weight.Cols);
        stream.FillUniform(Weight.Span, -bound, bound);
    }

    /// <inheritdoc />
    protected internal override Variable<T> Run(Tape<T> tape, Variable<T> x, TapSet<T>? taps) => tape.VnLinear(x, Weight, Dimension);

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new VnLinear<U>(Dimension, Weight.Cols, Weight.Rows);
}
