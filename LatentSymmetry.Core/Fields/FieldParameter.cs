namespace LatentSymmetry.Core.Fields;

/// <summary>One parameter of a catalogue field: its name, default, valid values and meaning.</summary>
public sealed class FieldParameter
{
    readonly NumberRange? _range;

    FieldParameter(string name, FieldParameterKind kind, string @default, string valid, string meaning, NumberRange? range)
    {
        Name = name;
        Kind = kind;
        Default = @default;
        Valid = valid;
        Meaning = meaning;
        _range = range;
    }

    /// <summary>The parameter's name in a spec, e.g. <c>std</c>.</summary>
    public string Name { get; }

    /// <summary>How its value is written.</summary>
    public FieldParameterKind Kind { get; }

    /// <summary>The default value as spec text, e.g. <c>0.08</c>, <c>0.3;0.7</c> or <c>(fourier:k=2)</c>.</summary>
    public string Default { get; }

    /// <summary>The values it accepts, in words, e.g. <c>a finite number &gt; 0</c>.</summary>
    public string Valid { get; }

    /// <summary>What it means, in a few words.</summary>
    public string Meaning { get; }

    internal static FieldParameter Number(string name, double @default, NumberRange range, string meaning) =>
        new(name, FieldParameterKind.Number, SpecText.Number(@default), range.Text, meaning, range);

    internal static FieldParameter Integer(string name, int @default, string meaning) =>
        new(name, FieldParameterKind.Integer, SpecText.Number(@default), NumberRange.Integer.Text, meaning, NumberRange.Integer);

    internal static FieldParameter NumberList(string name, IReadOnlyList<double> @default, NumberRange range, string meaning) =>
        new(name, FieldParameterKind.NumberList, SpecText.NumberList(@default), $"numbers separated by ';', each {range.Text}", meaning, range);

    internal static FieldParameter Field(string name, string defaultSpec, string meaning) =>
        new(name, FieldParameterKind.Field, $"({defaultSpec})", "a field spec in parentheses, e.g. (fourier:k=3); a bare name needs none", meaning, null);

    /// <summary>Whether one number (or one list element) is valid for this parameter.</summary>
    internal bool Accepts(double value) => _range is not null && _range.Accepts(value);

    /// <summary>
    /// The constructors' check: returns <paramref name="value"/> or throws. The parser checks first with a
    /// user-facing message, so this fires only for code calling a constructor directly.
    /// </summary>
    internal double Check(double value) =>
        Accepts(value) ? value : throw new ArgumentOutOfRangeException(Name, value, $"{Name} must be {Valid}.");
}
