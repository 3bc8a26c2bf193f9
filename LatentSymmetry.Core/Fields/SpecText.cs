using System.Globalization;

namespace LatentSymmetry.Core.Fields;

/// <summary>Writes the canonical spec text: numbers in their shortest round-trip form, parameters in declared order.</summary>
internal static class SpecText
{
    /// <summary>The shortest text that parses back to the same double (invariant culture).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string NumberList(IReadOnlyList<double> values) => string.Join(";", values.Select(Number));

    /// <summary><c>name:k1=v1,k2=v2</c>, or just the name when there are no parameters.</summary>
    public static string Spec(string name, params (string Key, string Value)[] parameters) =>
        parameters.Length == 0 ? name : $"{name}:{string.Join(",", parameters.Select(p => $"{p.Key}={p.Value}"))}";

    public static (string, string) Of(string key, double value) => (key, Number(value));

    /// <summary>A nested field is always written in parentheses so its own commas stay inside.</summary>
    public static (string, string) Of(string key, IScalarField field) => (key, $"({field.Spec})");
}
