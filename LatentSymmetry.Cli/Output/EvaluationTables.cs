using System.Globalization;
using LatentSymmetry.Cli.Commands;
using LatentSymmetry.Core.Evaluation;
using LatentSymmetry.Core.Experiments.Analysis;

namespace LatentSymmetry.Cli.Output;

/// <summary>The table of benchmark --evaluate's companion files that follows the analysis in analyze and report.</summary>
internal static class EvaluationTables
{
    // The companion files of benchmark --evaluate, when the results have them: means and CIs per cell and layer. Read
    // when a renderer asks for the table (csv and json never do), after the report is written, as before.
    public static IEnumerable<ReportTable> Of(IReadOnlyList<string> resultPaths)
    {
        List<EvaluationSummary.Row> rows;
        try
        {
            rows = EvaluationSummary.Read(resultPaths.Select(p => EvaluationCsv.PathFor(Path.GetDirectoryName(Path.GetFullPath(p))!, Path.GetFileName(p))));
        }
        catch (InvalidDataException e) { throw new UsageException(e.Message); }
        if (rows.Count == 0) yield break;
        string[] headers = ["lr", "lambda", "sym", "variant", "layer", .. EvaluationSummary.Columns];
        var cells = rows.Select(r => (IReadOnlyList<string>)[r.LearningRate, r.LambdaMax, r.SymmetryLayer.Length == 0 ? "none" : r.SymmetryLayer, r.VariantOrPenalty, r.Layer == "-1" ? "out" : r.Layer,
            .. r.Statistics.Select(s => string.Create(CultureInfo.InvariantCulture, $"{NumberText.Short(s.Mean, 3)} ± {(double.IsFinite(s.Ci95HalfWidth) ? NumberText.Short(s.Ci95HalfWidth, 2) : "-")} ({s.N})"))]).ToList();
        yield return new ReportTable("Invariance measures of benchmark --evaluate", "mean ± 95% CI across seeds (n)", headers, cells) { TextWidths = [8, 8, 5, 9, 5, 28] };
    }
}
