using System.CommandLine;
using System.CommandLine.Parsing;

namespace LatentSymmetry.Cli.Commands;

/// <summary>
/// One line for a System.CommandLine parse error, in the user's words: the option, the value and what was
/// expected ("--epochs: 'abc' is not a whole number"), never a .NET type name such as System.Int32.
/// </summary>
internal static class ParseErrorText
{
    /// <summary>The error to report of several: an unknown word first (it usually explains the others).</summary>
    public static ParseError First(IReadOnlyList<ParseError> errors) =>
        errors.FirstOrDefault(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal)) ?? errors[0];

    /// <summary>System.CommandLine's "Required command was not provided": a command that only groups subcommands, given none.</summary>
    public static bool IsMissingSubcommand(ParseResult parse, ParseError error) =>
        error.SymbolResult is CommandResult { Command: { Action: null, Subcommands.Count: > 0 } }
        // "Unrecognized command or argument 'foo'" belongs to the same command: it is the one naming a word.
        && !parse.UnmatchedTokens.Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal));

    public static string Describe(ParseError error)
    {
        // An unknown word that looks like an option: the same words as UnknownOption gives after a list.
        if (error.Message.StartsWith("Unrecognized command or argument", StringComparison.Ordinal) && Quoted(error.Message) is { } word && word.StartsWith('-'))
            return $"unknown option '{word}'";
        // A value that failed type conversion: System.CommandLine says "Cannot parse argument 'x' for option
        // '--o' as expected type 'System.Double'"; we keep the option and the value and name the kind of value.
        var option = error.SymbolResult switch
        {
            OptionResult o => o.Option,
            ArgumentResult { Parent: OptionResult o } => o.Option,
            _ => null,
        };
        // A single-value option given twice ("--epochs 2 ... --epochs 5"): System.CommandLine's "expects a single
        // argument but 2 were provided", said with the option and the values.
        if (error.SymbolResult is OptionResult { Option.Arity.MaximumNumberOfValues: 1 } repeated && repeated.Tokens.Count > 1)
            return $"{repeated.Option.Name} given {repeated.Tokens.Count} times ({string.Join(", ", repeated.Tokens.Select(t => $"'{t.Value}'"))}); give it once";
        if (option is not null && error.Message.StartsWith("Cannot parse argument", StringComparison.Ordinal))
        {
            var token = Quoted(error.Message) ?? string.Join(" ", error.SymbolResult!.Tokens.Select(t => t.Value));
            var type = option.ValueType.IsArray ? option.ValueType.GetElementType()! : option.ValueType;
            return $"{option.Name}: {Expected(token, type)}";
        }
        // Other messages (a value not among the allowed ones lists them on several lines) become one line.
        var flat = string.Join(" ", error.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd('.');
        return option is not null && !flat.Contains(option.Name, StringComparison.Ordinal) ? $"{option.Name}: {flat}" : flat;
    }

    /// <summary>
    /// An option that takes a value but was given none at one of its occurrences ("--lambdas 0 --lambdas"):
    /// System.CommandLine merges the occurrences and accepts it, we refuse it. Null when there is none.
    /// </summary>
    public static string? MissingValue(ParseResult parse)
    {
        var tokens = parse.Tokens;
        var options = parse.CommandResult.Command.Options;
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Type == TokenType.Option
                && options.FirstOrDefault(o => o.Name == tokens[i].Value || o.Aliases.Contains(tokens[i].Value)) is { Arity.MinimumNumberOfValues: > 0 } option
                && (i + 1 == tokens.Count || tokens[i + 1].Type != TokenType.Argument))
                return $"{tokens[i].Value}: no value given";
        }
        return null;
    }

    /// <summary>
    /// A word that looks like an option but is none of the command's ("--headless" after benchmark's "--seeds 1",
    /// "--typo" after analyze's files): System.CommandLine takes it as a value of the list or argument before it,
    /// which then reported "invalid seed '--headless'" or "no such file". Null when there is none; words after
    /// "--" are values, as usual.
    /// </summary>
    public static string? UnknownOption(ParseResult parse)
    {
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash) return null;
            if (token.Type == TokenType.Argument && token.Value.Length > 2 && token.Value.StartsWith("--", StringComparison.Ordinal) && char.IsLetter(token.Value[2]))
                return $"unknown option '{token.Value}'";
        }
        return null;
    }

    static string Expected(string token, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(double) || type == typeof(float))
            return ScalarNumberText.DoubleProblem(token);
        if (type == typeof(int) || type == typeof(long))
            return $"'{token}' is not a whole number" + (IsWholeNumberTooLarge(token) ? $" in range ({int.MinValue} to {int.MaxValue})" : "");
        if (type == typeof(bool)) return $"'{token}' is not true or false";
        return $"'{token}' is not a valid value";
    }

    static bool IsWholeNumberTooLarge(string token) => token.Trim().TrimStart('+', '-').All(char.IsAsciiDigit) && token.Trim().Length > 0;

    static string? Quoted(string message)
    {
        int start = message.IndexOf('\'');
        int end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start ? message[(start + 1)..end] : null;
    }
}
