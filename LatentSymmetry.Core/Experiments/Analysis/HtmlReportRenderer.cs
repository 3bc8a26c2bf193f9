using System.Globalization;
using System.Text;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.IO;

namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>
/// Renders analysis reports as HTML: a whole self-contained page (<see cref="HtmlPage"/>) for <c>analyze --format html</c>,
/// and the same tables as fragments for the pages of <c>latsym report</c>. Tables sort by a clicked header; the numbers
/// are formatted as in the markdown and terminal tables.
/// </summary>
public sealed class HtmlReportRenderer : IReportRenderer
{
    private HtmlReportRenderer()
    {
    }

    /// <summary>The one instance, as the format catalogs register it.</summary>
    public static HtmlReportRenderer Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "html";

    /// <inheritdoc/>
    public string Description => "one self-contained page with sortable tables";

    /// <inheritdoc/>
    public bool CarriesWarnings => true;

    /// <inheritdoc/>
    public void Write(TextWriter writer, BestLambdaReport report, IEnumerable<ReportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(tables);
        writer.Write(HtmlPage.Document(Path.GetFileName(report.Source), BestLambda(report) + string.Concat(tables.Select(Table)) + Warnings(report.Warnings)));
    }

    /// <inheritdoc/>
    public void Write(TextWriter writer, BenchmarkReport report, IEnumerable<ReportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(tables);
        writer.Write(HtmlPage.Document("Grid results", string.Concat(report.Groups.Select(g => Group(g, report.Alpha))) +
            string.Concat(tables.Select(Table)) + Warnings(report.Warnings)));
    }

    /// <summary>The one-file table: per layer the best and runner-up lambda_sym_max with their losses, and the baseline.</summary>
    public static string BestLambda(BestLambdaReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string[] headers = ["symmetry layer", "best λ_max", "test task loss", "test sym loss", "runner-up λ_max", "test task loss", "test sym loss"];
        var rows = new List<string[]>();
        foreach (LayerBest l in report.Layers)
        {
            ResultRow? r = l.RunnerUp;
            rows.Add(l.Best is null
                ? [ReportText.Layer(l.SymmetryLayer), $"all {l.Diverged} diverged", "—", "—", "—", "—", "—"]
                : [ReportText.Layer(l.SymmetryLayer), PythonFloat.Format(l.Best.LambdaMax), ReportText.Sci(l.Best.TestTaskLoss), ReportText.Sci(l.Best.TestSymLoss),
                    r is null ? "—" : PythonFloat.Format(r.LambdaMax), r is null ? "—" : ReportText.Sci(r.TestTaskLoss), r is null ? "—" : ReportText.Sci(r.TestSymLoss)]);
        }

        string baseline = report.Baseline is ResultRow b ? $"<p>Baseline (no symmetry loss): test task loss {ReportText.Sci(b.TestTaskLoss)}</p>\n" : "";
        return HtmlPage.Table(headers, rows) + baseline;
    }

    /// <summary>
    /// One group of the multi-seed report: per cell and baseline variant the seeds, means with 95% intervals, medians
    /// and the paired Wilcoxon test against the baseline (cells that beat it shaded), the best lambda per layer, the
    /// cells beating the baseline and the completeness of the grid.
    /// </summary>
    public static string Group(GroupReport group, double alpha)
    {
        ArgumentNullException.ThrowIfNull(group);
        GroupReport g = group;
        bool orbit = g.HasOrbit;
        List<string> headers = ["symmetry layer", "λ_max", "n", "task mean ± 95% CI", "task median", "sym mean ± 95% CI", "sym median"];
        if (orbit)
        {
            headers.AddRange(["orbit mean ± 95% CI", "orbit ratio mean ± 95% CI", "orbit ratio median"]);
        }

        headers.AddRange(["vs baseline (baseline / cell loss)", "Wilcoxon p", "pairs"]);
        var rows = new List<string[]>();
        var beats = new List<bool>();
        foreach (CellStatistics c in g.Cells)
        {
            Row(ReportText.Layer(c.SymmetryLayer), c);
        }

        foreach (BaselineCell b in g.Baselines)
        {
            Row(ReportText.Variant(b.Variant), b.Statistics);
        }

        var sb = new StringBuilder();
        sb.Append("<h3>").Append(HtmlPage.Encode($"{g.Key.Title}: {g.Files.Count} seed file{(g.Files.Count == 1 ? "" : "s")}")).Append("</h3>\n");
        int?[] seeds = [.. g.Seeds];
        if (seeds.Any(s => s is not null))
        {
            sb.Append("<p>Seeds: ").Append(HtmlPage.Encode(string.Join(", ", seeds.Select(s => s?.ToString(CultureInfo.InvariantCulture) ?? "?")))).Append("</p>\n");
        }

        sb.Append(HtmlPage.Table(headers, rows, i => beats[i]));
        sb.Append("<p>").Append(HtmlPage.Encode(
            string.Create(CultureInfo.InvariantCulture, $"vs baseline: the baseline's mean task loss over the cell's, across seeds paired by file; above 1× the cell's loss is lower. Shaded: the cell beats the baseline (two-sided Wilcoxon signed-rank p < {alpha}, lower median)."))).Append("</p>\n");
        foreach (string note in ReportText.Notes(g))
        {
            sb.Append("<p>").Append(HtmlPage.Encode(note)).Append(".</p>\n");
        }

        sb.Append("<h4>Best λ_max per layer (by mean task loss)</h4>\n");
        sb.Append(HtmlPage.Table(["symmetry layer", "λ_max", "task mean", "n"],
            g.BestByLayer.Select(c => (IReadOnlyList<string>)[ReportText.Layer(c.SymmetryLayer), PythonFloat.Format(c.LambdaMax), ReportText.Sci(c.Task.Mean), c.Task.N.ToString(CultureInfo.InvariantCulture)])));
        string[] winners =
        [
            .. g.BeatBaseline.Select(c => $"layer {ReportText.Layer(c.SymmetryLayer)}, λ_max {PythonFloat.Format(c.LambdaMax)}: {Versus(c.VsBaseline)}"),
            .. g.Baselines.Where(b => b.Statistics.VsBaseline?.BeatsBaseline == true).Select(b => $"{ReportText.Variant(b.Variant)}: {Versus(b.Statistics.VsBaseline)}"),
        ];
        sb.Append(CultureInfo.InvariantCulture, $"<h4>Cells beating the baseline (Wilcoxon signed-rank, p &lt; {alpha})</h4>\n");
        sb.Append(winners.Length == 0 ? "<p>none</p>\n" : HtmlPage.List(winners));
        sb.Append("<h4>Completeness</h4>\n");
        int cells = g.Cells.Count + g.Baselines.Count;
        sb.Append(g.Incomplete.Count == 0
            ? $"<p>complete: every one of the {cells} cells has all {g.Files.Count} seed files.</p>\n"
            : $"<p>{g.Incomplete.Count} of {cells} cells have fewer than {g.Files.Count} seed files:</p>\n" +
              HtmlPage.List(g.Incomplete.Select(c => $"{ReportText.Where(c)}: {c.Present}/{g.Files.Count}, missing from {string.Join(", ", c.MissingFrom.Select(Path.GetFileName))}")));
        return sb.ToString();

        void Row(string label, CellStatistics c)
        {
            BaselineComparison? v = c.VsBaseline;
            List<string> cells =
            [
                label, PythonFloat.Format(c.LambdaMax), c.Task.N.ToString(CultureInfo.InvariantCulture) + (c.Diverged > 0 ? $" ({c.Diverged} diverged)" : ""),
                ReportText.MeanCi(c.Task), ReportText.Sci(c.Task.Median), ReportText.MeanCi(c.Sym), ReportText.Sci(c.Sym.Median),
            ];
            if (orbit)
            {
                cells.AddRange([ReportText.MeanCi(c.Orbit), ReportText.MeanCi(c.OrbitRatio), c.OrbitRatio is null ? "n/a" : ReportText.Sci(c.OrbitRatio.Median)]);
            }

            cells.AddRange(v is null ? ["—", "—", "—"] : [ReportText.Factor(v.Factor), ReportText.P(v.Test.PValue), v.Pairs.ToString(CultureInfo.InvariantCulture)]);
            rows.Add([.. cells]);
            beats.Add(v?.BeatsBaseline == true);
        }
    }

    /// <summary>A supplementary table under its title and caption.</summary>
    public static string Table(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return $"<h3>{HtmlPage.Encode(table.Title)}</h3>\n<p>{HtmlPage.Encode(table.Caption)}</p>\n" + HtmlPage.Table(table.Headers, table.Rows);
    }

    /// <summary>The warnings of reading the inputs (rows skipped, torn tails), as a list under a heading; empty when none.</summary>
    public static string Warnings(IReadOnlyList<string> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        return warnings.Count == 0 ? "" : "<h2 id=\"warnings\">Warnings: what was skipped</h2>\n" + HtmlPage.List(warnings, "warnings");
    }

    private static string Versus(BaselineComparison? v) =>
        v is null ? "—" : $"{ReportText.Factor(v.Factor)}, p = {ReportText.P(v.Test.PValue)} ({v.Pairs} pairs)";
}
