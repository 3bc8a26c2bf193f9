using LatentSymmetry.Core.IO;
using System.Globalization;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Experiments.Analysis;
using Spectre.Console;

namespace LatentSymmetry.Cli.Output;

/// <summary>The analyze reports as terminal tables (the "table" format), from the same data as the other renderers.</summary>
internal static class AnalysisTables
{
    public static void Write(TextWriter writer, BestLambdaReport report)
    {
        var console = ConsoleFor(writer);
        var table = new Table().Title(Markup.Escape(Path.GetFileName(report.Source)))
            .AddColumns("layer", "best λ_max", "task loss", "sym loss", "runner-up λ_max", "task loss", "sym loss");
        foreach (var c in table.Columns.Skip(1)) c.RightAligned();
        foreach (var l in report.Layers)
        {
            var r = l.RunnerUp;
            if (l.Best is null)
            {
                table.AddRow(ReportText.Layer(l.SymmetryLayer), $"all {l.Diverged} diverged", "-", "-", "-", "-", "-");
                continue;
            }
            table.AddRow(ReportText.Layer(l.SymmetryLayer), PythonFloat.Format(l.Best.LambdaMax), ReportText.Sci(l.Best.TestTaskLoss), ReportText.Sci(l.Best.TestSymLoss),
                r is null ? "-" : PythonFloat.Format(r.LambdaMax), r is null ? "-" : ReportText.Sci(r.TestTaskLoss), r is null ? "-" : ReportText.Sci(r.TestSymLoss));
        }
        console.Write(table);
        if (report.Baseline is ResultRow b) console.WriteLine($"baseline (no symmetry loss): test task loss {ReportText.Sci(b.TestTaskLoss)}");
        foreach (var w in report.Warnings) console.WriteLine($"warning: {w}");
    }

    public static void Write(TextWriter writer, BenchmarkReport report)
    {
        var console = ConsoleFor(writer);
        foreach (var g in report.Groups)
        {
            var table = new Table().Title(Markup.Escape($"{g.Key.Title}: {g.Files.Count} seed file{(g.Files.Count == 1 ? "" : "s")}"))
                .AddColumns("layer", "λ_max", "n", "task mean ± 95% CI", "task median", "sym mean ± 95% CI", "sym median", "vs baseline (>1× better)");
            foreach (var c in table.Columns.Skip(1).Take(6)) c.RightAligned();
            foreach (var c in g.Cells)
            {
                var n = c.Task.N.ToString(CultureInfo.InvariantCulture) + (c.Diverged > 0 ? $" ({c.Diverged} div.)" : "");
                table.AddRow(Markup.Escape(ReportText.Layer(c.SymmetryLayer)), PythonFloat.Format(c.LambdaMax), n,
                    $"{ReportText.Sci(c.Task.Mean)} ± {ReportText.Sci(c.Task.Ci95HalfWidth)}", ReportText.Sci(c.Task.Median),
                    $"{ReportText.Sci(c.Sym.Mean)} ± {ReportText.Sci(c.Sym.Ci95HalfWidth)}", ReportText.Sci(c.Sym.Median),
                    Markup.Escape(Versus(c.VsBaseline)));
            }
            console.Write(table);
            console.WriteLine("vs baseline: the baseline's mean task loss over the cell's, across paired seeds; above 1× the cell's loss is lower (better), * = Wilcoxon p < alpha");
            console.WriteLine("best λ_max per layer (by mean task loss): " + (g.BestByLayer.Count == 0 ? "none (no layer has a finite result)" : string.Join(", ",
                g.BestByLayer.Select(c => $"{ReportText.Layer(c.SymmetryLayer)}: {PythonFloat.Format(c.LambdaMax)} ({ReportText.Sci(c.Task.Mean)})"))));
            console.WriteLine(g.BeatBaseline.Count == 0
                ? $"cells beating the baseline (Wilcoxon signed-rank, p < {report.Alpha.ToString(CultureInfo.InvariantCulture)}): none"
                : $"cells beating the baseline (Wilcoxon signed-rank, p < {report.Alpha.ToString(CultureInfo.InvariantCulture)}): " + string.Join("; ",
                    g.BeatBaseline.Select(c => $"layer {ReportText.Layer(c.SymmetryLayer)} λ_max {PythonFloat.Format(c.LambdaMax)} {Versus(c.VsBaseline)}")));
            if (g.Incomplete.Count > 0)
            {
                console.WriteLine($"incomplete: {g.Incomplete.Count} cells have fewer than {g.Files.Count} seeds:");
                foreach (var c in g.Incomplete)
                    console.WriteLine($"  layer {ReportText.Layer(c.SymmetryLayer)}, λ_max {PythonFloat.Format(c.LambdaMax)}: {c.Present}/{g.Files.Count}, missing from {string.Join(", ", c.MissingFrom.Select(Path.GetFileName))}");
            }
            console.WriteLine();
        }
        foreach (var w in report.Warnings) console.WriteLine($"warning: {w}");
    }

    static string Versus(BaselineComparison? v) =>
        v is null ? "-" : $"{ReportText.Factor(v.Factor)}, p={ReportText.P(v.Test.PValue)}{(v.BeatsBaseline ? " *" : "")}";

    static IAnsiConsole ConsoleFor(TextWriter writer)
    {
        bool terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal) console.Profile.Width = 160;
        return console;
    }
}
