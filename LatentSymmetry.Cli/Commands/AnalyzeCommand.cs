using System.CommandLine;
using LatentSymmetry.Cli.Output;
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
                    renderer.Write(stdout, report, EvaluationTables.Of(paths));
                }
                else
                {
                    var report = BenchmarkAnalysis.Analyze(paths);
                    if (report.Groups.Count == 0) throw new UsageException($"no result rows in any of the {paths.Count} files (they hold only headers)");
                    warnings = report.Warnings;
                    renderer.Write(stdout, report, EvaluationTables.Of(paths));
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
}
