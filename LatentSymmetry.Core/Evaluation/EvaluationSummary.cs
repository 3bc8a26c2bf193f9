using System.Globalization;
using LatentSymmetry.Core.Experiments.Statistics;

namespace LatentSymmetry.Core.Evaluation;

/// <summary>
/// The companion CSVs of <c>benchmark --evaluate</c> summarised per cell and measured layer across seeds: n,
/// mean and 95% t-interval of Q_h, Q, orbit_ratio and the float32 invariance error (the last row of a repeated
/// (cell, seed, layer) counts, as <see cref="EvaluationCsv"/> prescribes).
/// </summary>
public static class EvaluationSummary
{
    /// <summary>The measures summarised, as named in the companion's header.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["Q_h", "Q", "orbit_ratio", "invariance_error_float32"];

    /// <summary>One summarised row: the cell's key text, the measured layer, and per column its statistics.</summary>
    public sealed record Row(string LearningRate, string LambdaMax, string SymmetryLayer, string Variant, string Layer, IReadOnlyList<SummaryStatistics> Statistics);

    /// <summary>Reads and summarises the companion files; files that do not exist are skipped. A malformed file is an <see cref="InvalidDataException"/> naming it and the line.</summary>
    public static List<Row> Read(IEnumerable<string> companionPaths)
    {
        var last = new Dictionary<(string, string, string, string, string, string), double[]>();
        var order = new List<(string, string, string, string, string)>();
        foreach (var path in companionPaths)
        {
            if (!File.Exists(path)) continue;
            var lines = File.ReadAllLines(path);
            if (lines.Length == 0) continue;
            var header = lines[0].Split(',');
            int[] at = [.. Columns.Select(c => Array.IndexOf(header, c))];
            if (header.Length < 6 || header[5] != "layer" || at.Any(i => i < 0)) throw new InvalidDataException($"{path}:1: not a benchmark --evaluate file (header {lines[0]})");
            for (int n = 1; n < lines.Length; n++)
            {
                if (lines[n].Length == 0) continue;
                var c = lines[n].Split(',');
                if (c.Length != header.Length) throw new InvalidDataException($"{path}:{n + 1}: {c.Length} columns, the header has {header.Length}");
                var cell = (c[0], c[1], c[2], c[4], c[5]);
                if (!order.Contains(cell)) order.Add(cell);
                last[(c[0], c[1], c[2], c[4], c[5], c[3])] = [.. at.Select(i => double.TryParse(c[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN)];
            }
        }
        var rows = new List<Row>();
        foreach (var cell in order)
        {
            var values = last.Where(kv => (kv.Key.Item1, kv.Key.Item2, kv.Key.Item3, kv.Key.Item4, kv.Key.Item5) == cell).Select(kv => kv.Value).ToList();
            rows.Add(new Row(cell.Item1, cell.Item2, cell.Item3, cell.Item4, cell.Item5,
                [.. Enumerable.Range(0, Columns.Count).Select(j => SummaryStatistics.Of(values.Select(v => v[j])))]));
        }
        return rows;
    }
}
