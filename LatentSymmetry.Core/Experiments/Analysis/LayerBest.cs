using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Experiments.Results;

namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>For one symmetry layer of one result file: the lambda_sym_max with the lowest test task loss, and the runner-up.</summary>
/// <param name="SymmetryLayer">The layer (1..L, or -1 for the output).</param>
/// <param name="Best">The row with the lowest task loss, or null when every run of the layer diverged.</param>
/// <param name="RunnerUp">The row with the second-lowest task loss, or null when the layer has a single finite row.</param>
/// <param name="Diverged">Rows of this layer left out because they diverged.</param>
public sealed record LayerBest(SymmetryLayer SymmetryLayer, ResultRow? Best, ResultRow? RunnerUp, int Diverged);
