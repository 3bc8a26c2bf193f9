using LatentSymmetry.Core.Models;
namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>A cell that some files of its group lack (a sweep not finished, or a shard missing).</summary>
/// <param name="SymmetryLayer">The layer, or null for the baseline.</param>
/// <param name="LambdaMax">The final symmetry weight.</param>
/// <param name="Present">Files holding the cell.</param>
/// <param name="MissingFrom">Files lacking it, as given to the analysis.</param>
public sealed record IncompleteCell(SymmetryLayer SymmetryLayer, double LambdaMax, int Present, IReadOnlyList<string> MissingFrom)
{
    /// <summary>The baseline variant (<see cref="Grid.BaselineVariant"/>) when the cell is one; its missing files are the ones expected beside the grid's.</summary>
    public string? Variant { get; init; }
}
