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
    }

    public static void Write(TextWriter writer, BenchmarkReport report)
    {
        // The orbit columns make a lab report wider than the original's 160 characters; the original's stays as it was.
        var console = ConsoleFor(writer, report.Groups.Any(g => g.HasOrbit) ? 230 : 160);
        foreach (var g in report.Groups)
        {
            bool orbit = g.HasOrbit;
            var table = new Table().Title(Markup.Escape($"{g.Key.Title}: {g.Files.Count} seed file{(g.Files.Count == 1 ? "" : "s")}"))
                .AddColumns("layer", "λ_max", "n", "task mean ± 95% CI", "task median", "sym mean ± 95% CI", "sym median");
            if (orbit) table.AddColumns("orbit mean ± 95% CI", "orbit ratio mean ± 95% CI", "orbit ratio median");
            table.AddColumns("vs baseline (>1× better)");
            foreach (var c in table.Columns.Skip(1).Take(table.Columns.Count - 2)) c.RightAligned();
            foreach (var c in g.Cells) AddRow(ReportText.Layer(c.SymmetryLayer), c);
            // The alternatives run beside the grid: extra rows of the same table, the plain MLP (baseline) their reference.
            foreach (var b in g.Baselines) AddRow(ReportText.Variant(b.Variant), b.Statistics);
            console.Write(table);
            console.WriteLine("vs baseline: the baseline's mean task loss over the cell's, across paired seeds; above 1× the cell's loss is lower (better), * = Wilcoxon p < alpha");
            foreach (var note in ReportText.Notes(g)) console.WriteLine(note);
            console.WriteLine("best λ_max per layer (by mean task loss): " + (g.BestByLayer.Count == 0 ? "none (no layer has a finite result)" : string.Join(", ",
                g.BestByLayer.Select(c => $"{ReportText.Layer(c.SymmetryLayer)}: {PythonFloat.Format(c.LambdaMax)} ({ReportText.Sci(c.Task.Mean)})"))));
            var winners = g.BeatBaseline.Select(c => $"layer {ReportText.Layer(c.SymmetryLayer)} λ_max {PythonFloat.Format(c.LambdaMax)} {Versus(c.VsBaseline)}")
                .Concat(g.Baselines.Where(b => b.Statistics.VsBaseline?.BeatsBaseline == true).Select(b => $"{ReportText.Variant(b.Variant)} {Versus(b.Statistics.VsBaseline)}"))
                .ToList();
            console.WriteLine(winners.Count == 0
                ? $"cells beating the baseline (Wilcoxon signed-rank, p < {report.Alpha.ToString(CultureInfo.InvariantCulture)}): none"
                : $"cells beating the baseline (Wilcoxon signed-rank, p < {report.Alpha.ToString(CultureInfo.InvariantCulture)}): " + string.Join("; ", winners));
            if (g.Incomplete.Count > 0)
            {
                console.WriteLine($"incomplete: {g.Incomplete.Count} cells have fewer than {g.Files.Count} seeds:");
                foreach (var c in g.Incomplete)
                    console.WriteLine($"  {ReportText.Where(c)}: {c.Present}/{g.Files.Count}, missing from {string.Join(", ", c.MissingFrom.Select(Path.GetFileName))}");
            }
            console.WriteLine();

            void AddRow(string label, CellStatistics c)
            {
                var n = c.Task.N.ToString(CultureInfo.InvariantCulture) + (c.Diverged > 0 ? $" ({c.Diverged} div.)" : "");
                List<string> cells =
                [
                    Markup.Escape(label), PythonFloat.Format(c.LambdaMax), n,
                    $"{ReportText.Sci(c.Task.Mean)} ± {ReportText.Sci(c.Task.Ci95HalfWidth)}", ReportText.Sci(c.Task.Median),
                    $"{ReportText.Sci(c.Sym.Mean)} ± {ReportText.Sci(c.Sym.Ci95HalfWidth)}", ReportText.Sci(c.Sym.Median),
                ];
                if (orbit) cells.AddRange([ReportText.MeanCi(c.Orbit), ReportText.MeanCi(c.OrbitRatio), c.OrbitRatio is null ? "n/a" : ReportText.Sci(c.OrbitRatio.Median)]);
                cells.Add(Markup.Escape(Versus(c.VsBaseline)));
                table.AddRow([.. cells]);
            }
        }
    }

    static string Versus(BaselineComparison? v) =>
        v is null ? "-" : $"{ReportText.Factor(v.Factor)}, p={ReportText.P(v.Test.PValue)}{(v.BeatsBaseline ? " *" : "")}";

    static IAnsiConsole ConsoleFor(TextWriter writer, int width = 160)
    {
        bool terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!terminal) console.Profile.Width = width;
        return console;
    }
}
