using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Experiments.Results;

namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>
/// The original project's table for one result file: per symmetry layer (1..L, then -1) the best and runner-up
/// lambda_sym_max by test task loss, with the baseline for reference. Diverged rows are never ranked; ties in task loss
/// go to the smaller lambda.
/// </summary>
/// <param name="Source">The file analysed.</param>
/// <param name="Name">Its parsed name, when it follows the pattern.</param>
/// <param name="Layers">One entry per layer with at least one finite row, layers ascending with -1 last.</param>
/// <param name="Baseline">The baseline row, when present.</param>
/// <param name="Warnings">Warnings from reading the file.</param>
public sealed record BestLambdaReport(string Source, ResultFileName? Name, IReadOnlyList<LayerBest> Layers, ResultRow? Baseline, IReadOnlyList<string> Warnings)
{
    /// <summary>Ranks the rows of <paramref name="table"/>.</summary>
    public static BestLambdaReport Analyze(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var layers = new List<LayerBest>();
        foreach (IGrouping<SymmetryLayer, ResultRow> group in table.Rows
                     .Where(r => r.SymmetryLayer.IsSet)
                     .GroupBy(r => r.SymmetryLayer)
                     .OrderBy(g => LayerOrder.Of(g.Key)))
        {
            ResultRow[] ranked = [.. group.Where(r => !r.IsDiverged).OrderBy(r => r.TestTaskLoss).ThenBy(r => r.LambdaMax)];
            if (ranked.Length > 0)
            {
                layers.Add(new LayerBest(group.Key, ranked[0], ranked.Length > 1 ? ranked[1] : null, group.Count() - ranked.Length));
            }
        }

        return new BestLambdaReport(table.Path, table.Name, layers, table.Rows.FirstOrDefault(r => r.IsBaseline), table.Warnings);
    }
}
