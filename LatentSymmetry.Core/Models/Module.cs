using System.Numerics;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// A trainable network seen as a chain of stages (its linear layers), so that any stretch of it can be run:
/// <c>Forward(tape, Forward(tape, x, 0, d), d, LayerCount)</c> is the whole network, and the activation after
/// stage d is what a symmetry penalty looks at. Parameters carry PyTorch's state-dict names and shapes, so
/// weights travel both ways through <see cref="StateDict"/>, <see cref="LoadStateDict"/>, <see cref="Save"/>
/// and <see cref="Load"/>.
/// </summary>
public abstract class Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Width of the points the network takes (d, the dimension of the space).</summary>
    public abstract int InputDimension { get; }

    /// <summary>Number of hidden layers, L (the symmetry layers 1..L name their outputs).</summary>
    public abstract int HiddenLayers { get; }

    /// <summary>Number of stages (linear layers), L + 1.</summary>
    public int LayerCount => HiddenLayers + 1;

    /// <summary>
    /// Runs stages [<paramref name="from"/>, <paramref name="to"/>) on h (rows of points when
    /// <paramref name="from"/> is 0, else the activation after stage <paramref name="from"/>).
    /// </summary>
    public abstract Variable<T> Forward(Tape<T> tape, Variable<T> h, int from, int to);

    /// <summary>
    /// An upper bound on |y| for every output y that <see cref="Forward(Tape{T}, Variable{T})"/> computes, in its own
    /// floating-point arithmetic, on points whose every coordinate has |x_i| ≤ <paramref name="coordinateBound"/>; a finite
    /// bound also proves every output finite. +∞ when none is known (the default), or when a weight is not finite.
    /// It lets a caller that needs only to know that a loss is finite skip computing it.
    /// </summary>
    public virtual double OutputBound(double coordinateBound) => double.PositiveInfinity;

    /// <summary>The trainable tensors in state-dict order, each with its PyTorch name and shape.</summary>
    public abstract IReadOnlyList<NamedParameter<T>> ParameterList { get; }

    /// <summary>The network output for points x [rows x <see cref="InputDimension"/>].</summary>
    public Variable<T> Forward(Tape<T> tape, Variable<T> x) => Forward(tape, x, 0, LayerCount);

    /// <summary>The activation of <paramref name="layer"/> (must be set) for points x.</summary>
    public Variable<T> Activation(Tape<T> tape, Variable<T> x, SymmetryLayer layer)
    {
        if (!layer.IsSet) throw new ArgumentException("no symmetry layer is set", nameof(layer));
        return Forward(tape, x, 0, CheckDepth(layer));
    }

    /// <summary>The depth of an activation (number of stages before it), checked against this network.</summary>
    public int CheckDepth(SymmetryLayer layer)
    {
        int depth = layer.Depth(HiddenLayers);
        // Hidden layer L + 1 would alias the output's depth: it does not exist.
        if (depth < 1 || depth > LayerCount || (layer.Value != -1 && layer.Value > HiddenLayers))
            throw new ArgumentOutOfRangeException(nameof(layer), $"layer {layer} does not exist; valid: {SymmetryLayer.ValidValues(HiddenLayers)}");
        return depth;
    }

    /// <summary>The depths of <paramref name="layers"/> in forward order (ascending), each checked against this network.</summary>
    public int[] CheckDepths(SymmetryLayers layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var depths = new int[layers.Count];
        for (int i = 0; i < depths.Length; i++) depths[i] = CheckDepth(layers[i]);
        return depths;
    }

    /// <summary>All trainable tensors in state-dict order, with their names (as PyTorch's <c>named_parameters()</c>).</summary>
    public IEnumerable<(string Name, Variable<T> Tensor)> NamedParameters() => ParameterList.Select(p => (p.Name, p.Tensor));

    /// <summary>All trainable tensors in state-dict order (as PyTorch's <c>parameters()</c>), e.g. for an optimizer.</summary>
    public IEnumerable<Variable<T>> Parameters() => ParameterList.Select(p => p.Tensor);

    /// <summary>A copy of every parameter under its PyTorch name and shape (a bias of n values is [n]).</summary>
    public StateDict<T> StateDict() => new(ParameterList.Select(p => new StateDictEntry<T>(p.Name, [.. p.Shape], p.Tensor.ToArray())));

    /// <summary>
    /// Copies <paramref name="state"/> into the parameters. Every parameter must be present with its exact shape
    /// and nothing else may be; otherwise a <see cref="StateDictException"/> names the first tensor that does not
    /// fit (with both shapes) and no parameter is changed.
    /// </summary>
    public void LoadStateDict(StateDict<T> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var p in ParameterList)
        {
            if (!state.TryGet(p.Name, out var entry))
                throw new StateDictException($"state dict has no tensor '{p.Name}' (the model expects shape {ShapeText(p.Shape)})");
            if (!entry.Shape.SequenceEqual(p.Shape))
                throw new StateDictException($"tensor '{p.Name}' has shape {ShapeText(entry.Shape)} in the state dict; the model expects {ShapeText(p.Shape)}");
        }
        foreach (var name in state.Names)
            if (!ParameterList.Any(p => p.Name == name))
                throw new StateDictException($"unexpected tensor '{name}' in the state dict; the model has {string.Join(", ", ParameterList.Select(p => p.Name))}");
        foreach (var p in ParameterList) state[p.Name].Values.CopyTo(p.Tensor.Span);
    }

    /// <summary>Writes <see cref="StateDict"/> to a float32 safetensors file that <c>safetensors.torch.load_file</c> reads.</summary>
    public void Save(string path, IReadOnlyDictionary<string, string>? metadata = null) => StateDict().Save(path, metadata);

    /// <summary>Loads a safetensors file written by <see cref="Save"/> (or by PyTorch) with <see cref="LoadStateDict"/>.</summary>
    public void Load(string path) => LoadStateDict(StateDict<T>.Load(path));

    internal static string ShapeText(IReadOnlyList<int> shape) => $"[{string.Join(", ", shape)}]";
}
