using System.Globalization;
using System.Numerics;
using System.Text.Json;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Tasks;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// A kind of network a run can train, as the catalog of <see cref="All"/> lists them: its name (as the command line,
/// config.json and result files spell it), a one-line description for <c>--help</c>, and how to build it for a group,
/// a hidden shape and an output width. A new kind is one registration (<see cref="Register"/>): the CLI's parsing, help
/// and error messages come from the catalog.
/// </summary>
public abstract class ModelKind
{
    static readonly KindCatalog<ModelKind> Catalog = new("model kind", k => k.Name);

    /// <summary>For subclasses: a kind of <paramref name="name"/> (lower case, no spaces).</summary>
    protected ModelKind(string name, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Description = description;
    }

    /// <summary>The original MLP on the point's coordinates.</summary>
    public static ModelKind Mlp { get; } = Register(new MlpKind());

    /// <summary>The same MLP on the group's invariants of the point (<see cref="InvariantMlp{T}"/>): invariant by construction.</summary>
    public static ModelKind Invariant { get; } = Register(new InvariantKind());

    /// <summary>The invariant model plus a penalised non-invariant branch, with its default settings (<see cref="RelaxedModelKind"/>).</summary>
    public static ModelKind Relaxed { get; } = Register(RelaxedModelKind.CreateDefault());
    /// <summary>The exactly equivariant field of the point for the group (<see cref="EquivariantMlp{T}"/>): vector targets only.</summary>
    public static ModelKind Equivariant { get; } = Register(new EquivariantKind());

    /// <summary>The Vector-Neuron MLP (<see cref="VectorNeuronMlp{T}"/>): exactly rotation-equivariant; vector targets only.</summary>
    public static ModelKind VectorNeuron { get; } = Register(new VectorNeuronKind());

    /// <summary>Every registered kind, in registration order (the built-in ones first).</summary>
    public static IReadOnlyList<ModelKind> All => Catalog.All;

    /// <summary>The accepted names, for messages and help: "mlp, invariant".</summary>
    public static string ValidNames => Catalog.ValidNames;

    /// <summary>Adds <paramref name="kind"/> to the catalog (its name must be new) and returns it.</summary>
    public static ModelKind Register(ModelKind kind) => Catalog.Register(kind);

    /// <summary>The kind of <paramref name="name"/> (any case, trimmed); false when none is registered.</summary>
    public static bool TryParse(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelKind? kind)
    {
        kind = Catalog.Find(name);
        return kind is not null;
    }

    /// <summary>The name, e.g. "mlp".</summary>
    public string Name { get; }

    /// <summary>One line for help texts.</summary>
    public string Description { get; }

    /// <summary>An untrained network (zero weights until initialised) for points of <paramref name="group"/>.</summary>
    public abstract Module<T> Create<T>(SymmetryGroup group, int hiddenDim, int hiddenLayers, int outputWidth) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>
    /// An untrained network for <paramref name="task"/>'s inputs (points, or states of several vectors) with
    /// <paramref name="outputWidth"/> outputs (default: the task's). By default the network for points of the task's group;
    /// a kind that takes states of several vectors overrides it (and <see cref="CheckTask"/>).
    /// </summary>
    public virtual Module<T> Create<T>(SupervisedTask task, int hiddenDim, int hiddenLayers, int? outputWidth = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.InputIsPoint ? Create<T>(task.Group, hiddenDim, hiddenLayers, outputWidth ?? task.OutputWidth)
            : throw new ArgumentException($"model {Name}: {PointsOnly(task)}", nameof(task));
    }

    /// <summary>Why a kind built for points of R^d cannot take <paramref name="task"/>'s inputs of several vectors.</summary>
    protected static string PointsOnly(SupervisedTask task) =>
        $"it takes points of R^{task.Group.Dimension}, not states of {task.Input.Vectors} vectors ({task.Input}); use mlp, equivariant or vn";

    /// <summary>
    /// Null when a penalty at <paramref name="layers"/> applies to this kind's networks, else a message (a network without
    /// hidden layers a penalty can stop at takes only the output); every layer of the MLP by default.
    /// </summary>
    public virtual string? CheckLayers(SymmetryLayers layers) => null;

    /// <summary>Writes the kind's settings beyond its name as properties of config.json's object (none by default, so a config keeps its bytes).</summary>
    public virtual void WriteSettings(Utf8JsonWriter writer)
    {
    }

    /// <summary>
    /// The kind with the settings <see cref="WriteSettings"/> wrote into <paramref name="config"/> (this one by default).
    /// A bad setting is a <see cref="FormatException"/> naming it.
    /// </summary>
    public virtual ModelKind ReadSettings(JsonElement config) => this;

    /// <summary>
    /// Null when this kind can learn <paramref name="task"/>, else why not in a few words (e.g. a model invariant by
    /// construction cannot give a turning vector). The default accepts every task on points of R^d.
    /// </summary>
    public virtual string? CheckTask(SupervisedTask task) => task is null || task.InputIsPoint ? null : PointsOnly(task);

    /// <summary>
    /// The run report's architecture line (after "architecture"): the shape of this kind's network for <paramref name="task"/>.
    /// By default the kind's name and description with the hidden shape and the output width.
    /// </summary>
    public virtual string Architecture(SupervisedTask task, int hiddenDim, int hiddenLayers, int outputWidth) =>
        string.Create(CultureInfo.InvariantCulture, $"{Name}: {Description}; {hiddenDim} x {hiddenLayers}, {outputWidth} outputs");

    // The invariant network's shape: its inputs are the group's invariants.
    private protected static string InvariantShape(SymmetryGroup group, int hiddenDim, int hiddenLayers, int outputWidth) =>
        string.Create(CultureInfo.InvariantCulture, $"[{group.InvariantCount} ({string.Join(", ", group.InvariantNames)}), {hiddenDim} x {hiddenLayers}, {outputWidth}]");

    /// <summary>The name.</summary>
    public override string ToString() => Name;

    sealed class MlpKind() : ModelKind("mlp", "the MLP on the coordinates")
    {
        public override Module<T> Create<T>(SymmetryGroup group, int hiddenDim, int hiddenLayers, int outputWidth) =>
            new Mlp<T>(group.Dimension, hiddenDim, hiddenLayers, outputWidth);

        // Every coordinate of a state is an input like any other.
        public override Module<T> Create<T>(SupervisedTask task, int hiddenDim, int hiddenLayers, int? outputWidth = null) =>
            new Mlp<T>(task.InputDimension, hiddenDim, hiddenLayers, outputWidth ?? task.OutputWidth);

        public override string? CheckTask(SupervisedTask task) => null;

        public override string Architecture(SupervisedTask task, int hiddenDim, int hiddenLayers, int outputWidth) =>
            string.Create(CultureInfo.InvariantCulture, $"[{task.InputDimension}, {hiddenDim} x {hiddenLayers}, {outputWidth}], ReLU");
    }

    // Both exact models give as many vectors as they take (one for a point, C for a state of C vectors), turning with them.
    static string? SameVectorsOut(SupervisedTask task) => task.Target.Equals(task.Input) ? null
        : task.InputIsPoint
            ? $"it gives one vector that turns with the point, but the task's targets are {(task.Target.IsTrivial ? "scalars" : task.Target.ToString())}; use it with a vector field (see 'latsym fields')"
            : $"it gives as many vectors as the state has ({task.Input}), but the task's targets are {task.Target}";

    sealed class EquivariantKind() : ModelKind("equivariant",
        "an exactly equivariant vector field, sum_k a_k(invariants) M_k x (+ fixed vectors), the a_k from the invariant MLP: a(|x|^2) x for so3, a x + b J x for so2, plus a z part for so2z; on states (r, v): a r + b v + c r x v from |r|^2, |v|^2, r.v")
    {
        public override Module<T> Create<T>(SymmetryGroup group, int hiddenDim, int hiddenLayers, int outputWidth) =>
            outputWidth == group.Dimension ? new EquivariantMlp<T>(group, hiddenDim, hiddenLayers)
            : throw new ArgumentException($"the equivariant model gives {group.Dimension} outputs (one vector); asked for {outputWidth}", nameof(outputWidth));

        public override Module<T> Create<T>(SupervisedTask task, int hiddenDim, int hiddenLayers, int? outputWidth = null)
        {
            ArgumentNullException.ThrowIfNull(task);
            if (task.InputIsPoint) return Create<T>(task.Group, hiddenDim, hiddenLayers, outputWidth ?? task.OutputWidth);
            return CheckTask(task) is { } why || (outputWidth ?? task.OutputWidth) != task.InputDimension
                ? throw new ArgumentException($"model {Name}: {CheckTask(task) ?? $"it gives {task.InputDimension} outputs; asked for {outputWidth}"}", nameof(task))
                : new PairEquivariantMlp<T>(hiddenDim, hiddenLayers);
        }

        // On states: the general SO(3)-equivariant map of a pair of 3-vectors (r, v), also equivariant about z.
        public override string? CheckTask(SupervisedTask task) => task.InputIsPoint ? SameVectorsOut(task)
            : task.Input.Vectors != 2 || task.Group.Dimension != 3
                ? $"on states it is the map a r + b v + c r x v of a pair of 3-vectors (r, v); the task's states are {task.Input} of a {task.Group.Dimension}-D group (use vn or mlp)"
                : SameVectorsOut(task);
    }

    sealed class VectorNeuronKind() : ModelKind("vn",
        "a Vector-Neuron MLP (VN-Linear, VN-ReLU on H/d channels of d-vectors): equivariant under every rotation, so a(x) x only; on states (r, v), two vectors in and out")
    {
        public override Module<T> Create<T>(SymmetryGroup group, int hiddenDim, int hiddenLayers, int outputWidth) =>
            outputWidth == group.Dimension ? new VectorNeuronMlp<T>(group.Dimension, VectorNeuronMlp<T>.ChannelsFor(hiddenDim, group.Dimension), hiddenLayers)
            : throw new ArgumentException($"the vn model gives {group.Dimension} outputs (one vector); asked for {outputWidth}", nameof(outputWidth));

        // On a state of C vectors: C input vectors lifted to 2C channels, C output channels.
        public override Module<T> Create<T>(SupervisedTask task, int hiddenDim, int hiddenLayers, int? outputWidth = null)
        {
            ArgumentNullException.ThrowIfNull(task);
            if (task.InputIsPoint) return Create<T>(task.Group, hiddenDim, hiddenLayers, outputWidth ?? task.OutputWidth);
            int d = task.Group.Dimension;
            return CheckTask(task) is { } why || (outputWidth ?? task.OutputWidth) != task.InputDimension
                ? throw new ArgumentException($"model {Name}: {CheckTask(task) ?? $"it gives {task.InputDimension} outputs; asked for {outputWidth}"}", nameof(task))
                : new VectorNeuronMlp<T>(d, VectorNeuronMlp<T>.ChannelsFor(hiddenDim, d), hiddenLayers, task.Input.Vectors);
        }

        public override string? CheckTask(SupervisedTask task) => SameVectorsOut(task);
    }

    sealed class InvariantKind() : ModelKind("invariant", "the same MLP on the group's invariants (|x|^2 for so3 and so2, x^2 + y^2 and z for so2z): invariant by construction")
    {
        public override Module<T> Create<T>(SymmetryGroup group, int hiddenDim, int hiddenLayers, int outputWidth) =>
            new InvariantMlp<T>(group, hiddenDim, hiddenLayers, outputWidth);

        public override string Architecture(SupervisedTask task, int hiddenDim, int hiddenLayers, int outputWidth) =>
            $"invariant: {InvariantShape(task.Group, hiddenDim, hiddenLayers, outputWidth)}, ReLU";

        public override string? CheckTask(SupervisedTask task) => base.CheckTask(task) ?? (task.Target.IsTrivial ? null
            : $"its outputs are invariant by construction, so it cannot learn targets that turn with the points ({task.Target}); use mlp, equivariant or vn");
    }
}
