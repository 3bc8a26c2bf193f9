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
        var format = new Option<string>("--format") { Description = "Output format: table (aligned columns for the terminal), markdown, csv or json (one object: alpha, groups, warnings).", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "markdown", "csv", "json");
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
            var f = parse.GetValue(format)!;
            IReadOnlyList<string> warnings = [];
            try
            {
                if (paths.Count == 1)
                {
                    var table = ResultTable.Read(paths[0]);
                    if (table.Rows.Count == 0) throw new UsageException($"no result rows in {paths[0]} (it holds only a header)");
                    var report = BestLambdaReport.Analyze(table);
                    warnings = report.Warnings;
                    switch (f)
                    {
                        case "markdown": stdout.Write(MarkdownReportRenderer.Render(report)); break;
                        case "csv": stdout.Write(CsvReportRenderer.Render(report)); break;
                        case "json": stdout.WriteLine(JsonReportRenderer.Render(report)); break;
                        default: AnalysisTables.Write(stdout, report); break;
                    }
                }
                else
                {
                    var report = BenchmarkAnalysis.Analyze(paths);
                    if (report.Groups.Count == 0) throw new UsageException($"no result rows in any of the {paths.Count} files (they hold only headers)");
                    warnings = report.Warnings;
                    switch (f)
                    {
                        case "markdown": stdout.Write(MarkdownReportRenderer.Render(report)); break;
                        case "csv": stdout.Write(CsvReportRenderer.Render(report)); break;
                        case "json": stdout.WriteLine(JsonReportRenderer.Render(report)); break;
                        default: AnalysisTables.Write(stdout, report); break;
                    }
                }
            }
            catch (ResultFileException e)
            {
                throw new UsageException(e.Message);
            }
            if (f is "table" or "markdown") WriteEvaluation(stdout, paths);
            // The json and markdown documents carry their warnings; a table or csv on stdout stays data, its warnings go
            // to stderr in the form of every other warning.
            if (f is "table" or "csv")
                foreach (var w in warnings) stderr.WriteLine($"latsym: warning: {w}");
            return 0;
        });
        return command;
    }

    // The companion files of benchmark --evaluate, when the results have them: means and CIs per cell and layer.
    static void WriteEvaluation(TextWriter stdout, IReadOnlyList<string> resultPaths)
    {
        List<EvaluationSummary.Row> rows;
        try
        {
            rows = EvaluationSummary.Read(resultPaths.Select(p => EvaluationCsv.PathFor(Path.GetDirectoryName(Path.GetFullPath(p))!, Path.GetFileName(p))));
        }
        catch (InvalidDataException e) { throw new UsageException(e.Message); }
        if (rows.Count == 0) return;
        stdout.WriteLine();
        stdout.WriteLine("invariance measures of benchmark --evaluate: mean ± 95% CI across seeds (n)");
        stdout.WriteLine(($"{"lr",-8} {"lambda",-8} {"sym",-5} {"variant",-9} {"layer",-5} " + string.Join(" ", EvaluationSummary.Columns.Select(c => $"{c,-28}"))).TrimEnd());
        foreach (var r in rows)
            stdout.WriteLine($"{r.LearningRate,-8} {r.LambdaMax,-8} {(r.SymmetryLayer.Length == 0 ? "none" : r.SymmetryLayer),-5} {r.VariantOrPenalty,-9} {(r.Layer == "-1" ? "out" : r.Layer),-5} " +
                string.Join(" ", r.Statistics.Select(s => $"{string.Create(CultureInfo.InvariantCulture, $"{s.Mean:G3} ± {(double.IsFinite(s.Ci95HalfWidth) ? s.Ci95HalfWidth.ToString("G2", CultureInfo.InvariantCulture) : "-")} ({s.N})"),-28}")).TrimEnd());
    }
}
