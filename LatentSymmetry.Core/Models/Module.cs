using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// A node of a network: it maps rows x to rows y on a tape, owns the tensors it trains, and holds named child
/// modules (the shape of PyTorch's <c>nn.Module</c> and micrograd's <c>Module</c>). Parameters carry PyTorch's
/// dotted state-dict names (<c>layers.0.weight</c>), so weights travel both ways through <see cref="StateDict"/>,
/// <see cref="LoadStateDict"/>, <see cref="Save"/> and <see cref="Load"/>.
/// </summary>
/// <remarks>
/// <para><b>Taps.</b> Any module's output can be read by its path from the root (<c>layers.3</c>,
/// <c>invariants</c>, <c>branch</c>; the empty path is the root's output). A penalty or a measure names the tap
/// it looks at; see <see cref="StageDepth"/> and <see cref="TapSet{T}"/>.</para>
/// <para><b>Stages.</b> A <see cref="Sequential{T}"/> flattens into a chain of leaf modules (its stages), so a
/// caller can run any stretch of the chain: <c>Forward(tape, Forward(tape, x, 0, k), k, StageCount)</c> is the whole
/// network, and the tap at a stage boundary is read without running anything twice. That is what lets a penalty at
/// hidden layer k stop a stacked batch there and continue with the unrotated rows alone.</para>
/// </remarks>
public abstract class Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    NamedParameter<T>[]? _parameters;
    Stage<T>[]? _stages;

    /// <summary>Width of the rows the module takes, or 0 when it takes rows of any width (an elementwise module).</summary>
    public virtual int InputDimension => 0;

    /// <summary>Width of the rows the module returns, or 0 when it keeps its input's width.</summary>
    public virtual int OutputDimension => 0;

    /// <summary>The child modules in forward (and state-dict) order, each under its name (no dots).</summary>
    public virtual IEnumerable<(string Name, Module<T> Module)> Children => [];

    /// <summary>The tensors this module itself trains (not its children's), with names relative to it and PyTorch's shapes.</summary>
    protected virtual IEnumerable<NamedParameter<T>> OwnParameters => [];

    /// <summary>
    /// Number of hidden layers of a layered network (an MLP), whose taps <see cref="HiddenLayerTap"/> names; 0 for a
    /// network that is not one (only its output, the empty tap, is a symmetry layer there).
    /// </summary>
    public virtual int HiddenLayers => 0;

    /// <summary>The tap of hidden layer <paramref name="k"/> (1..<see cref="HiddenLayers"/>), e.g. <c>layers.3</c> in an MLP.</summary>
    public virtual string HiddenLayerTap(int k) =>
        throw new ArgumentOutOfRangeException(nameof(k), k, $"{GetType().Name} has no hidden layers; only its output can be tapped as a layer");

    /// <summary>The output for rows x [rows x <see cref="InputDimension"/>].</summary>
    public Variable<T> Forward(Tape<T> tape, Variable<T> x) => Run(tape, x, null);

    /// <summary>
    /// The module's computation. A container runs its children with <see cref="Run"/> and offers each child's output to
    /// <paramref name="taps"/> (<see cref="TapSet{T}.Offer"/>); a leaf ignores <paramref name="taps"/>.
    /// </summary>
    protected internal abstract Variable<T> Run(Tape<T> tape, Variable<T> x, TapSet<T>? taps);

    /// <summary>Initialises the trainable tensors from <paramref name="stream"/>; by default each child in order (PyTorch's order).</summary>
    public virtual void Initialize(RandomStream stream)
    {
        foreach (var (_, child) in Children) child.Initialize(stream);
    }

    /// <summary>
    /// An upper bound on |y| for every output y that <see cref="Forward(Tape{T}, Variable{T})"/> computes, in its own floating-point
    /// arithmetic, on rows whose every value has |x_i| ≤ <paramref name="inputBound"/>; a finite bound also proves every
    /// output finite. +∞ when none is known (the default), or when a weight is not finite. It lets a caller that needs
    /// only to know that a loss is finite skip computing it.
    /// </summary>
    public virtual double OutputBound(double inputBound) => double.PositiveInfinity;

    /// <summary>The same module with zero (untrained) tensors in precision <typeparamref name="U"/>.</summary>
    protected internal abstract Module<U> CloneStructure<U>() where U : unmanaged, IFloatingPointIeee754<U>;

    /// <summary>
    /// The same network with the same weights in precision <typeparamref name="U"/> (float → double exactly; double →
    /// float rounded to nearest), e.g. to run a float32 model's weights in float64.
    /// </summary>
    public Module<U> To<U>() where U : unmanaged, IFloatingPointIeee754<U>
    {
        var copy = CloneStructure<U>();
        var source = ParameterList;
        var target = copy.ParameterList;
        for (int i = 0; i < source.Count; i++)
        {
            ReadOnlySpan<T> from = source[i].Tensor.Span;
            var to = target[i].Tensor.Span;
            for (int j = 0; j < from.Length; j++) to[j] = U.CreateTruncating(from[j]);
        }
        return copy;
    }

    /// <summary>The trainable tensors of the whole tree in state-dict order (own first, then each child's), with dotted names.</summary>
    public IReadOnlyList<NamedParameter<T>> ParameterList => _parameters ??= [.. CollectParameters("")];

    IEnumerable<NamedParameter<T>> CollectParameters(string prefix)
    {
        foreach (var p in OwnParameters) yield return p with { Name = prefix + p.Name };
        foreach (var (name, child) in Children)
            foreach (var p in child.CollectParameters(prefix + name + ".")) yield return p;
    }

    /// <summary>The module at <paramref name="path"/> (dotted child names; empty: this one), or null when there is none.</summary>
    public Module<T>? Find(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var module = this;
        if (path.Length == 0) return module;
        foreach (var part in path.Split('.'))
        {
            Module<T>? next = null;
            foreach (var (name, child) in module.Children)
                if (name == part) { next = child; break; }
            if (next is null) return null;
            module = next;
        }
        return module;
    }

    /// <summary>Every tap path of the tree, depth first in forward order (the root's output, the empty path, first).</summary>
    public IEnumerable<string> TapPaths()
    {
        yield return "";
        foreach (var p in ChildPaths(this, "")) yield return p;

        static IEnumerable<string> ChildPaths(Module<T> m, string prefix)
        {
            foreach (var (name, child) in m.Children)
            {
                yield return prefix + name;
                foreach (var p in ChildPaths(child, prefix + name + ".")) yield return p;
            }
        }
    }

    /// <summary>
    /// The leaf modules of the chain this module flattens into: a <see cref="Sequential{T}"/> its children's stages in
    /// order, any other module itself (one stage).
    /// </summary>
    public IReadOnlyList<Stage<T>> Stages => _stages ??= [.. CollectStages("")];

    /// <summary>Number of <see cref="Stages"/>.</summary>
    public int StageCount => Stages.Count;

    /// <summary>This module's stages, their paths under <paramref name="prefix"/>.</summary>
    protected internal virtual IEnumerable<Stage<T>> CollectStages(string prefix) => [new Stage<T>(prefix, this)];

    /// <summary>
    /// The number of stages whose output is the tap <paramref name="path"/>: the stage of that path, or the last stage
    /// inside it; <see cref="StageCount"/> for the output (the empty path). -1 when the tap is not a stage boundary (a
    /// module inside a branch), where only a whole forward with a <see cref="TapSet{T}"/> can read it.
    /// </summary>
    /// <exception cref="ArgumentException">No module has that path.</exception>
    public int StageDepth(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0) return StageCount;
        if (Find(path) is null) throw new ArgumentException($"no module at '{path}'; taps: {string.Join(", ", TapPaths().Where(p => p.Length > 0))}", nameof(path));
        var stages = Stages;
        int depth = -1;
        for (int i = 0; i < stages.Count; i++)
            if (stages[i].Path == path || stages[i].Path.StartsWith(path + ".", StringComparison.Ordinal)) depth = i + 1;
        return depth;
    }

    /// <summary>
    /// Runs stages [<paramref name="from"/>, <paramref name="to"/>) on h (the rows a stage <paramref name="from"/> takes).
    /// A linear stage followed by a ReLU within the range runs as one fused operation (same bits, one pass fewer).
    /// </summary>
    public Variable<T> Forward(Tape<T> tape, Variable<T> h, int from, int to)
    {
        var stages = Stages;
        if (from < 0 || to > stages.Count || from > to)
            throw new ArgumentOutOfRangeException(nameof(from), $"stages [{from}, {to}) are not within 0..{stages.Count}");
        for (int i = from; i < to; i++)
        {
            var module = stages[i].Module;
            if (module is Linear<T> linear && i + 1 < to && stages[i + 1].Module is ReLU<T>)
            {
                h = linear.Forward(tape, h, relu: true);
                i++;
            }
            else h = module.Run(tape, h, null);
        }
        return h;
    }

    /// <summary>The tap a symmetry layer names: hidden layer k's is <see cref="HiddenLayerTap"/>(k), the output's the empty path.</summary>
    /// <exception cref="ArgumentException">The layer is not set.</exception>
    /// <exception cref="ArgumentOutOfRangeException">This network has no such layer.</exception>
    public string TapOf(SymmetryLayer layer)
    {
        if (!layer.IsSet) throw new ArgumentException("no symmetry layer is set", nameof(layer));
        if (layer.Value == -1) return "";
        if (layer.Value > HiddenLayers)
            throw new ArgumentOutOfRangeException(nameof(layer), $"layer {layer} does not exist; valid: {SymmetryLayer.ValidValues(HiddenLayers)}");
        return HiddenLayerTap(layer.Value);
    }

    /// <summary>The stage depth of a symmetry layer's tap (see <see cref="StageDepth"/>), checked against this network.</summary>
    public int CheckDepth(SymmetryLayer layer)
    {
        int depth = StageDepth(TapOf(layer));
        if (depth < 0) throw new ArgumentException($"layer {layer}'s tap '{TapOf(layer)}' is not a stage boundary of this network", nameof(layer));
        return depth;
    }

    /// <summary>The stage depths of <paramref name="layers"/> in forward order (ascending), each checked against this network.</summary>
    public int[] CheckDepths(SymmetryLayers layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        var depths = new int[layers.Count];
        for (int i = 0; i < depths.Length; i++) depths[i] = CheckDepth(layers[i]);
        return depths;
    }

    /// <summary>The activation of <paramref name="layer"/> (must be set) for points x.</summary>
    public Variable<T> Activation(Tape<T> tape, Variable<T> x, SymmetryLayer layer) => Forward(tape, x, 0, CheckDepth(layer));

    /// <summary>A copy of every parameter under its PyTorch name and shape (a bias of n values is [n]).</summary>
    public StateDict<T> StateDict() => new(ParameterList.Select(p => new StateDictEntry<T>(p.Name, [.. p.Shape], p.Tensor.ToArray())));

    /// <summary>All trainable tensors in state-dict order, with their names (as PyTorch's <c>named_parameters()</c>).</summary>
    public IEnumerable<(string Name, Variable<T> Tensor)> NamedParameters() => ParameterList.Select(p => (p.Name, p.Tensor));

    /// <summary>All trainable tensors in state-dict order (as PyTorch's <c>parameters()</c>), e.g. for an optimizer.</summary>
    public IEnumerable<Variable<T>> Parameters() => ParameterList.Select(p => p.Tensor);

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

    /// <summary>Checks a container's children: at least one, each non-null under a unique name without dots (a path segment).</summary>
    protected static void CheckChildren((string Name, Module<T> Module)[] children, string what, string parameter)
    {
        ArgumentNullException.ThrowIfNull(children, parameter);
        if (children.Length == 0) throw new ArgumentException($"a {what} needs at least one child", parameter);
        var names = new HashSet<string>();
        foreach (var (name, module) in children)
        {
            ArgumentNullException.ThrowIfNull(module, parameter);
            if (string.IsNullOrEmpty(name) || name.Contains('.') || !names.Add(name))
                throw new ArgumentException($"{what} child name '{name}' must be non-empty, unique and without dots", parameter);
        }
    }

    internal static string ShapeText(IReadOnlyList<int> shape) => $"[{string.Join(", ", shape)}]";
}
