using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.IO;

namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>
/// The original project's table for one result file: per symmetry layer (1..L, then -1) the best and runner-up
/// lambda_sym_max by test task loss, with the baseline for reference. Diverged rows are never ranked; ties in task loss
/// go to the smaller lambda.
/// </summary>
/// <param name="Source">The file analysed.</param>
/// <param name="Name">Its parsed name, when it follows the pattern.</param>
/// <param name="Layers">One entry per layer with rows, layers ascending with -1 last; <see cref="LayerBest.Best"/> is null when all diverged.</param>
/// <param name="Baseline">The baseline row, when present.</param>
/// <param name="Warnings">Warnings from reading the file.</param>
public sealed record BestLambdaReport(string Source, ResultFileName? Name, IReadOnlyList<LayerBest> Layers, ResultRow? Baseline, IReadOnlyList<string> Warnings)
{
    /// <summary>
    /// Ranks the rows of <paramref name="table"/>. A layer whose every run diverged is listed with no best row and a
    /// warning. Only the rows of one learning rate are ranked (the file name's, else the first row's); rows of other
    /// learning rates are left out with a warning, so one baseline never stands in for another learning rate's.
    /// </summary>
    public static BestLambdaReport Analyze(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var warnings = new List<string>(table.Warnings);
        double? rate = table.Name?.LearningRate is double named && table.Rows.Any(r => r.LearningRate == named)
            ? named
            : table.Rows.Count > 0 ? table.Rows[0].LearningRate : null;
        ResultRow[] rows = [.. table.Rows.Where(r => r.LearningRate == rate)];
        if (rows.Length < table.Rows.Count)
        {
            warnings.Add($"{table.Path}: {table.Rows.Count - rows.Length} row(s) with another learning rate than {PythonFloat.Format(rate!.Value)} left out; analyse such files as several (analyze FILES... groups rows by learning rate)");
        }

        var layers = new List<LayerBest>();
        foreach (IGrouping<SymmetryLayer, ResultRow> group in rows
                     .Where(r => r.SymmetryLayer.IsSet)
                     .GroupBy(r => r.SymmetryLayer)
                     .OrderBy(g => LayerOrder.Of(g.Key)))
        {
            ResultRow[] ranked = [.. group.Where(r => !r.IsDiverged).OrderBy(r => r.TestTaskLoss).ThenBy(r => r.LambdaMax)];
            if (ranked.Length == 0)
            {
                warnings.Add($"{table.Path}: layer {ReportText.Layer(group.Key)}: all {group.Count()} run(s) diverged (non-finite task loss); shown as diverged");
            }

            layers.Add(new LayerBest(group.Key, ranked.Length > 0 ? ranked[0] : null, ranked.Length > 1 ? ranked[1] : null, group.Count() - ranked.Length));
        }

        return new BestLambdaReport(table.Path, table.Name, layers, rows.FirstOrDefault(r => r.IsBaseline), warnings);
    }
}
