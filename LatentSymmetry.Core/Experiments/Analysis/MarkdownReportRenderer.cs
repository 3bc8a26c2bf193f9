using LatentSymmetry.Core.IO;
using System.Globalization;
using System.Text;
using LatentSymmetry.Core.Experiments.Results;

namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>Renders analysis reports as GitHub-flavoured Markdown.</summary>
public sealed class MarkdownReportRenderer : IReportRenderer
{
    private MarkdownReportRenderer()
    {
    }

    /// <summary>The one instance, as the format catalogs register it.</summary>
    public static MarkdownReportRenderer Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "markdown";

    /// <inheritdoc/>
    public string Description => "";

    /// <inheritdoc/>
    public bool CarriesWarnings => true;

    /// <inheritdoc/>
    public void Write(TextWriter writer, BestLambdaReport report, IEnumerable<ReportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(tables);
        writer.Write(Render(report));
        foreach (ReportTable table in tables)
        {
            WriteTable(writer, table);
        }
    }

    /// <inheritdoc/>
    public void Write(TextWriter writer, BenchmarkReport report, IEnumerable<ReportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(tables);
        writer.Write(Render(report));
        foreach (ReportTable table in tables)
        {
            WriteTable(writer, table);
        }
    }

    // A blank line, the bold title with its caption, and the table; a cell's pipe is escaped.
    private static void WriteTable(TextWriter writer, ReportTable table)
    {
        writer.WriteLine();
        // The rest of the markdown report is a document: this table is one too (issue 19, row 12).
        writer.WriteLine($"**{table.Title}**: {table.Caption}");
        writer.WriteLine();
        writer.WriteLine("| " + string.Join(" | ", table.Headers) + " |");
        writer.WriteLine("|" + string.Concat(table.Headers.Select(_ => "---|")));
        foreach (IReadOnlyList<string> row in table.Rows)
        {
            writer.WriteLine("| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }
    }

    /// <summary>The one-file table: per layer the best and runner-up lambda_sym_max with their losses.</summary>
    public static string Render(BestLambdaReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append("# ").Append(Path.GetFileName(report.Source)).Append("\n\n");
        sb.Append("| Symmetry layer | Best λ_max | Test task loss | Test sym loss | Runner-up λ_max | Test task loss | Test sym loss |\n");
        sb.Append("|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (LayerBest layer in report.Layers)
        {
            ResultRow? r = layer.RunnerUp;
            if (layer.Best is null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"| {ReportText.Layer(layer.SymmetryLayer)} | all {layer.Diverged} diverged | — | — | — | — | — |\n");
                continue;
            }

            sb.Append(CultureInfo.InvariantCulture,
                $"| {ReportText.Layer(layer.SymmetryLayer)} | {PythonFloat.Format(layer.Best.LambdaMax)} | {ReportText.Sci(layer.Best.TestTaskLoss)} | {ReportText.Sci(layer.Best.TestSymLoss)} | ");
            sb.Append(r is null ? "— | — | — |\n" : $"{PythonFloat.Format(r.LambdaMax)} | {ReportText.Sci(r.TestTaskLoss)} | {ReportText.Sci(r.TestSymLoss)} |\n");
        }

        if (report.Baseline is ResultRow b)
        {
            sb.Append("\nBaseline (no symmetry loss): test task loss ").Append(ReportText.Sci(b.TestTaskLoss)).Append('\n');
        }

        AppendWarnings(sb, report.Warnings);
        return sb.ToString();
    }

    /// <summary>
    /// The multi-seed report: per group a table of every cell (and, as extra rows, the baseline variants run beside the
    /// grid; orbit columns when the files have them), the best lambda per layer, the cells that beat the baseline and the
    /// incomplete cells.
    /// </summary>
    public static string Render(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        foreach (GroupReport g in report.Groups)
        {
            sb.Append("## ").Append(g.Key.Title).Append(CultureInfo.InvariantCulture, $" ({g.Files.Count} seed file{(g.Files.Count == 1 ? "" : "s")})\n\n");
            bool orbit = g.HasOrbit;
            sb.Append("| Symmetry layer | λ_max | n | Task mean ± 95% CI | Task median | Sym mean ± 95% CI | Sym median | ")
                .Append(orbit ? "Orbit mean ± 95% CI | Orbit ratio mean ± 95% CI | Orbit ratio median | " : "")
                .Append("vs baseline (baseline loss / cell loss, > 1 better) |\n");
            sb.Append("|---|---:|---:|---:|---:|---:|---:|").Append(orbit ? "---:|---:|---:|" : "").Append("---|\n");
            foreach (CellStatistics c in g.Cells)
            {
                Row(ReportText.Layer(c.SymmetryLayer), c);
            }

            // The alternatives run beside the grid: extra rows of the same table, the plain MLP (baseline) their reference.
            foreach (BaselineCell b in g.Baselines)
            {
                Row(ReportText.Variant(b.Variant), b.Statistics);
            }

            IReadOnlyList<string> notes = ReportText.Notes(g);
            if (notes.Count > 0)
            {
                sb.Append('\n').Append(string.Join(". ", notes)).Append(".\n");
            }

            void Row(string label, CellStatistics c)
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $"| {label} | {PythonFloat.Format(c.LambdaMax)} | {c.Task.N}{(c.Diverged > 0 ? $" ({c.Diverged} diverged)" : "")} | ");
                sb.Append(CultureInfo.InvariantCulture,
                    $"{ReportText.Sci(c.Task.Mean)} ± {ReportText.Sci(c.Task.Ci95HalfWidth)} | {ReportText.Sci(c.Task.Median)} | {ReportText.Sci(c.Sym.Mean)} ± {ReportText.Sci(c.Sym.Ci95HalfWidth)} | {ReportText.Sci(c.Sym.Median)} | ");
                if (orbit)
                {
                    sb.Append(CultureInfo.InvariantCulture,
                        $"{ReportText.MeanCi(c.Orbit)} | {ReportText.MeanCi(c.OrbitRatio)} | {(c.OrbitRatio is null ? "n/a" : ReportText.Sci(c.OrbitRatio.Median))} | ");
                }

                sb.Append(Versus(c.VsBaseline)).Append(" |\n");
            }

            sb.Append("\n**Best λ_max per layer (mean task loss)**\n\n| Symmetry layer | λ_max | Task mean | n |\n|---|---:|---:|---:|\n");
            foreach (CellStatistics c in g.BestByLayer)
            {
                sb.Append(CultureInfo.InvariantCulture, $"| {ReportText.Layer(c.SymmetryLayer)} | {PythonFloat.Format(c.LambdaMax)} | {ReportText.Sci(c.Task.Mean)} | {c.Task.N} |\n");
            }

            sb.Append(CultureInfo.InvariantCulture, $"\n**Cells beating the baseline** (Wilcoxon signed-rank, two-sided, p < {report.Alpha}, lower median): ");
            BaselineCell[] variantsBeating = [.. g.Baselines.Where(b => b.Statistics.VsBaseline?.BeatsBaseline == true)];
            if (g.BeatBaseline.Count == 0 && variantsBeating.Length == 0)
            {
                sb.Append("none\n");
            }
            else
            {
                sb.Append('\n');
                foreach (CellStatistics c in g.BeatBaseline)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"- layer {ReportText.Layer(c.SymmetryLayer)}, λ_max {PythonFloat.Format(c.LambdaMax)}: {Versus(c.VsBaseline)}\n");
                }

                foreach (BaselineCell b in variantsBeating)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"- {ReportText.Variant(b.Variant)}: {Versus(b.Statistics.VsBaseline)}\n");
                }
            }

            if (g.Incomplete.Count > 0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\n**Incomplete cells** ({g.Incomplete.Count} with fewer than {g.Files.Count} seeds)\n\n");
                foreach (IncompleteCell c in g.Incomplete)
                {
                    sb.Append(CultureInfo.InvariantCulture,
                        $"- {ReportText.Where(c)}: {c.Present}/{g.Files.Count}, missing from {string.Join(", ", c.MissingFrom.Select(Path.GetFileName))}\n");
                }
            }

            sb.Append('\n');
        }

        AppendWarnings(sb, report.Warnings);
        return sb.ToString();
    }

    private static string Versus(BaselineComparison? v) =>
        v is null ? "—" : $"{ReportText.Factor(v.Factor)}, p = {ReportText.P(v.Test.PValue)} ({v.Pairs} pairs){(v.BeatsBaseline ? " ✔" : "")}";

    private static void AppendWarnings(StringBuilder sb, IReadOnlyList<string> warnings)
    {
        if (warnings.Count == 0)
        {
            return;
        }

        sb.Append("\n**Warnings**\n\n");
        foreach (string w in warnings)
        {
            sb.Append("- ").Append(w).Append('\n');
        }
    }
}
