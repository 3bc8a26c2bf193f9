using System.Numerics;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// A model invariant by construction: the same MLP, fed not the point but the group's invariants of it,
/// Sequential(<c>invariants</c>: <see cref="Invariants{T}"/>, <c>layers</c>: the MLP's layers), so h(R x) = h(x) for
/// every rotation R of the group, at every layer, up to the rounding of the invariants. Its first layer has as many
/// inputs as there are invariants; parameter names are the MLP's (<c>layers.{2k}.weight</c>, <c>layers.{2k}.bias</c>).
/// The gradient reaches the points through the invariants.
/// </summary>
public sealed class InvariantMlp<T> : Sequential<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>An invariant MLP of <paramref name="group"/> with L hidden layers of width H; zero weights until <see cref="Module{T}.Initialize"/>.</summary>
    public InvariantMlp(SymmetryGroup group, int hiddenDim, int hiddenLayers, int outputDim)
        : this(group ?? throw new ArgumentNullException(nameof(group)), MlpLayers<T>.Create(group.InvariantCount, hiddenDim, hiddenLayers, outputDim))
    {
    }

    InvariantMlp(SymmetryGroup group, MlpLayers<T> layers) : base(("invariants", new Invariants<T>(group)), ("layers", layers.Chain))
    {
        Group = group;
        Stack = layers;
    }

    MlpLayers<T> Stack { get; }

    /// <summary>The group whose invariants feed the network.</summary>
    public SymmetryGroup Group { get; }

    /// <summary>The group's dimension d (the model takes points, not invariants).</summary>
    public override int InputDimension => Group.Dimension;

    /// <inheritdoc />
    public override int HiddenLayers => Stack.HiddenLayers;

    /// <summary>Width of the hidden layers, H.</summary>
    public int HiddenDim => Stack.HiddenDim;

    /// <summary>The L + 1 linear layers on the invariants, input side first.</summary>
    public IReadOnlyList<Linear<T>> Layers => Stack.Linears;

    /// <inheritdoc />
    public override string HiddenLayerTap(int k) => Stack.HiddenLayerTap(k);

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new InvariantMlp<U>(Group, HiddenDim, HiddenLayers, Stack.OutputDimension);
}
