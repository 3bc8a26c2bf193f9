namespace LatentSymmetry.Core.Evaluation;

/// <summary>The command-line and file names of <see cref="InvarianceMetric"/>: SL, Q_h, Q, RSL, MI.</summary>
public static class InvarianceMetricText
{
    /// <summary>Every single measure in report order, with its name.</summary>
    public static IReadOnlyList<(InvarianceMetric Metric, string Name)> All { get; } =
        [(InvarianceMetric.SL, "SL"), (InvarianceMetric.Qh, "Q_h"), (InvarianceMetric.Q, "Q"), (InvarianceMetric.Rsl, "RSL"), (InvarianceMetric.MI, "MI")];

    /// <summary>The name of one measure.</summary>
    public static string Name(InvarianceMetric metric) => All.First(m => m.Metric == metric).Name;

    /// <summary>Parses "SL,Q_h,MI" (any case, "all" for every one); false with a one-line message otherwise.</summary>
    public static bool TryParse(string? text, out InvarianceMetric metrics, out string error)
    {
        metrics = InvarianceMetric.None;
        error = "";
        foreach (var raw in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.Equals("all", StringComparison.OrdinalIgnoreCase)) { metrics = InvarianceMetric.All; continue; }
            var match = All.Where(m => m.Name.Equals(raw, StringComparison.OrdinalIgnoreCase) || (m.Metric == InvarianceMetric.Qh && raw.Equals("Qh", StringComparison.OrdinalIgnoreCase))).ToList();
            if (match.Count == 0)
            {
                error = $"'{raw}' is not a measure; valid: {string.Join(", ", All.Select(m => m.Name))}, all";
                return false;
            }
            metrics |= match[0].Metric;
        }
        if (metrics == InvarianceMetric.None)
        {
            error = $"no measure given; valid: {string.Join(", ", All.Select(m => m.Name))}, all";
            return false;
        }
        return true;
    }
}
