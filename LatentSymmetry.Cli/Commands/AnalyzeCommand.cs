using System.CommandLine;
using System.Globalization;
using LatentSymmetry.Cli.Output;
using LatentSymmetry.Core.Evaluation;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Experiments.Analysis;

namespace LatentSymmetry.Cli.Commands;

/// <summary><c>latsym analyze</c>: best lambda per layer for one file; statistics across seeds and against the baseline for several.</summary>
internal static class AnalyzeCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("FILES")
        {
            Description = "Result CSV files (ours or the original project's), directories of them, or globs such as 'results/layers=6x128_lr=3e-4_*.csv'.",
            Arity = ArgumentArity.OneOrMore,
        };
        var formats = AnalysisFormats.Catalog;
        var format = new Option<string>("--format") { Description = $"Output format: {formats.DescribedList}.", DefaultValueFactory = _ => formats.All[0].Name };
        format.AcceptOnlyFromAmong([.. formats.Names]);
        var command = new Command("analyze",
            "Analyse grid results. One file: per symmetry layer, the best and runner-up lambda_max by test task loss. " +
            "Several seed files: per (layer, lambda_max) the number of seeds, mean, median and 95% CI (Student t) of both losses, " +
            "the best lambda per layer, a paired Wilcoxon signed-rank comparison with the baseline across seeds, and the cells " +
            "with missing seeds. Files of different architectures, learning rates or set-ups are analysed as separate groups; the files of " +
            "'benchmark --baselines' (set-up ...+augment, ...+invariant) join their grid's group as extra rows of its table, compared with its " +
            "baseline (the plain MLP) paired by seed. Set-up files also get the orbit task loss and orbit ratio (orbit / test task loss) columns. " +
            "Inputs are never modified.")
        {
            files, format,
        };
        command.SetAction(parse =>
        {
            var paths = ResultFileSelection.Expand(parse.GetValue(files)!);
            var renderer = formats.Get(parse.GetValue(format)!);
            IReadOnlyList<string> warnings = [];
            try
            {
                if (paths.Count == 1)
                {
                    var table = ResultTable.Read(paths[0]);
                    if (table.Rows.Count == 0) throw new UsageException($"no result rows in {paths[0]} (it holds only a header)");
                    var report = BestLambdaReport.Analyze(table);
                    warnings = report.Warnings;
                    renderer.Write(stdout, report, EvaluationTables(paths));
                }
                else
                {
                    var report = BenchmarkAnalysis.Analyze(paths);
                    if (report.Groups.Count == 0) throw new UsageException($"no result rows in any of the {paths.Count} files (they hold only headers)");
                    warnings = report.Warnings;
                    renderer.Write(stdout, report, EvaluationTables(paths));
                }
            }
            catch (ResultFileException e)
            {
                throw new UsageException(e.Message);
            }
            // The documents carry their warnings; a table or csv on stdout stays data, its warnings go to stderr in the
            // form of every other warning.
            if (!renderer.CarriesWarnings)
                foreach (var w in warnings) stderr.WriteLine($"latsym: warning: {w}");
            return 0;
        });
        return command;
    }

    // The companion files of benchmark --evaluate, when the results have them: means and CIs per cell and layer. Read
    // when a renderer asks for the table (csv and json never do), after the report is written, as before.
    internal static IEnumerable<ReportTable> EvaluationTables(IReadOnlyList<string> resultPaths)
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
