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

    /// <summary>PyTorch's initialisation of every layer, in order, then every weight and bias times <see cref="InitialScale"/>.</summary>
    public override void Initialize(RandomStream stream)
    {
        base.Initialize(stream);
        T scale = T.CreateChecked(InitialScale);
        foreach (var p in ParameterList)
        {
            var span = p.Tensor.Span;
            for (int i = 0; i < span.Length; i++) span[i] *= scale;
        }
    }

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new MlpBranch<U>(Stack.InputDimension, Stack.OutputDimension);
}
