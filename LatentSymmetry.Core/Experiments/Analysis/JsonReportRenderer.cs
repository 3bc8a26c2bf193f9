using LatentSymmetry.Core.Models;
using System.Text;
using System.Text.Json;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Experiments.Statistics;

namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>
/// Renders analysis reports as indented JSON with snake_case names. JSON has no NaN or infinity: undefined statistics
/// (n &lt; 2, diverged runs) are written as <c>null</c>. Written with <see cref="Utf8JsonWriter"/>, no reflection.
/// </summary>
public sealed class JsonReportRenderer : IReportRenderer
{
    private JsonReportRenderer()
    {
    }

    /// <summary>The one instance, as the format catalogs register it.</summary>
    public static JsonReportRenderer Instance { get; } = new();

    /// <inheritdoc/>
    public string Name => "json";

    /// <inheritdoc/>
    public string Description => "one object: alpha, groups, warnings";

    /// <inheritdoc/>
    public bool CarriesWarnings => true;

    // The document ends with a line end, as a file on its own would.
    /// <inheritdoc/>
    void IReportRenderer.Write(TextWriter writer, BestLambdaReport report, IEnumerable<ReportTable> tables) => writer.WriteLine(Render(report));

    /// <inheritdoc/>
    void IReportRenderer.Write(TextWriter writer, BenchmarkReport report, IEnumerable<ReportTable> tables) => writer.WriteLine(Render(report));

    private static readonly JsonWriterOptions Options = new() { Indented = true };

    /// <summary>The multi-seed report.</summary>
    public static string Render(BenchmarkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Write(w =>
        {
            w.WriteStartObject();
            Number(w, "alpha", report.Alpha);
            w.WriteStartArray("groups");
            foreach (GroupReport g in report.Groups)
            {
                w.WriteStartObject();
                Int(w, "num_hidden_layers", g.Key.NumHiddenLayers);
                Int(w, "hidden_dim", g.Key.HiddenDim);
                Number(w, "learning_rate", g.Key.LearningRate);
                w.WriteString("title", g.Key.Title);
                if (g.Key.Setup.Length > 0)
                {
                    w.WriteString("setup", g.Key.Setup);
                }

                Strings(w, "files", g.Files);
                w.WriteStartArray("seeds");
                foreach (int? s in g.Seeds)
                {
                    if (s is int seed)
                    {
                        w.WriteNumberValue(seed);
                    }
                    else
                    {
                        w.WriteNullValue();
                    }
                }

                w.WriteEndArray();
                bool orbit = g.HasOrbit;
                Cells(w, "cells", g.Cells, orbit);
                if (g.Baselines.Count > 0)
                {
                    // The alternatives run beside the grid, with the cells' fields, compared with the plain-MLP baseline.
                    w.WriteStartArray("baselines");
                    foreach (BaselineCell b in g.Baselines)
                    {
                        w.WriteStartObject();
                        w.WriteString("variant", b.Variant);
                        Strings(w, "files", b.Files);
                        CellFields(w, b.Statistics, orbit);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                }

                Cells(w, "best_by_layer", g.BestByLayer, orbit);
                w.WriteStartArray("beat_baseline");
                foreach (CellStatistics c in g.BeatBaseline)
                {
                    w.WriteStartObject();
                    Int(w, "symmetry_layer", c.SymmetryLayer);
                    Number(w, "lambda_sym_max", c.LambdaMax);
                    Number(w, "factor", c.VsBaseline!.Factor);
                    Number(w, "p_value", c.VsBaseline.Test.PValue);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteStartArray("incomplete");
                foreach (IncompleteCell c in g.Incomplete)
                {
                    w.WriteStartObject();
                    Int(w, "symmetry_layer", c.SymmetryLayer);
                    Number(w, "lambda_sym_max", c.LambdaMax);
                    if (c.Variant is string variant)
                    {
                        w.WriteString("variant", variant);
                    }

                    w.WriteNumber("present", c.Present);
                    Strings(w, "missing_from", c.MissingFrom);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Strings(w, "warnings", report.Warnings);
            w.WriteEndObject();
        });
    }

    /// <summary>The one-file best/runner-up table.</summary>
    public static string Render(BestLambdaReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("source", report.Source);
            w.WriteStartArray("layers");
            foreach (LayerBest layer in report.Layers)
            {
                w.WriteStartObject();
                w.WriteNumber("symmetry_layer", layer.SymmetryLayer.Value);
                Row(w, "best", layer.Best);
                Row(w, "runner_up", layer.RunnerUp);
                w.WriteNumber("diverged", layer.Diverged);
                w.WriteBoolean("all_diverged", layer.Best is null);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            Row(w, "baseline", report.Baseline);
            Strings(w, "warnings", report.Warnings);
            w.WriteEndObject();
        });
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            body(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Cells(Utf8JsonWriter w, string name, IReadOnlyList<CellStatistics> cells, bool orbit)
    {
        w.WriteStartArray(name);
        foreach (CellStatistics c in cells)
        {
            w.WriteStartObject();
            CellFields(w, c, orbit);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    // The orbit summaries are written only for groups that have them, so the original experiment's reports keep their keys.
    private static void CellFields(Utf8JsonWriter w, CellStatistics c, bool orbit)
    {
        Int(w, "symmetry_layer", c.SymmetryLayer);
        Number(w, "lambda_sym_max", c.LambdaMax);
        w.WriteNumber("present", c.Present);
        w.WriteNumber("diverged", c.Diverged);
        Summary(w, "task", c.Task);
        Summary(w, "sym", c.Sym);
        if (orbit)
        {
            Summary(w, "orbit_task", c.Orbit);
            Summary(w, "orbit_ratio", c.OrbitRatio);
        }

        if (c.VsBaseline is BaselineComparison v)
        {
            w.WriteStartObject("vs_baseline");
            w.WriteNumber("pairs", v.Pairs);
            Number(w, "cell_mean", v.CellMean);
            Number(w, "baseline_mean", v.BaselineMean);
            Number(w, "cell_median", v.CellMedian);
            Number(w, "baseline_median", v.BaselineMedian);
            Number(w, "factor", v.Factor);
            Number(w, "w_plus", v.Test.WPlus);
            Number(w, "w_minus", v.Test.WMinus);
            Number(w, "p_value", v.Test.PValue);
            w.WriteBoolean("exact", v.Test.Exact);
            w.WriteBoolean("beats_baseline", v.BeatsBaseline);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("vs_baseline");
        }
    }

    private static void Summary(Utf8JsonWriter w, string name, SummaryStatistics? s)
    {
        if (s is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteNumber("n", s.N);
        Number(w, "mean", s.Mean);
        Number(w, "median", s.Median);
        Number(w, "std", s.StandardDeviation);
        Number(w, "ci95", s.Ci95HalfWidth);
        w.WriteEndObject();
    }

    private static void Row(Utf8JsonWriter w, string name, ResultRow? row)
    {
        if (row is null)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        Number(w, "learning_rate", row.LearningRate);
        Number(w, "lambda_sym_max", row.LambdaMax);
        Int(w, "symmetry_layer", row.SymmetryLayer);
        Number(w, "test_task_loss", row.TestTaskLoss);
        Number(w, "test_sym_loss", row.TestSymLoss);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Int(Utf8JsonWriter w, string name, SymmetryLayer layer) => Int(w, name, layer.Number);

    private static void Int(Utf8JsonWriter w, string name, int? value)
    {
        if (value is int v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (string v in values)
        {
            w.WriteStringValue(v);
        }

        w.WriteEndArray();
    }
}
