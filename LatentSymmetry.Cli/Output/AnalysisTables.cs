using LatentSymmetry.Core.IO;
using System.Globalization;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Experiments.Analysis;
using Spectre.Console;

namespace LatentSymmetry.Cli.Output;

/// <summary>The analyze reports as terminal tables (the "table" format), from the same data as the other renderers.</summary>
internal static class AnalysisTables
{
    public static void Write(TextWriter writer, BestLambdaReport report, int? width = null)
    {
        var console = ConsoleFor(writer, forcedWidth: width);
        string[] headers = ["layer", "best λ_max", "task loss", "sym loss", "runner-up λ_max", "task loss", "sym loss"];
        var rows = new List<string[]>();
        foreach (var l in report.Layers)
        {
            var r = l.RunnerUp;
            if (l.Best is null)
            {
                rows.Add([ReportText.Layer(l.SymmetryLayer), $"all {l.Diverged} diverged", "-", "-", "-", "-", "-"]);
                continue;
            }
            rows.Add([ReportText.Layer(l.SymmetryLayer), PythonFloat.Format(l.Best.LambdaMax), ReportText.Sci(l.Best.TestTaskLoss), ReportText.Sci(l.Best.TestSymLoss),
                r is null ? "-" : PythonFloat.Format(r.LambdaMax), r is null ? "-" : ReportText.Sci(r.TestTaskLoss), r is null ? "-" : ReportText.Sci(r.TestSymLoss)]);
        }
        WriteFitted(console, Markup.Escape(Path.GetFileName(report.Source)), headers, rows, keyColumns: 1, rightAlignedFrom: 1, rightAlignedTo: headers.Length);
        if (report.Baseline is ResultRow b) console.WriteLine($"baseline (no symmetry loss): test task loss {ReportText.Sci(b.TestTaskLoss)}");
    }

    public static void Write(TextWriter writer, BenchmarkReport report, int? width = null)
    {
        // The orbit columns make a lab report wider than the original's 160 characters; the original's stays as it was.
        var console = ConsoleFor(writer, report.Groups.Any(g => g.HasOrbit) ? 230 : 160, width);
        foreach (var g in report.Groups)
        {
            bool orbit = g.HasOrbit;
            List<string> headers = ["layer", "λ_max", "n", "task mean ± 95% CI", "task median", "sym mean ± 95% CI", "sym median"];
            if (orbit) headers.AddRange(["orbit mean ± 95% CI", "orbit ratio mean ± 95% CI", "orbit ratio median"]);
            headers.Add("vs baseline (>1× better)");
            var rows = new List<string[]>();
            foreach (var c in g.Cells) AddRow(ReportText.Layer(c.SymmetryLayer), c);
            // The alternatives run beside the grid: extra rows of the same table, the plain MLP (baseline) their reference.
            foreach (var b in g.Baselines) AddRow(ReportText.Variant(b.Variant), b.Statistics);
            WriteFitted(console, Markup.Escape($"{g.Key.Title}: {g.Files.Count} seed file{(g.Files.Count == 1 ? "" : "s")}"), [.. headers], rows,
                keyColumns: 3, rightAlignedFrom: 1, rightAlignedTo: headers.Count - 1);
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
                rows.Add([.. cells]);
            }
        }
    }

    static string Versus(BaselineComparison? v) =>
        v is null ? "-" : $"{ReportText.Factor(v.Factor)}, p={ReportText.P(v.Test.PValue)}{(v.BeatsBaseline ? " *" : "")}";

    /// <summary>
    /// Writes a table that fits the console's width: all columns at once when they fit, otherwise in parts, each
    /// repeating the first <paramref name="keyColumns"/> columns (layer, λ_max, ...), so that no cell is ever broken
    /// across lines. Spectre.Console otherwise shrinks a table to a narrow terminal by wrapping its cells, which
    /// split numbers ("3.3545e-" / "03 ±").
    /// </summary>
    static void WriteFitted(IAnsiConsole console, string title, string[] headers, List<string[]> rows, int keyColumns, int rightAlignedFrom, int rightAlignedTo)
    {
        // A cell takes its text plus a space either side and one border: 3 characters, and one closing border per table.
        int[] widths = [.. Enumerable.Range(0, headers.Length).Select(i => rows.Select(r => r[i].Length).Append(headers[i].Length).Max() + 3)];
        int available = console.Profile.Width;
        var parts = new List<List<int>>();
        var keys = Enumerable.Range(0, keyColumns).ToList();
        int keyWidth = keys.Sum(i => widths[i]) + 1;
        var current = new List<int>(keys);
        int used = keyWidth;
        for (int i = keyColumns; i < headers.Length; i++)
        {
            if (used + widths[i] > available && current.Count > keyColumns)
            {
                parts.Add(current);
                current = new List<int>(keys);
                used = keyWidth;
            }
            current.Add(i);
            used += widths[i];
        }
        parts.Add(current);
        for (int p = 0; p < parts.Count; p++)
        {
            var table = new Table().Title(parts.Count == 1 ? title : $"{title} ({p + 1}/{parts.Count})");
            foreach (int i in parts[p])
            {
                var column = new TableColumn(Markup.Escape(headers[i])).NoWrap();
                if (i >= rightAlignedFrom && i < rightAlignedTo) column.RightAligned();
                table.AddColumn(column);
            }
            foreach (var row in rows) table.AddRow([.. parts[p].Select(i => row[i])]);
            console.Write(table);
        }
    }

    static IAnsiConsole ConsoleFor(TextWriter writer, int width = 160, int? forcedWidth = null)
    {
        bool terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (forcedWidth is int w) console.Profile.Width = w;
        else if (!terminal) console.Profile.Width = width;
        return console;
    }
}
