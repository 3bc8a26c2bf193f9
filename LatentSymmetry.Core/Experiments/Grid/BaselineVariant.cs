using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Core.Experiments.Grid;

/// <summary>
/// The names of the alternatives to the penalty that <c>latsym benchmark --baselines</c> runs beside its grid (the
/// <see cref="Baseline"/> catalog: <c>augment</c>, <c>invariant</c> and any registered one), and the set-ups of their
/// result files. Their files carry the grid's set-up with the variant's name appended (<c>cone-60+augment</c>, or <c>augment</c> alone
/// for the original experiment), which is how an analysis finds the grid they belong to.
/// </summary>
public static class BaselineVariant
{
    /// <summary>Training batches turned by fresh Haar rotations of the group.</summary>
    public const string Augment = "augment";

    /// <summary>The model fed the group's invariants, invariant by construction.</summary>
    public const string Invariant = "invariant";

    /// <summary>The relaxed model: the invariant model plus a penalised quadratic branch.</summary>
    public const string Relaxed = "relaxed";

    /// <summary>The exactly equivariant model (vector fields).</summary>
    public const string Equivariant = "equivariant";

    /// <summary>The Vector-Neuron MLP (vector fields).</summary>
    public const string VectorNeuron = "vn";

    /// <summary>Every registered variant's name, in the order reports list them.</summary>
    public static IReadOnlyList<string> All => [.. Baseline.All.Select(b => b.Name)];

    /// <summary>True for a registered variant's name (exact spelling, as files and <c>--baselines</c> give it).</summary>
    public static bool IsKnown(string? name) => Baseline.Find(name) is { } b && b.Name == name;

    /// <summary>
    /// <paramref name="options"/> as <paramref name="variant"/> trains (null: the penalty grid's plain MLP, as given):
    /// augment turns the batches, invariant trains the invariant model.
    /// </summary>
    public static TrainingOptions Apply(string? variant, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var plain = options with { Augment = false, Model = ModelKind.Mlp };
        if (variant is null) return plain;
        return IsKnown(variant) ? Baseline.Find(variant)!.Apply(plain)
            : throw new ArgumentException($"'{variant}' is not a baseline; valid: {Baseline.ValidNames}", nameof(variant));
    }

    /// <summary>The set-up of the files of <paramref name="variant"/> run beside a grid of set-up <paramref name="gridSetup"/>.</summary>
    public static string SetupOf(string gridSetup, string variant)
    {
        ArgumentNullException.ThrowIfNull(gridSetup);
        return gridSetup.Length == 0 ? variant : gridSetup + "+" + variant;
    }

    /// <summary>
    /// Splits a file's set-up into the grid's set-up and the variant when its last '+' token names a variant
    /// (<c>cone-60+augment</c> gives <c>cone-60</c> and <c>augment</c>); false for a penalty grid's set-up.
    /// </summary>
    public static bool TrySplit(string setup, out string gridSetup, out string variant)
    {
        ArgumentNullException.ThrowIfNull(setup);
        int plus = setup.LastIndexOf('+');
        variant = setup[(plus + 1)..];
        gridSetup = plus < 0 ? "" : setup[..plus];
        if (IsKnown(variant))
        {
            return true;
        }

        (gridSetup, variant) = ("", "");
        return false;
    }
}
