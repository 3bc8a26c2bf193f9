using System.Numerics;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// The original project's MLP: dims [in, H × L, out], ReLU after every hidden linear layer and none after the last,
/// as one child <c>layers</c> = Sequential(Linear, ReLU, ..., Linear), so its state-dict names are PyTorch's
/// (<c>layers.{2k}.weight</c>, <c>layers.{2k}.bias</c>) and hidden layer k (after its ReLU) is the tap
/// <c>layers.{2k−1}</c>.
/// </summary>
public sealed class Mlp<T> : Sequential<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>An MLP with <paramref name="hiddenLayers"/> hidden layers of width <paramref name="hiddenDim"/>; zero weights until <see cref="Module{T}.Initialize"/>.</summary>
    public Mlp(int inputDim, int hiddenDim, int hiddenLayers, int outputDim) : this(MlpLayers<T>.Create(inputDim, hiddenDim, hiddenLayers, outputDim))
    {
    }

    Mlp(MlpLayers<T> layers) : base(("layers", layers.Chain)) => Stack = layers;

    MlpLayers<T> Stack { get; }

    /// <summary>Input width.</summary>
    public override int InputDimension => Stack.InputDimension;

    /// <summary>Number of hidden layers, L.</summary>
    public override int HiddenLayers => Stack.HiddenLayers;

    /// <summary>Width of the hidden layers, H.</summary>
    public int HiddenDim => Stack.HiddenDim;

    /// <summary>The L + 1 linear layers, input side first.</summary>
    public IReadOnlyList<Linear<T>> Layers => Stack.Linears;

    /// <inheritdoc />
    public override string HiddenLayerTap(int k) => Stack.HiddenLayerTap(k);

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new Mlp<U>(Stack.InputDimension, HiddenDim, HiddenLayers, Stack.OutputDimension);
}
