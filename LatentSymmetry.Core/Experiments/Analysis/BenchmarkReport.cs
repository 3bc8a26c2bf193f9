namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>The analysis of a set of result files: one report per (architecture, learning rate) group, and reading warnings.</summary>
/// <param name="Groups">Groups ordered by architecture, then learning rate.</param>
/// <param name="Alpha">Significance level used for <see cref="BaselineComparison.BeatsBaseline"/>.</param>
/// <param name="Warnings">Warnings from reading the files (torn tails ignored, duplicates).</param>
public sealed record BenchmarkReport(IReadOnlyList<GroupReport> Groups, double Alpha, IReadOnlyList<string> Warnings);
