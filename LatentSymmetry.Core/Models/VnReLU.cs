using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// VN-ReLU (Vector Neurons): each channel's vector q is kept where it points along a learned direction k = U q (U mixes
/// channels, [C, C]) and loses its component along k elsewhere. Reads only inner products, so it commutes with rotations.
/// </summary>
public sealed class VnReLU<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A VN-ReLU of <paramref name="channels"/> channels of <paramref name="dimension"/>-vectors, zero direction weights.</summary>
    public VnReLU(int dimension, int channels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        Dimension = dimension;
        Weight = Variable<T>.Zeros(channels, channels, requiresGrad: true);
    }

    /// <summary>The vectors' dimension d.</summary>
    public int Dimension { get; }

    /// <summary>The direction map U [C, C].</summary>
    public Variable<T> Weight { get; }

    /// <inheritdoc />
    public override int InputDimension => Dimension * Weight.Cols;

    /// <inheritdoc />
    public override int OutputDimension => Dimension * Weight.Rows;

    /// <inheritdoc />
    protected override IEnumerable<NamedParameter<T>> OwnParameters => [new NamedParameter<T>("weight", Weight, [Weight.Rows, Weight.Cols])];

    /// <summary>Uniform in [−1/√C, 1/√C].</summary>
    public override void Initialize(RandomStream stream)
    {
        double bound = 1.0 / Math.Sqrt(Weight.Cols);
        stream.FillUniform(Weight.Span, -bound, bound);
    }

    /// <inheritdoc />
    protected internal override Variable<T> Run(Tape<T> tape, Variable<T> x, TapSet<T>? taps) =>
        tape.VnRelu(x, tape.VnLinear(x, Weight, Dimension), Dimension);

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new VnReLU<U>(Dimension, Weight.Cols);
}
