using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Core.Experiments.Grid;

/// <summary>
/// An alternative to the penalty that <c>latsym benchmark --baselines</c> trains beside its grid, one no-penalty cell per
/// (seed, learning rate), as the catalog of <see cref="All"/> lists them: its name (as <c>--baselines</c> and the result
/// files' set-ups spell it), a line for <c>--help</c>, and the training recipe it makes of the grid's options. A new
/// baseline is one registration (<see cref="Register"/>); parsing, help and messages read the catalog.
/// </summary>
public abstract class Baseline
{
    static readonly KindCatalog<Baseline> Catalog = new("baseline", b => b.Name);

    /// <summary>For subclasses: a baseline of <paramref name="name"/> (lower case letters and '-', no '+': it ends a set-up name).</summary>
    protected Baseline(string name, string description, string? label = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Contains('+') || name.Any(char.IsWhiteSpace) || name != name.ToLowerInvariant())
            throw new ArgumentException($"a baseline's name is lower case without '+' or spaces; got '{name}'", nameof(name));
        Name = name;
        Description = description;
        Label = label ?? name;
    }

    /// <summary>Training batches turned by fresh Haar rotations of the group (the points, and the targets by the task's action).</summary>
    public static Baseline Augment { get; } = Register(new AugmentBaseline());

    /// <summary>The model fed the group's invariants, invariant by construction.</summary>
    public static Baseline Invariant { get; } = Register(new InvariantBaseline());

    /// <summary>The relaxed model (<see cref="RelaxedModelKind"/>'s defaults): the invariant model plus a penalised quadratic branch.</summary>
    public static Baseline Relaxed { get; } = Register(new RelaxedBaseline());

    /// <summary>The exactly equivariant model (vector fields).</summary>
    public static Baseline Equivariant { get; } = Register(new ModelBaseline("equivariant", "the exactly equivariant model (vector fields)", "equivariant model", ModelKind.Equivariant));

    /// <summary>The Vector-Neuron MLP (vector fields).</summary>
    public static Baseline VectorNeuron { get; } = Register(new ModelBaseline("vn", "the Vector-Neuron MLP (vector fields)", "vector neurons", ModelKind.VectorNeuron));

    /// <summary>Every registered baseline, in the order reports list them (the built-in ones first).</summary>
    public static IReadOnlyList<Baseline> All => Catalog.All;

    /// <summary>The accepted names, for messages and help: "augment, invariant".</summary>
    public static string ValidNames => Catalog.ValidNames;

    /// <summary>Adds <paramref name="baseline"/> to the catalog (its name must be new) and returns it.</summary>
    public static Baseline Register(Baseline baseline) => Catalog.Register(baseline);

    /// <summary>The baseline of <paramref name="name"/> (any case, trimmed), or null.</summary>
    public static Baseline? Find(string? name) => Catalog.Find(name);

    /// <summary>The name, e.g. "augment".</summary>
    public string Name { get; }

    /// <summary>One line for help texts.</summary>
    public string Description { get; }

    /// <summary>Its row's name in analyze's tables and the report (e.g. "augmentation"); the name when not given.</summary>
    public string Label { get; }

    /// <summary>The recipe of this baseline's cells, made of the grid's plain-MLP recipe <paramref name="plain"/> (no augmentation, the MLP).</summary>
    public abstract TrainingOptions Apply(TrainingOptions plain);

    /// <summary>The name.</summary>
    public override string ToString() => Name;

    /// <summary>A baseline that trains another model kind with the plain recipe.</summary>
    sealed class ModelBaseline(string name, string description, string label, ModelKind model) : Baseline(name, description, label)
    {
        public override TrainingOptions Apply(TrainingOptions plain) => plain with { Model = model };
    }

    sealed class AugmentBaseline() : Baseline("augment", "the MLP trained on batches turned by Haar rotations of the group", "augmentation")
    {
        public override TrainingOptions Apply(TrainingOptions plain) => plain with { Augment = true };
    }

    sealed class RelaxedBaseline() : Baseline("relaxed", "the relaxed model (the invariant model plus a quadratic branch under an L2 penalty of weight 1e-3, --model relaxed)", "relaxed model")
    {
        public override TrainingOptions Apply(TrainingOptions plain) => plain with { Model = ModelKind.Relaxed };
    }

    sealed class InvariantBaseline() : Baseline("invariant", "the invariant model (the MLP on the group's invariants)", "invariant model")
    {
        public override TrainingOptions Apply(TrainingOptions plain) => plain with { Model = ModelKind.Invariant };
    }
}
