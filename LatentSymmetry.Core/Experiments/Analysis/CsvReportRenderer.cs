using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.IO;
using System.Globalization;
using System.Text;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Experiments.Statistics;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>
/// Renders analysis reports as CSV with <c>\n</c> line ends and Python-repr numbers (<c>nan</c> where undefined), so
/// pandas or Python's csv module read them back exactly.
/// </summary>
public sealed class CsvReportRenderer : IReportRenderer
{
    private CsvReportRenderer()
    {
    }

    /// <summary>The one instance, as the format catalogs register it.</summary>
    public static CsvReportRenderer Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "csv";

    /// <inheritdoc/>
    public string Description => "";

    /// <inheritdoc/>
    public bool CarriesWarnings => false;

    /// <inheritdoc/>
    void IReportRenderer.Write(TextWriter writer, BestLambdaReport report, IEnumerable<ReportTable> tables) => writer.Write(Render(report));

    /// <inheritdoc/>
    void IReportRenderer.Write(TextWriter writer, BenchmarkReport report, IEnumerable<ReportTable> tables) => writer.Write(Render(report));

    /// <summary>
    /// Columns of the multi-seed CSV: the nine required ones first, then the baseline comparison and the group.
    /// </summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "symmetry_layer", "lambda_sym_max", "n", "task_mean", "task_median", "task_ci95", "sym_mean", "sym_median", "sym_ci95",
        "task_std", "sym_std", "present", "diverged", "baseline_pairs", "factor_vs_baseline", "wilcoxon_w_plus", "p_value", "p_exact",
        "beats_baseline", "num_hidden_layers", "hidden_dim", "learning_rate", "seed_files",
    ];

    /// <summary>
    /// Columns added after <see cref="Columns"/> when some group comes from the symmetry lab (a set-up, baseline variants or
    /// orbit losses): the set-up, the variant (empty for the grid's cells) and the orbit task loss and orbit ratio summaries
    /// (empty where a cell has none). Reports of the original experiment's files have only <see cref="Columns"/>.
    /// </summary>
    public static IReadOnlyList<string> LabColumns { get; } =
    [
        "setup", "variant", "orbit_mean", "orbit_median", "orbit_ci95", "orbit_ratio_mean", "orbit_ratio_median", "orbit_ratio_ci95",
    ];

    /// <summary>
    /// One row per (group, layer, lambda_sym_max), symmetry_layer empty for the baseline; then one row per baseline variant
    /// of the group (its name in <c>variant</c>, compared with the group's baseline).
    /// </summary>
    public static string Render(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        bool lab = report.Groups.Any(g => g.Key.Setup.Length > 0 || g.Baselines.Count > 0 || g.HasOrbit);
        var sb = new StringBuilder();
        sb.Append(string.Join(',', lab ? [.. Columns, .. LabColumns] : Columns)).Append('\n');
        foreach (GroupReport g in report.Groups)
        {
            foreach (CellStatistics c in g.Cells)
            {
                Row(g, c, "", g.Files.Count);
            }

            foreach (BaselineCell b in g.Baselines)
            {
                Row(g, b.Statistics, b.Variant, b.Files.Count);
            }
        }

        return sb.ToString();

        void Row(GroupReport g, CellStatistics c, string variant, int files)
        {
            BaselineComparison? v = c.VsBaseline;
            string[] fields =
            [
                SymmetryLayerText.Format(c.SymmetryLayer), F(c.LambdaMax), I(c.Task.N),
                F(c.Task.Mean), F(c.Task.Median), F(c.Task.Ci95HalfWidth), F(c.Sym.Mean), F(c.Sym.Median), F(c.Sym.Ci95HalfWidth),
                F(c.Task.StandardDeviation), F(c.Sym.StandardDeviation), I(c.Present), I(c.Diverged),
                v is null ? "" : I(v.Pairs), v is null ? "" : F(v.Factor), v is null ? "" : F(v.Test.WPlus), v is null ? "" : F(v.Test.PValue),
                v is null ? "" : B(v.Test.Exact), v is null ? "" : B(v.BeatsBaseline),
                g.Key.NumHiddenLayers is int l ? I(l) : "", g.Key.HiddenDim is int h ? I(h) : "", F(g.Key.LearningRate), I(files),
            ];
            sb.Append(string.Join(',', fields));
            if (lab)
            {
                SummaryStatistics? o = c.Orbit, r = c.OrbitRatio;
                sb.Append(',').Append(string.Join(',', (string[])
                [
                    g.Key.Setup, variant,
                    o is null ? "" : F(o.Mean), o is null ? "" : F(o.Median), o is null ? "" : F(o.Ci95HalfWidth),
                    r is null ? "" : F(r.Mean), r is null ? "" : F(r.Median), r is null ? "" : F(r.Ci95HalfWidth),
                ]));
            }

            sb.Append('\n');
        }
    }

    /// <summary>The one-file table: <c>symmetry_layer,rank,lambda_sym_max,test_task_loss,test_sym_loss</c>, rank 1 (best) and 2 (runner-up).</summary>
    public static string Render(BestLambdaReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder("symmetry_layer,rank,lambda_sym_max,test_task_loss,test_sym_loss\n");
        foreach (LayerBest layer in report.Layers)
        {
            if (layer.Best is null)
            {
                // Every run of the layer diverged: one rank-1 row with no lambda and NaN losses says so.
                sb.Append(CultureInfo.InvariantCulture, $"{SymmetryLayerText.Format(layer.SymmetryLayer)},1,,nan,nan\n");
                continue;
            }

            Row(layer.SymmetryLayer, 1, layer.Best);
            if (layer.RunnerUp is ResultRow r)
            {
                Row(layer.SymmetryLayer, 2, r);
            }
        }

        if (report.Baseline is ResultRow b)
        {
            Row(SymmetryLayer.None, 1, b);
        }

        return sb.ToString();

        void Row(SymmetryLayer layer, int rank, ResultRow row) =>
            sb.Append(CultureInfo.InvariantCulture, $"{SymmetryLayerText.Format(layer)},{rank},{F(row.LambdaMax)},{F(row.TestTaskLoss)},{F(row.TestSymLoss)}\n");
    }

    private static string F(double value) => PythonFloat.Format(value);

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string B(bool value) => value ? "True" : "False";
}
