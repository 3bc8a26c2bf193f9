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
    /// construction cannot give a turning vector). The default accepts every task.
    /// </summary>
    public virtual string? CheckTask(SupervisedTask task) => null;

    /// <summary>
    /// The run report's architecture line (after "architecture"): the shape of this kind's network for <paramref name="group"/>.
    /// By default the kind's name and description with the hidden shape and the output width.
    /// </summary>
    public virtual string Architecture(SymmetryGroup group, int hiddenDim, int hiddenLayers, int outputWidth) =>
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

        public override string Architecture(SymmetryGroup group, int hiddenDim, int hiddenLayers, int outputWidth) =>
            string.Create(CultureInfo.InvariantCulture, $"[{group.Dimension}, {hiddenDim} x {hiddenLayers}, {outputWidth}], ReLU");
    }

    // Both exact models give one vector that turns with the point, nothing else.
    static string? OneVector(SupervisedTask task) => task.Target.Equals(task.Group.Vector) ? null
        : $"it gives one vector that turns with the point, but the task's targets are {(task.Target.IsTrivial ? "scalars" : task.Target.ToString())}; use it with a vector field (see 'latsym fields')";

    sealed class EquivariantKind() : ModelKind("equivariant",
        "an exactly equivariant vector field, sum_k a_k(invariants) M_k x (+ fixed vectors), the a_k from the invariant MLP: a(|x|^2) x for so3, a x + b J x for so2, plus a z part for so2z")
    {
        public override Module<T> Create<T>(SymmetryGroup group, int hiddenDim, int hiddenLayers, int outputWidth) =>
            outputWidth == group.Dimension ? new EquivariantMlp<T>(group, hiddenDim, hiddenLayers)
            : throw new ArgumentException($"the equivariant model gives {group.Dimension} outputs (one vector); asked for {outputWidth}", nameof(outputWidth));

        public override string? CheckTask(SupervisedTask task) => OneVector(task);
    }

    sealed class VectorNeuronKind() : ModelKind("vn",
        "a Vector-Neuron MLP (VN-Linear, VN-ReLU on H/d channels of d-vectors): equivariant under every rotation, so a(x) x only")
    {
        public override Module<T> Create<T>(SymmetryGroup group, int hiddenDim, int hiddenLayers, int outputWidth) =>
            outputWidth == group.Dimension ? new VectorNeuronMlp<T>(group.Dimension, VectorNeuronMlp<T>.ChannelsFor(hiddenDim, group.Dimension), hiddenLayers)
            : throw new ArgumentException($"the vn model gives {group.Dimension} outputs (one vector); asked for {outputWidth}", nameof(outputWidth));

        public override string? CheckTask(SupervisedTask task) => OneVector(task);
    }

    sealed class InvariantKind() : ModelKind("invariant", "the same MLP on the group's invariants (|x|^2 for so3 and so2, x^2 + y^2 and z for so2z): invariant by construction")
    {
        public override Module<T> Create<T>(SymmetryGroup group, int hiddenDim, int hiddenLayers, int outputWidth) =>
            new InvariantMlp<T>(group, hiddenDim, hiddenLayers, outputWidth);

        public override string Architecture(SymmetryGroup group, int hiddenDim, int hiddenLayers, int outputWidth) =>
            $"invariant: {InvariantShape(group, hiddenDim, hiddenLayers, outputWidth)}, ReLU";

        public override string? CheckTask(SupervisedTask task) => task.Target.IsTrivial ? null
            : $"its outputs are invariant by construction, so it cannot learn targets that turn with the points ({task.Target}); use mlp, equivariant or vn";
    }
}
