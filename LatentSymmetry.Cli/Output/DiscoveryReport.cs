using System.Globalization;
using System.Text;
using System.Text.Json;
using LatentSymmetry.Core.Discovery;

namespace LatentSymmetry.Cli.Output;

/// <summary>
/// One chart's outcome: its name, its point count, its discovery (null when it was skipped), and for a run trained on
/// a region the fraction of the chart's points inside that region (null otherwise).
/// </summary>
internal sealed record ChartDiscovery(string Name, int Points, DiscoveryResult? Result, double? InTrainingRegion);

/// <summary>What <c>latsym discover</c> prints and writes to discovery.json.</summary>
internal static class DiscoveryReport
{
    /// <summary>discovery.json: the whole discovery and, with charts, each chart's.</summary>
    public static string Json(string subject, string domain, DiscoveryResult whole, IReadOnlyList<ChartDiscovery>? charts, string? chartSpec)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("subject", subject);
            w.WriteString("domain", domain);
            w.WriteString("gradients", whole.Floor.Source);
            WriteResult(w, whole);
            if (charts is not null)
            {
                w.WriteString("chart_spec", chartSpec);
                w.WriteStartArray("charts");
                foreach (var c in charts)
                {
                    w.WriteStartObject();
                    w.WriteString("name", c.Name);
                    w.WriteNumber("points", c.Points);
                    if (c.InTrainingRegion is double covered) w.WriteNumber("in_training_region", covered);
                    if (c.Result is null) w.WriteBoolean("skipped", true);
                    else WriteResult(w, c.Result);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    static void WriteResult(Utf8JsonWriter w, DiscoveryResult r)
    {
        int n = r.Space.PointDimension;
        w.WriteString("within", r.Space.Name);
        w.WriteNumber("points", r.Points);
        Numbers(w, "singular_values", r.SingularValues);
        Numbers(w, "relative_singular_values", r.RelativeSingularValues);
        w.WriteNumber("reference_rate", r.ReferenceRate);
        Numbers(w, "relative_breaking", r.RelativeBreaking);
        Numbers(w, "relative_floor", r.RelativeFloor);
        w.WriteNumber("rounding", r.Floor.Rounding);
        w.WriteNumber("dimension", r.Dimension);
        w.WriteStartArray("basis");
        foreach (var m in r.Basis)
        {
            w.WriteStartArray();
            for (int row = 0; row < n; row++) Numbers(w, null, m.AsSpan(row * n, n).ToArray());
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteStartObject("distances");
        foreach (var (name, rad) in r.Distances) w.WriteNumber(name, rad);
        w.WriteEndObject();
        w.WriteString("closest", r.Closest);
        w.WriteStartArray("violations");
        foreach (var v in r.Violations)
        {
            w.WriteStartObject();
            w.WriteString("generator", v.Name);
            w.WriteNumber("relative", v.Relative);
            w.WriteNumber("absolute", v.Absolute);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    static void Numbers(Utf8JsonWriter w, string? name, IEnumerable<double> values)
    {
        if (name is null) w.WriteStartArray(); else w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }

    static string G(double v) => NumberText.Short(v, 3);

    /// <summary>The printed report.</summary>
    public static void Write(TextWriter o, string subject, string domain, DiscoveryResult r, IReadOnlyList<ChartDiscovery>? charts)
    {
        int n = r.Space.PointDimension;
        o.WriteLine($"subject:    {subject}");
        o.WriteLine($"points:     {r.Points}, {domain}");
        o.WriteLine($"gradients:  {r.Floor.Source}");
        o.WriteLine($"within:     {r.Space.Name} ({r.Space.Dimension} dimensions)");
        o.WriteLine();
        o.WriteLine("per direction k of the constraint, ascending, relative to a random direction of gl (RMS grad f . Bx):");
        o.WriteLine("  sigma = the function's rate along v_k, breaking = the reference's (the field's) rate, floor = the gradient error's rate + rounding");
        o.WriteLine("   k       sigma    breaking       floor");
        var breaking = r.RelativeBreaking;
        var floor = r.RelativeFloor;
        for (int k = 0; k < r.SingularValues.Length; k++)
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {k + 1,2}  {G(r.RelativeSingularValues[k]),10}  {G(breaking[k]),10}  {G(floor[k]),10}   {(k < r.Dimension ? "symmetry (breaking <= floor)" : k == r.Dimension ? "broken (breaking > floor): the cut" : "")}"));
        o.WriteLine();
        o.WriteLine($"dimension:  {r.Dimension}  (the leading directions whose breaking is within the floor)");
        if (r.Dimension == r.Space.Dimension && r.Floor.Error.Any(e => e > 0))
            o.WriteLine("            every direction is within the floor: the gradient error is as large as the reference's own rates, so no breaking can be told apart here (undetermined)");
        for (int k = 0; k < r.Basis.Count; k++)
        {
            o.WriteLine($"  A{k + 1} =");
            for (int row = 0; row < n; row++)
                o.WriteLine("    [" + string.Join(" ", r.Basis[k].Skip(row * n).Take(n).Select(v => (Math.Abs(v) < 5e-13 ? 0 : v).ToString("+0.0000;-0.0000", CultureInfo.InvariantCulture))) + "]");
        }
        o.WriteLine();
        o.WriteLine("Grassmann distance (rad): " + string.Join("   ", r.Distances.Select(d => $"{d.Name} {G(d.Radians)}")));
        o.WriteLine($"closest:    {r.Closest}");
        o.WriteLine();
        o.WriteLine("violation       relative    absolute (RMS grad f . A x, per unit t of exp(tA))");
        foreach (var v in r.Violations)
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {v.Name,-12}{G(v.Relative),10}  {G(v.Absolute),10}"));
        if (charts is null) return;
        o.WriteLine();
        var names = r.Violations.Where(v => !v.Name.StartsWith('A')).Select(v => v.Name).ToList();
        int width = Math.Max(10, charts.Max(c => c.Name.Length));
        bool region = charts.Any(c => c.InTrainingRegion is not null);
        o.WriteLine($"{"chart".PadRight(width)}  points{(region ? "  trained" : "")}  dim  closest  distance  " + string.Join("  ", names.Select(x => $"{x,8}")) + "  (violation, relative)");
        foreach (var c in charts)
        {
            string trained = region ? $"  {(c.InTrainingRegion is double f ? f.ToString("0%", CultureInfo.InvariantCulture) : "-"),7}" : "";
            if (c.Result is not { } cr)
            {
                o.WriteLine($"{c.Name.PadRight(width)}  {c.Points,6}{trained}  skipped (too few points)");
                continue;
            }
            var dist = cr.Distances.Single(d => d.Name == cr.Closest).Radians;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{c.Name.PadRight(width)}  {c.Points,6}{trained}  {cr.Dimension,3}  {cr.Closest,-7}  {G(dist),8}  ") +
                string.Join("  ", names.Select(x => $"{G(cr.Violations.First(v => v.Name == x).Relative),8}")));
        }
    }
}
