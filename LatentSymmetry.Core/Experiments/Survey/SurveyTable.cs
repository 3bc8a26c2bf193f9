using System.Globalization;
using System.Text;
using LatentSymmetry.Core.Experiments.Statistics;
using LatentSymmetry.Core.IO;

namespace LatentSymmetry.Core.Experiments.Survey;

/// <summary>
/// The measures of a field survey (<c>latsym survey</c>): one measure at every layer of every (field, seed) run, and
/// its files: survey.csv (one row per run and layer) and survey_summary.csv (mean, 95% t-interval and median across
/// seeds per field and layer). Fields keep the order they were added in, and runs their order within a field.
/// </summary>
public sealed class SurveyTable
{
    readonly List<(string Field, bool Invariant, List<(int Seed, double[] Values)> Runs)> _fields = [];

    /// <summary>A table of <paramref name="metric"/> (its column name, e.g. <c>Q</c>) over <paramref name="depth"/> layers (the hidden ones, then the output).</summary>
    public SurveyTable(string metric, int depth)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        Metric = metric;
        Depth = depth;
    }

    /// <summary>The measure's name.</summary>
    public string Metric { get; }

    /// <summary>The number of layers: the hidden ones, then the output.</summary>
    public int Depth { get; }

    /// <summary>Adds <paramref name="field"/> (with no runs yet), in the order the tables list fields.</summary>
    public void AddField(string field, bool invariant)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (_fields.Any(f => f.Field == field)) throw new ArgumentException($"field {field} is in the table already", nameof(field));
        _fields.Add((field, invariant, []));
    }

    /// <summary>Adds the run of <paramref name="field"/> with <paramref name="seed"/>: its measure at each layer (fewer than <see cref="Depth"/> leave the rest missing).</summary>
    public void AddRun(string field, int seed, IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var entry = _fields.FirstOrDefault(f => f.Field == field);
        if (entry.Runs is null) throw new ArgumentException($"field {field} is not in the table", nameof(field));
        entry.Runs.Add((seed, [.. values]));
    }

    /// <summary>The layer's name in the files: 1..L for the hidden layers, -1 for the output.</summary>
    public string LayerName(int k) => k == Depth - 1 ? "-1" : (k + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The measure of <paramref name="field"/> at layer index <paramref name="k"/> (0-based) in each of its runs, NaN where missing.</summary>
    public IReadOnlyList<double> Values(string field, int k) =>
        [.. _fields.First(f => f.Field == field).Runs.Select(r => k < r.Values.Length ? r.Values[k] : double.NaN)];

    /// <summary>Mean, interval and median across the finite values of <paramref name="field"/> at layer index <paramref name="k"/>.</summary>
    public SummaryStatistics Summary(string field, int k) => SummaryStatistics.Of(Values(field, k).Where(double.IsFinite));

    /// <summary>survey.csv: field, invariant, seed, layer and the measure, one row per run and layer it has.</summary>
    public string Csv()
    {
        var csv = new StringBuilder($"field,invariant,seed,layer,{Metric}\n");
        foreach (var (field, invariant, runs) in _fields)
            foreach (var (seed, values) in runs)
                for (int k = 0; k < values.Length; k++)
                    csv.Append(CultureInfo.InvariantCulture, $"\"{field}\",{invariant},{seed},{LayerName(k)},{PythonFloat.Format(values[k])}\n");
        return csv.ToString();
    }

    /// <summary>survey_summary.csv: per field and layer, the number of finite values, their mean, the 95% t-interval's half width and the median.</summary>
    public string SummaryCsv()
    {
        var summary = new StringBuilder("field,invariant,layer,n,mean,ci95_half_width,median\n");
        foreach (var (field, invariant, _) in _fields)
            for (int k = 0; k < Depth; k++)
            {
                var st = Summary(field, k);
                summary.Append(CultureInfo.InvariantCulture, $"\"{field}\",{invariant},{LayerName(k)},{st.N},{PythonFloat.Format(st.Mean)},{PythonFloat.Format(st.Ci95HalfWidth)},{PythonFloat.Format(st.Median)}\n");
            }
        return summary.ToString();
    }
}
