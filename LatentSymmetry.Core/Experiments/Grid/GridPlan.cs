using LatentSymmetry.Core.Experiments;
namespace LatentSymmetry.Core.Experiments.Grid;

/// <summary>Which requested cells still need a run, after every touched result file was recovered.</summary>
/// <param name="Requested">The cells asked for, in order.</param>
/// <param name="Missing">The cells without a row, in the same order.</param>
/// <param name="Warnings">Torn tails repaired while recovering, each naming its file.</param>
public sealed record GridPlan(IReadOnlyList<GridCell> Requested, IReadOnlyList<GridCell> Missing, IReadOnlyList<string> Warnings);
