namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>
/// An alternative to the penalty run beside a grid (<c>benchmark --baselines</c>): its no-penalty cell summarised over its
/// own files, with the same statistics as the grid's cells and <see cref="CellStatistics.VsBaseline"/> against the grid's
/// plain-MLP baseline, paired by seed.
/// </summary>
/// <param name="Variant">The variant's name, <c>augment</c> or <c>invariant</c> (see <see cref="Grid.BaselineVariant"/>).</param>
/// <param name="Statistics">Its statistics (layer none, lambda 0).</param>
/// <param name="Files">Its files (one per seed), in the order given.</param>
public sealed record BaselineCell(string Variant, CellStatistics Statistics, IReadOnlyList<string> Files);
