using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LatentSymmetry.Cli.Plots;

namespace LatentSymmetry.Cli.Report;

/// <summary>
/// A survey directory read for the report: survey.png redrawn as SVG from survey.csv (the untrained reference from the
/// runs' invariance.json), mix.png from the mix sweep's fields (mix:alpha=...; left out of survey.png, as survey leaves
/// them out) and survey_summary.csv as a table.
/// </summary>
internal sealed record SurveyReading(string Metric, string? Svg, (string[] Headers, List<IReadOnlyList<string>> Rows)? Summary)
{
    /// <summary>mix.png redrawn (the measure at each layer against alpha), when the survey swept a mix; else null.</summary>
    public string? MixSvg { get; init; }

    public static SurveyReading Read(string directory, List<string> warnings)
    {
        string path = Path.Combine(directory, "survey.csv");
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0)
        {
            warnings.Add($"{path}: empty; survey figure left out");
            return new SurveyReading("?", null, null);
        }
        var header = Split(lines[0]);
        string metric = header.Length == 5 ? header[4] : "?";
        var values = new Dictionary<string, (bool Invariant, Dictionary<string, List<double>> ByLayer)>();
        var fieldOrder = new List<string>();
        var layerOrder = new List<string>();
        int skipped = 0;
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var c = Split(line);
            if (c.Length != 5 || !double.TryParse(c[4], NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) { skipped++; continue; }
            if (!double.IsFinite(v)) { skipped++; continue; }
            if (!values.TryGetValue(c[0], out var field))
            {
                values[c[0]] = field = (c[1] == "True", []);
                fieldOrder.Add(c[0]);
            }
            if (!field.ByLayer.TryGetValue(c[3], out var list)) field.ByLayer[c[3]] = list = [];
            list.Add(v);
            if (!layerOrder.Contains(c[3])) layerOrder.Add(c[3]);
        }
        if (skipped > 0) warnings.Add($"{path}: {skipped} row(s) torn or with a NaN value skipped");
        // Layers 1..L, then the output (-1).
        layerOrder = [.. layerOrder.OrderBy(l => l == "-1" ? int.MaxValue : int.Parse(l, CultureInfo.InvariantCulture))];
        var mixes = fieldOrder.Where(f => f.StartsWith("mix:alpha=", StringComparison.Ordinal)).ToList();
        var drawn = mixes.Count > 1 ? fieldOrder.Except(mixes).ToList() : fieldOrder;
        var fieldLines = drawn.Select(f => new SurveyFigure.FieldLine(f, values[f].Invariant,
            [.. layerOrder.Select(l => (IReadOnlyList<double>)(values[f].ByLayer.TryGetValue(l, out var list) ? list : []))])).ToList();
        var (group, reference) = FromRuns(Path.Combine(directory, "runs"), metric, layerOrder.Count);
        string? svg = fieldLines.Count > 0 ? SurveyFigure.Svg(metric, group, fieldLines, reference) : null;
        if (svg is null) warnings.Add($"{path}: no finite values; survey figure left out");

        (string[], List<IReadOnlyList<string>>)? summary = null;
        string summaryPath = Path.Combine(directory, "survey_summary.csv");
        if (File.Exists(summaryPath))
        {
            var rows = File.ReadAllLines(summaryPath).Where(l => l.Length > 0).Select(Split).ToList();
            // Four significant digits, as the survey's own table: the file keeps every digit.
            static string Cell(string c) => (c.Contains('.') || c.Contains('e')) && double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? Output.NumberText.Short(v) : c;
            if (rows.Count > 1) summary = (rows[0], [.. rows.Skip(1).Where(r => r.Length == rows[0].Length).Select(r => (IReadOnlyList<string>)[.. r.Select(Cell)])]);
        }
        string? mix = null;
        if (mixes.Count > 1)
        {
            // mix:alpha=A,a=(SPEC),b=(SPEC), as survey --mix-alpha names the fields it adds.
            var parts = mixes.Select(f => Regex.Match(f, @"^mix:alpha=([^,]+),a=\((.*)\),b=\((.*)\)$")).ToList();
            if (parts.All(m => m.Success && double.TryParse(m.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                var order = Enumerable.Range(0, mixes.Count).OrderBy(i => double.Parse(parts[i].Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
                mix = SurveyFigure.MixSvg(metric, [.. order.Select(i => double.Parse(parts[i].Groups[1].Value, CultureInfo.InvariantCulture))],
                    [.. order.Select(i => (IReadOnlyList<IReadOnlyList<double>>)[.. layerOrder.Select(l => (IReadOnlyList<double>)(values[mixes[i]].ByLayer.TryGetValue(l, out var list) ? list : []))])],
                    parts[0].Groups[2].Value, parts[0].Groups[3].Value);
            }
        }
        return new SurveyReading(metric, svg, summary) { MixSvg = mix };
    }

    // The group from a run's config.json, and the untrained network's measure per layer averaged over the runs that have it.
    static (string Group, double[] Reference) FromRuns(string runs, string metric, int layers)
    {
        string group = "the group";
        var sums = new double[layers];
        var counts = new int[layers];
        if (!Directory.Exists(runs)) return (group, []);
        foreach (var run in Directory.EnumerateDirectories(runs).Order(StringComparer.Ordinal))
        {
            try
            {
                string config = Path.Combine(run, "config.json");
                if (group == "the group" && File.Exists(config))
                {
                    using var c = JsonDocument.Parse(File.ReadAllText(config));
                    if (c.RootElement.TryGetProperty("group", out var g) && g.ValueKind == JsonValueKind.String) group = g.GetString()!;
                }
                string invariance = Path.Combine(run, "invariance.json");
                if (!File.Exists(invariance)) continue;
                using var doc = JsonDocument.Parse(File.ReadAllText(invariance));
                if (!doc.RootElement.TryGetProperty("reference_layers", out var r) || r.ValueKind != JsonValueKind.Array) continue;
                int k = 0;
                foreach (var layer in r.EnumerateArray())
                {
                    if (k < layers && layer.TryGetProperty(metric, out var v) && v.ValueKind == JsonValueKind.Number)
                    {
                        sums[k] += v.GetDouble();
                        counts[k]++;
                    }
                    k++;
                }
            }
            catch (JsonException) { } // a damaged run file only loses the dashed reference line
        }
        return (group, counts.All(c => c == 0) ? [] : [.. sums.Select((s, k) => counts[k] > 0 ? s / counts[k] : double.NaN)]);
    }

    /// <summary>One CSV line split at commas outside double quotes, the quotes removed ("" inside quotes is one quote).</summary>
    internal static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char ch = line[i];
            if (ch == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else quoted = !quoted;
            }
            else if (ch == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(ch);
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }
}
