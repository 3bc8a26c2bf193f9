using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Orbits;

namespace LatentSymmetry.Core.Experiments;

/// <summary>
/// One training run of the sweep: a learning rate, a final symmetry weight, the penalised layer and the run seed.
/// </summary>
/// <param name="LearningRate">The optimiser's learning rate.</param>
/// <param name="LambdaMax">The final weight lambda_sym_max of the cosine-warmed symmetry loss.</param>
/// <param name="SymmetryLayer">The penalised layer: 1..L for a hidden layer, -1 for the output, null for the baseline (no symmetry loss).</param>
/// <param name="Seed">The run seed from which data, model and augmentation seeds are derived.</param>
public sealed record GridCell(double LearningRate, double LambdaMax, SymmetryLayer SymmetryLayer, int Seed)
{
    /// <summary>
    /// An alternative to the penalty run beside the grid as its own baseline cell (no penalty): <c>augment</c>
    /// (batches turned by Haar rotations) or <c>invariant</c> (the invariant-by-construction model); null for the
    /// penalty grid itself. Its rows go to a file of their own, named for it.
    /// </summary>
    public string? Variant { get; init; }

    /// <summary>
    /// The penalty kind of the cell's grid (raw, the original's, by default); a kind other than raw puts the cell's
    /// row in files of its own, named for it.
    /// </summary>
    public PenaltyKind Penalty { get; init; } = PenaltyKind.Raw;

    /// <summary>True for the baseline run (no symmetry loss, lambda 0).</summary>
    public bool IsBaseline => !SymmetryLayer.IsSet;

    /// <summary>The cell's identity inside its result file (the seed is part of the file name, not the row).</summary>
    public CellKey Key => new(LearningRate, LambdaMax, SymmetryLayer);

    /// <summary>Readable form, e.g. <c>seed=42 lr=0.0003 lambda=0.1 layer=3</c>.</summary>
    public override string ToString() =>
        $"seed={Seed} {Key}{(Penalty == PenaltyKind.Raw ? "" : " penalty=" + PenaltyKindText.Format(Penalty))}{(Variant is null ? "" : " " + Variant)}";
}
