using System.Numerics;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// A Vector-Neuron MLP (Deng et al., ICCV 2021) from a point to a vector: the point lifted to two channels, x and
/// x/|x| (<see cref="VnLift{T}"/>: without the second, the bias-free layers could only learn c·x), then L hidden layers of
/// C channels (VN-Linear, VN-ReLU), then VN-Linear to one channel. Exactly equivariant under every rotation of R^d (every
/// orthogonal map, in fact), so for one input point it can only learn fields a(|x|) x: right for so3, too narrow for a
/// field that needs J x (so2) or the z axis (so2z). Children <c>layers.0</c> (the lift), then <c>layers.{2k−1}</c>
/// (VnLinear) and <c>layers.{2k}</c> (VnReLU); hidden layer k is the tap <c>layers.{2k}</c>, rows coordinate-major [d x C].
/// </summary>
public sealed class VectorNeuronMlp<T> : Sequential<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// A VN-MLP on <paramref name="dimension"/>-vectors with <paramref name="hiddenLayers"/> layers of <paramref name="channels"/>
    /// channels, from a point to a vector, or with <paramref name="vectors"/> C &gt; 1 from a state of C vectors (block-major,
    /// <c>vectors:C</c>) to C vectors: lifted by <see cref="VnLift{T}"/> to 2C channels, and its C output channels
    /// laid out as a state by a last child <see cref="VnToBlocks{T}"/>.
    /// </summary>
    public VectorNeuronMlp(int dimension, int channels, int hiddenLayers, int vectors = 1) : base(("layers", Chain(dimension, channels, hiddenLayers, vectors)))
    {
        Dimension = dimension;
        Channels = channels;
        HiddenLayerCount = hiddenLayers;
        Vectors = vectors;
    }

    /// <summary>Vectors in and out, C (1: a point to a vector).</summary>
    public int Vectors { get; }

    /// <summary>The channel count for a hidden width H: about H numbers per layer, max(1, H / d) channels.</summary>
    public static int ChannelsFor(int hiddenDim, int dimension) => Math.Max(1, hiddenDim / dimension);

    /// <summary>The vectors' dimension d.</summary>
    public int Dimension { get; }

    // Sequential's own answers walk its children with LINQ (96 B per training step, which reads InputDimension).
    /// <inheritdoc />
    public override int InputDimension => Dimension * Vectors;

    /// <inheritdoc />
    public override int OutputDimension => Dimension * Vectors;

    /// <summary>Channels per hidden layer, C.</summary>
    public int Channels { get; }

    int HiddenLayerCount { get; }

    /// <inheritdoc />
    public override int HiddenLayers => HiddenLayerCount;

    /// <inheritdoc />
    public override string HiddenLayerTap(int k) =>
        k >= 1 && k <= HiddenLayerCount ? $"layers.{2 * k}" : throw new ArgumentOutOfRangeException(nameof(k), k, $"hidden layers are 1..{HiddenLayerCount}");

    static Sequential<T> Chain(int d, int c, int layers, int vectors)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(d);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(c);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vectors);
        var modules = new List<Module<T>> { new VnLift<T>(d, vectors) };
        for (int k = 0; k < layers; k++)
        {
            modules.Add(new VnLinear<T>(d, k == 0 ? 2 * vectors : c, c));
            modules.Add(new VnReLU<T>(d, c));
        }
        modules.Add(new VnLinear<T>(d, c, vectors));
        if (vectors > 1) modules.Add(new VnToBlocks<T>(d, vectors));
        return new Sequential<T>([.. modules]);
    }

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new VectorNeuronMlp<U>(Dimension, Channels, HiddenLayerCount, Vectors);
}
