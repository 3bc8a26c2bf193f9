using System.Globalization;
using LatentSymmetry.Core.Experiments.Statistics;

namespace LatentSymmetry.Core.Evaluation;

/// <summary>
/// The companion CSVs of <c>benchmark --evaluate</c> summarised per cell and measured layer across seeds: n,
/// mean and 95% t-interval of Q_h, Q, orbit_ratio and the float32 invariance error (the last row of a repeated
/// (cell, seed, layer) counts, as <see cref="EvaluationCsv"/> prescribes). Files of different set-ups (another
/// group, field or penalty kind: the <c>_setup=</c> of their names) are summarised apart.
/// </summary>
public static class EvaluationSummary
{
    /// <summary>The measures summarised, as named in the companion's header.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["Q_h", "Q", "orbit_ratio", "invariance_error_float32"];

    /// <summary>One summarised row: the cell's key text, the measured layer, and per column its statistics.</summary>
    public sealed record Row(string LearningRate, string LambdaMax, string SymmetryLayer, string Variant, string Layer, IReadOnlyList<SummaryStatistics> Statistics)
    {
        /// <summary>The set-up of the companion files the row summarises (empty for the original experiment's).</summary>
        public string Setup { get; init; } = "";

        /// <summary>The baseline variant, else the penalty kind's token of the set-up (<c>pen-normalized</c>), else empty: what sets the row's cell apart in a table.</summary>
        public string VariantOrPenalty => Variant.Length > 0 ? Variant : Setup.Split('+').LastOrDefault(t => t.StartsWith("pen-", StringComparison.Ordinal)) ?? "";
    }

    /// <summary>Reads and summarises the companion files; files that do not exist are skipped. A malformed file is an <see cref="InvalidDataException"/> naming it and the line.</summary>
    public static List<Row> Read(IEnumerable<string> companionPaths)
    {
        var last = new Dictionary<(string, string, string, string, string, string, string), double[]>();
        var order = new List<(string, string, string, string, string, string)>();
        foreach (var path in companionPaths)
        {
            if (!File.Exists(path)) continue;
            var lines = File.ReadAllLines(path);
            if (lines.Length == 0) continue;
            string setup = Experiments.Results.ResultFileName.TryParse(path, out var name) ? name.Setup : "";
            var header = lines[0].Split(',');
            int[] at = [.. Columns.Select(c => Array.IndexOf(header, c))];
            if (header.Length < 6 || header[5] != "layer" || at.Any(i => i < 0)) throw new InvalidDataException($"{path}:1: not a benchmark --evaluate file (header {lines[0]})");
            for (int n = 1; n < lines.Length; n++)
            {
                if (lines[n].Length == 0) continue;
                var c = lines[n].Split(',');
                if (c.Length != header.Length) throw new InvalidDataException($"{path}:{n + 1}: {c.Length} columns, the header has {header.Length}");
                var cell = (c[0], c[1], c[2], c[4], c[5], setup);
                if (!order.Contains(cell)) order.Add(cell);
                last[(c[0], c[1], c[2], c[4], c[5], setup, c[3])] = [.. at.Select(i => double.TryParse(c[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN)];
            }
        }
        var rows = new List<Row>();
        foreach (var cell in order)
        {
            var values = last.Where(kv => (kv.Key.Item1, kv.Key.Item2, kv.Key.Item3, kv.Key.Item4, kv.Key.Item5, kv.Key.Item6) == cell).Select(kv => kv.Value).ToList();
            rows.Add(new Row(cell.Item1, cell.Item2, cell.Item3, cell.Item4, cell.Item5,
                [.. Enumerable.Range(0, Columns.Count).Select(j => SummaryStatistics.Of(values.Select(v => v[j])))]) { Setup = cell.Item6 });
        }
        return rows;
    }
}
