using System.Numerics;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// A small MLP on the point's coordinates whose initial weights are PyTorch's scaled by <see cref="InitialScale"/>: the
/// residual-pathway form of Finzi et al. (2021), a non-invariant path that starts almost silent and grows only where the
/// data ask for it. Its layers are a child <c>layers</c> (as <see cref="Mlp{T}"/>'s: <c>layers.{2k}.weight</c>).
/// </summary>
public sealed class MlpBranch<T> : Sequential<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Width of its hidden layers.</summary>
    public const int Width = 32;

    /// <summary>Number of its hidden layers.</summary>
    public const int Depth = 2;

    /// <summary>The factor applied to PyTorch's initial weights and biases.</summary>
    public const double InitialScale = 1e-3;

    /// <summary>A branch on points of <paramref name="inputDim"/> coordinates giving <paramref name="outputDim"/> values; zero weights until initialised.</summary>
    public MlpBranch(int inputDim, int outputDim) : this(MlpLayers<T>.Create(inputDim, Width, Depth, outputDim))
    {
    }

    MlpBranch(MlpLayers<T> layers) : base(("layers", layers.Chain)) => Stack = layers;

    MlpLayers<T> Stack { get; }

    /// <inheritdoc />
    public override int InputDimension => Stack.InputDimension;

    /// <summary>
    /// PyTorch's initialisation of every layer, in order, then the output layer's weight and bias times
    /// <see cref="InitialScale"/>: the branch's output starts at 1e-3 of a plain network's, while its hidden layers keep
    /// their usual scale, so the output layer's gradient is of the task's own order from the first step (scaling every
    /// layer made it of order 1e-6, and a small breaking was never learned).
    /// </summary>
    public override void Initialize(RandomStream stream)
    {
        base.Initialize(stream);
        T scale = T.CreateChecked(InitialScale);
        var parameters = ParameterList;
        foreach (var p in parameters.Skip(parameters.Count - 2))
        {
            var span = p.Tensor.Span;
            for (int i = 0; i < span.Length; i++) span[i] *= scale;
        }
    }

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new MlpBranch<U>(Stack.InputDimension, Stack.OutputDimension);
}
