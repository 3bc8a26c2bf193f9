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
}
