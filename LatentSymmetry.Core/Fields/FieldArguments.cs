using System.Globalization;

namespace LatentSymmetry.Core.Fields;

/// <summary>
/// The parameter values of one spec as written (already split and checked against the field's parameter
/// names), read by a field's factory with its declared defaults filling the gaps.
/// </summary>
internal sealed class FieldArguments
{
    readonly FieldDescription _field;
    readonly IReadOnlyDictionary<string, string> _given;

    public FieldArguments(FieldDescription field, IReadOnlyDictionary<string, string> given)
    {
        _field = field;
        _given = given;
    }

    public double Number(string name)
    {
        var (p, text) = Lookup(name);
        double v = ParseNumber(p, text, text);
        return Validated(p, v, text);
    }

    public int Integer(string name)
    {
        var (p, text) = Lookup(name);
        double v = ParseNumber(p, text, text);
        return (int)Validated(p, v, text);
    }

    public double[] NumberList(string name)
    {
        var (p, text) = Lookup(name);
        var parts = text.Split(';');
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            var part = parts[i].Trim();
            if (part.Length == 0)
                throw Error($"{p.Name}={text} has an empty element; {p.Name} must be {p.Valid}");
            values[i] = Validated(p, ParseNumber(p, part, text), text);
        }
        return values;
    }

    public IScalarField Field(string name)
    {
        var (p, text) = Lookup(name);
        if (text.StartsWith('('))
        {
            // The parser has checked the parentheses balance; here the first '(' must close at the very end.
            if (SpecSyntax.MatchingParenthesis(text, 0) != text.Length - 1)
                throw Error($"{p.Name}={text} has text after its closing ')'; write {p.Name}=(spec)");
            return SpecSyntax.Parse(text[1..^1]);
        }
        if (text.Contains(':') || text.Contains('='))
            throw Error($"{p.Name}={text}: a field with parameters goes in parentheses, {p.Name}=({text})");
        return SpecSyntax.Parse(text);
    }

    (FieldParameter Parameter, string Text) Lookup(string name)
    {
        var p = _field.Parameters.FirstOrDefault(q => q.Name == name)
            ?? throw new InvalidOperationException($"field '{_field.Name}' declares no parameter '{name}'");
        return (p, _given.TryGetValue(name, out var text) ? text : p.Default);
    }

    double ParseNumber(FieldParameter p, string number, string whole)
    {
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
            throw Error($"{p.Name}={whole}: '{number}' is not a number; {p.Name} must be {p.Valid}");
        return v;
    }

    double Validated(FieldParameter p, double v, string whole) =>
        p.Accepts(v) ? v : throw Error($"{p.Name}={whole} is out of range; {p.Name} must be {p.Valid}");

    FieldSpecException Error(string what) => new($"field '{_field.Name}': {what}");
}
