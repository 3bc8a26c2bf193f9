using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.IO;
using System.Globalization;

namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>Number formats shared by the human-readable renderers.</summary>
public static class ReportText
{
    /// <summary>Four-digit scientific form as the original's <c>{:.4e}</c>: <c>5.1234e-04</c>; <c>n/a</c> for NaN.</summary>
    public static string Sci(double value) =>
        double.IsNaN(value) ? "n/a" : double.IsInfinity(value) ? PythonFloat.Format(value) : value.ToString("0.0000e+00", CultureInfo.InvariantCulture);

    /// <summary>A p-value with three significant digits.</summary>
    public static string P(double value) => value.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>A ratio with three significant digits and a times sign: <c>1.52×</c>.</summary>
    public static string Factor(double value) => value.ToString("G3", CultureInfo.InvariantCulture) + "×";

    /// <summary>The layer as shown in reports: its number, <c>-1 (output)</c>, or <c>baseline</c>.</summary>
    public static string Layer(SymmetryLayer layer) => layer.Number switch
    {
        null => "baseline",
        -1 => "-1 (output)",
        int l => l.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>A baseline variant as reports show it: <c>augmentation</c>, <c>invariant model</c>.</summary>
    public static string Variant(string variant) => Grid.Baseline.Find(variant) is { } b && b.Name == variant ? b.Label : variant;

    /// <summary>A mean and the half-width of its 95% interval: <c>5.1234e-04 ± 1.2000e-05</c>; <c>n/a</c> when there is no summary.</summary>
    public static string MeanCi(Statistics.SummaryStatistics? s) => s is null ? "n/a" : $"{Sci(s.Mean)} ± {Sci(s.Ci95HalfWidth)}";

    /// <summary>Where a cell that some files lack is: <c>layer 1, λ_max 0.1</c>, or the variant's name.</summary>
    public static string Where(IncompleteCell cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return cell.Variant is string v ? Variant(v) : $"layer {Layer(cell.SymmetryLayer)}, λ_max {PythonFloat.Format(cell.LambdaMax)}";
    }

    /// <summary>The notes under a table that has baseline variants or orbit columns, saying what they are; none when it has neither.</summary>
    public static IReadOnlyList<string> Notes(GroupReport group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var parts = new List<string>();
        if (group.Baselines.Count > 0)
        {
            bool one = group.Baselines.Count == 1;
            parts.Add(string.Join(", ", group.Baselines.Select(b => Variant(b.Variant))) +
                $": {(one ? "the alternative" : "the alternatives")} run beside the grid (benchmark --baselines), without a penalty; " +
                $"{(one ? "its" : "their")} vs baseline pairs each seed with the plain MLP (the baseline row) of the same seed");
        }

        if (group.HasOrbit)
        {
            parts.Add("orbit: test MSE on the test points each turned by a Haar rotation of the group; orbit ratio = orbit / test task loss per seed (1: as good across the group as on the test points)");
        }

        return parts;
    }
}
