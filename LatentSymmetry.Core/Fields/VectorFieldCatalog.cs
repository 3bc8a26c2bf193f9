using System.Globalization;

namespace LatentSymmetry.Core.Fields;

/// <summary>
/// Every vector field by name, and the parser of their specs: <c>grad:FIELD</c> (FIELD any scalar spec, bare or in
/// parentheses) or <c>name[:param=value,...]</c> as for scalar fields. The names are apart from the scalar catalogue's,
/// so one <c>--field</c> option takes either (<see cref="IsVectorSpec"/>).
/// </summary>
public static class VectorFieldCatalog
{
    static readonly VectorFieldDescription[] s_all =
    [
        GradientField.Description,
        CentralForceField.Description,
        DipoleZField.Description,
        UniformWindField.Description,
        RotationalFlowField.Description,
        KeplerField.Description,
        FlowStepField.Description,
    ];

    /// <summary>Every vector field: grad, then the 3-D ones, then the disk's.</summary>
    public static IReadOnlyList<VectorFieldDescription> All => s_all;

    /// <summary>True when <paramref name="spec"/> names a vector field (its name, before any ':', is in this catalogue).</summary>
    public static bool IsVectorSpec(string? spec) => Find(NameOf(spec ?? "")) is not null;

    /// <summary>The vector field a spec names, e.g. <c>grad:radial</c> or <c>central-force:width=1.5</c>.</summary>
    /// <exception cref="FieldSpecException">An unknown name or parameter, or a value out of range; the message is one line.</exception>
    public static IVectorField Parse(string spec)
    {
        var s = (spec ?? "").Trim();
        string name = NameOf(s);
        var field = Find(name) ?? throw new FieldSpecException($"unknown vector field '{name}'; valid: {string.Join(", ", s_all.Select(d => d.Name))}");
        int colon = s.IndexOf(':');
        string rest = colon < 0 ? "" : s[(colon + 1)..].Trim();
        if (field == GradientField.Description)
        {
            if (rest.Length == 0) throw new FieldSpecException("grad needs a scalar field: grad:FIELD, e.g. grad:radial");
            if (rest.StartsWith('(') && SpecSyntax.MatchingParenthesis(rest, 0) == rest.Length - 1) rest = rest[1..^1];
            return new GradientField(FieldCatalog.Parse(rest));
        }
        if (field == FlowStepField.Description) return FlowStepField.Parse(rest);
        var given = new Dictionary<string, double>(StringComparer.Ordinal);
        if (colon >= 0)
            foreach (var part in rest.Split(','))
            {
                int eq = part.IndexOf('=');
                var key = eq < 0 ? part.Trim() : part[..eq].Trim();
                var p = field.Parameters.FirstOrDefault(q => q.Name == key)
                    ?? throw new FieldSpecException($"field '{name}' has no parameter '{key}'; parameters: {string.Join(", ", field.Parameters.Select(q => q.Name))}");
                var text = eq < 0 ? "" : part[(eq + 1)..].Trim();
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !p.Accepts(v))
                    throw new FieldSpecException($"field '{name}': {key}={text} is not valid; {key} must be {p.Valid}");
                if (!given.TryAdd(key, v)) throw new FieldSpecException($"field '{name}': {key} is given twice");
            }
        return field.Create(key => given.TryGetValue(key, out double v)
            ? v : double.Parse(field.Parameters.First(q => q.Name == key).Default, CultureInfo.InvariantCulture));
    }

    static string NameOf(string spec)
    {
        int colon = spec.IndexOf(':');
        return (colon < 0 ? spec : spec[..colon]).Trim();
    }

    static VectorFieldDescription? Find(string name) => Array.Find(s_all, d => d.Name == name);
}
