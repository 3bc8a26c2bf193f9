using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Data;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// The original project's MLP: dims [in, H × L, out], ReLU after every hidden linear layer and none after
/// the last, with access to intermediate activations (layer k = the k-th hidden layer after its ReLU,
/// -1 = the output).
/// </summary>
public sealed class Mlp<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    readonly Linear<T>[] _layers;
    readonly NamedParameter<T>[] _parameters;

    /// <summary>An MLP with <paramref name="hiddenLayers"/> hidden layers of width <paramref name="hiddenDim"/>; zero weights until <see cref="Initialize"/>.</summary>
    public Mlp(int inputDim, int hiddenDim, int hiddenLayers, int outputDim)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputDim);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenDim);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenLayers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputDim);
        HiddenLayers = hiddenLayers;
        HiddenDim = hiddenDim;
        InputDimension = inputDim;
        _layers = new Linear<T>[hiddenLayers + 1];
        for (int k = 0; k <= hiddenLayers; k++)
            _layers[k] = new Linear<T>(k == 0 ? inputDim : hiddenDim, k == hiddenLayers ? outputDim : hiddenDim);
        // PyTorch's nn.Sequential interleaves ReLU modules, so the k-th linear layer is entry 2k.
        _parameters = [.. _layers.SelectMany((layer, k) => layer.NamedParameters($"layers.{2 * k}."))];
    }

    /// <summary>Input width.</summary>
    public override int InputDimension { get; }

    /// <summary>Number of hidden layers, L.</summary>
    public override int HiddenLayers { get; }

    /// <summary>Width of the hidden layers, H.</summary>
    public int HiddenDim { get; }

    /// <summary>The L + 1 linear layers, input side first.</summary>
    public IReadOnlyList<Linear<T>> Layers => _layers;

    /// <summary>Weight then bias, layer by layer, named <c>layers.{2k}.weight</c> [out, in] and <c>layers.{2k}.bias</c> [out].</summary>
    public override IReadOnlyList<NamedParameter<T>> ParameterList => _parameters;

    /// <summary>Initialises every layer as PyTorch does, in layer order from one stream.</summary>
    public void Initialize(RandomStream stream)
    {
        foreach (var layer in _layers) layer.Initialize(stream);
    }

    /// <inheritdoc />
    /// <remarks>Layer by layer, <see cref="Linear{T}.OutputBound"/> of the previous layer's bound (a ReLU never raises |h|).</remarks>
    public override double OutputBound(double coordinateBound)
    {
        double bound = coordinateBound;
        foreach (var layer in _layers) bound = layer.OutputBound(bound);
        return bound;
    }

    /// <summary>
    /// Runs linear layers [<paramref name="from"/>, <paramref name="to"/>) on h, with the ReLU after every
    /// hidden one; <c>Forward(tape, Forward(tape, x, 0, d), d, L + 1)</c> is the full network.
    /// </summary>
    public override Variable<T> Forward(Tape<T> tape, Variable<T> h, int from, int to)
    {
        if (from < 0 || to > _layers.Length || from > to)
            throw new ArgumentOutOfRangeException(nameof(from), $"layers [{from}, {to}) are not within 0..{_layers.Length}");
        for (int k = from; k < to; k++) h = _layers[k].Forward(tape, h, relu: k < HiddenLayers);
        return h;
    }
}
