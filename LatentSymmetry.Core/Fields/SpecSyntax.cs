namespace LatentSymmetry.Core.Fields;

/// <summary>
/// The spec grammar: <c>name[:param=value,...]</c>, where a value is a number, numbers separated by
/// <c>;</c>, or a nested spec in parentheses. Splitting happens only at depth 0, so a nested spec keeps
/// its own commas.
/// </summary>
internal static class SpecSyntax
{
    public static IScalarField Parse(string? spec)
    {
        var s = (spec ?? "").Trim();
        if (s.Length == 0)
            throw new FieldSpecException("the field spec is empty; give a name such as gaussian-ring or radial (run 'latsym fields' for the list)");
        CheckBalanced(s);

        int colon = s.IndexOf(':');
        string name = (colon < 0 ? s : s[..colon]).Trim();
        var field = FieldCatalog.Find(name)
            ?? throw new FieldSpecException($"unknown field '{name}'; valid: {string.Join(", ", FieldCatalog.All.Select(d => d.Name))}");

        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        if (colon >= 0)
        {
            if (field.Parameters.Count == 0)
                throw new FieldSpecException($"field '{name}' takes no parameters; write just '{name}'");
            foreach (var part in SplitTopLevel(s[(colon + 1)..]))
            {
                var item = part.Trim();
                if (item.Length == 0)
                    throw new FieldSpecException($"field '{name}': empty parameter in '{s}' (a stray comma?); parameters: {ParameterList(field)}");
                int eq = item.IndexOf('=');
                if (eq < 0)
                    throw new FieldSpecException($"field '{name}': '{item}' is not param=value; parameters: {ParameterList(field)}");
                var key = item[..eq].Trim();
                var value = item[(eq + 1)..].Trim();
                var p = field.Parameters.FirstOrDefault(q => q.Name == key)
                    ?? throw new FieldSpecException($"field '{name}' has no parameter '{key}'; parameters: {ParameterList(field)}");
                if (value.Length == 0)
                    throw new FieldSpecException($"field '{name}': {key} has no value; {key} must be {p.Valid}");
                if (!given.TryAdd(key, value))
                    throw new FieldSpecException($"field '{name}': {key} is given twice");
            }
        }
        return field.Create(new FieldArguments(field, given));
    }

    /// <summary>The index of the ')' closing the '(' at <paramref name="open"/>, or -1.</summary>
    public static int MatchingParenthesis(string text, int open)
    {
        int depth = 0;
        for (int i = open; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')' && --depth == 0) return i;
        }
        return -1;
    }

    static void CheckBalanced(string s)
    {
        int depth = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '(') depth++;
            else if (s[i] == ')' && --depth < 0)
                throw new FieldSpecException($"field spec '{s}': the ')' at character {i + 1} closes no '('");
        }
        if (depth > 0)
            throw new FieldSpecException($"field spec '{s}': unbalanced parentheses, {depth} '(' not closed");
    }

    static List<string> SplitTopLevel(string s)
    {
        var parts = new List<string>();
        int depth = 0, start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '(') depth++;
            else if (s[i] == ')') depth--;
            else if (s[i] == ',' && depth == 0)
            {
                parts.Add(s[start..i]);
                start = i + 1;
            }
        }
        parts.Add(s[start..]);
        return parts;
    }

    static string ParameterList(FieldDescription field) =>
        field.Parameters.Count == 0 ? "none" : string.Join(", ", field.Parameters.Select(p => $"{p.Name} (default {p.Default})"));
}
