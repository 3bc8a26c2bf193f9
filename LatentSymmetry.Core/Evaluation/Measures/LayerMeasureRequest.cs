using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Evaluation;

/// <summary>What a <see cref="LayerMeasureSource"/> measures: one network (float32, with its float64 copy made on demand) on the test points.</summary>
/// <param name="Model">The network.</param>
/// <param name="Test">The test points.</param>
/// <param name="Group">The run's group.</param>
/// <param name="Options">The evaluation's settings (chosen measures, rotations, bootstrap).</param>
/// <param name="Seed">The run's augmentation seed; each source XORs its own stream offset into it.</param>
/// <param name="Representations">Each layer's representation (hidden 1..L, then the output), null for the trivial one; empty for a scalar run.</param>
internal sealed record LayerMeasureRequest(Module<float> Model, FieldSplit<float> Test, SymmetryGroup Group, EvaluationOptions Options, int Seed,
    IReadOnlyList<GroupRepresentation?> Representations)
{
    Module<double>? _model64;

    /// <summary>The float64 copy the caller already has (the evaluator loads one), so it is not made twice; null: made on demand.</summary>
    public Module<double>? Given64 { get => _model64; init => _model64 = value; }

    /// <summary>The same weights in float64: the given copy, or one made once when first asked for.</summary>
    public Module<double> Model64 => _model64 ??= Model.To<double>();

    /// <summary>Hidden layers 1..L, then the output.</summary>
    public int Depth => Model.HiddenLayers + 1;

    /// <summary>The representation of layer index <paramref name="k"/> (0-based), null for the trivial one.</summary>
    public GroupRepresentation? RepresentationAt(int k) => k < Representations.Count ? Representations[k] : null;
}
