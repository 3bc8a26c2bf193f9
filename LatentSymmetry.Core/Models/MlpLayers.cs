using System.Globalization;
using System.Numerics;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// The layers of an MLP as PyTorch's <c>nn.Sequential</c> holds them: Linear, ReLU, Linear, ..., Linear (entry 2k the
/// k-th linear layer), shared by <see cref="Mlp{T}"/> and <see cref="InvariantMlp{T}"/> under the child name <c>layers</c>.
/// </summary>
internal sealed class MlpLayers<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    MlpLayers(Sequential<T> chain, Linear<T>[] linears, int hiddenDim)
    {
        Chain = chain;
        Linears = linears;
        HiddenDim = hiddenDim;
    }

    public static MlpLayers<T> Create(int inputDim, int hiddenDim, int hiddenLayers, int outputDim)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputDim);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenDim);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenLayers);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputDim);
        var linears = new Linear<T>[hiddenLayers + 1];
        var modules = new List<Module<T>>(2 * hiddenLayers + 1);
        for (int k = 0; k <= hiddenLayers; k++)
        {
            linears[k] = new Linear<T>(k == 0 ? inputDim : hiddenDim, k == hiddenLayers ? outputDim : hiddenDim);
            modules.Add(linears[k]);
            if (k < hiddenLayers) modules.Add(new ReLU<T>());
        }
        return new MlpLayers<T>(new Sequential<T>([.. modules]), linears, hiddenDim);
    }

    public Sequential<T> Chain { get; }

    public IReadOnlyList<Linear<T>> Linears { get; }

    public int HiddenDim { get; }

    public int HiddenLayers => Linears.Count - 1;

    public int InputDimension => Linears[0].InFeatures;

    public int OutputDimension => Linears[^1].OutFeatures;

    // Hidden layer k's output after its ReLU: entry 2k − 1 of the chain.
    public string HiddenLayerTap(int k)
    {
        if (k < 1 || k > HiddenLayers)
            throw new ArgumentOutOfRangeException(nameof(k), k, $"hidden layers are 1..{HiddenLayers}");
        return string.Create(CultureInfo.InvariantCulture, $"layers.{2 * k - 1}");
    }
}
