using LatentSymmetry.Core.IO;
using System.Globalization;

namespace LatentSymmetry.Core.Experiments.Results;

/// <summary>
/// The name of one result file, <c>layers={L}x{H}_lr={lr}_seed={seed}.csv</c>, as the original project writes it;
/// the learning rate is in short scientific form (<c>1e-4</c>, <c>3e-4</c>, <c>6e-4</c>, <c>2.5e-4</c>).
/// </summary>
/// <param name="NumHiddenLayers">Number of hidden layers L.</param>
/// <param name="HiddenDim">Width H of each hidden layer.</param>
/// <param name="LearningRate">The learning rate shared by every row of the file.</param>
/// <param name="Seed">The run seed shared by every row of the file.</param>
public sealed record ResultFileName(int NumHiddenLayers, int HiddenDim, double LearningRate, int Seed)
{
    /// <summary>The file name, e.g. <c>layers=6x128_lr=3e-4_seed=42.csv</c>.</summary>
    public string FileName =>
        string.Create(CultureInfo.InvariantCulture, $"layers={NumHiddenLayers}x{HiddenDim}_lr={FormatLearningRate(LearningRate)}_seed={Seed}")
        + (Setup.Length == 0 ? "" : SetupMarker + Setup) + ".csv";

    const string SetupMarker = "_setup=";

    /// <summary>
    /// The lab set-up of a file that is not the original experiment's, written after the seed as
    /// <c>_setup=</c> and tokens joined by <c>+</c> (e.g. <c>so2+gaussian-ring-center0.6-std0.08+sector90+invariant</c>);
    /// empty (and absent from the name) for the original experiment. Letters, digits, '.', '-' and '+' only.
    /// </summary>
    public string Setup
    {
        get => _setup;
        init => _setup = IsValidSetup(value) ? value : throw new ArgumentException($"set-up '{value}' may hold only letters, digits, '.', '-' and '+'", nameof(value));
    }

    readonly string _setup = "";

    /// <summary>True when <paramref name="setup"/> can appear in a file name: letters, digits, '.', '-', '+'.</summary>
    public static bool IsValidSetup(string? setup) => setup is not null && setup.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+');

    /// <summary>A token of a set-up from free text (a field spec): every character other than letters, digits and '.' becomes '-', '=' is dropped.</summary>
    public static string SetupToken(string text) =>
        string.Concat(text.Where(c => c != '=').Select(c => char.IsAsciiLetterOrDigit(c) || c == '.' ? c : '-')).Trim('-');

    /// <summary>The architecture part, e.g. <c>6x128</c>, used to title plots and tables.</summary>
    public string Architecture => string.Create(CultureInfo.InvariantCulture, $"{NumHiddenLayers}x{HiddenDim}");

    /// <summary>Formats a learning rate as file names do: <c>3e-4</c>, <c>1e-3</c>, <c>2.5e-4</c>, <c>1e-1</c>.</summary>
    public static string FormatLearningRate(double learningRate) => PythonFloat.FormatScientific(learningRate);

    /// <summary>Parses a file name or path (only the last path component is read).</summary>
    /// <exception cref="FormatException">The name does not follow the pattern; the message names it.</exception>
    public static ResultFileName Parse(string pathOrName) =>
        TryParse(pathOrName, out ResultFileName? name)
            ? name
            : throw new FormatException($"'{Path.GetFileName(pathOrName)}' is not a result file name (expected layers={{L}}x{{H}}_lr={{lr}}_seed={{seed}}.csv)");

    /// <summary>Parses a file name or path; false when it does not follow the pattern.</summary>
    public static bool TryParse(string? pathOrName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ResultFileName? name)
    {
        name = null;
        if (pathOrName is null)
        {
            return false;
        }

        string s = Path.GetFileName(pathOrName);
        const string Prefix = "layers=", Suffix = ".csv";
        if (!s.StartsWith(Prefix, StringComparison.Ordinal) || !s.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string body = s[Prefix.Length..^Suffix.Length];
        string setup = "";
        int setupAt = body.IndexOf(SetupMarker, StringComparison.Ordinal);
        if (setupAt >= 0)
        {
            setup = body[(setupAt + SetupMarker.Length)..];
            body = body[..setupAt];
            if (setup.Length == 0 || !IsValidSetup(setup))
            {
                return false;
            }
        }

        int lrAt = body.IndexOf("_lr=", StringComparison.Ordinal);
        int seedAt = body.LastIndexOf("_seed=", StringComparison.Ordinal);
        if (lrAt < 0 || seedAt < lrAt)
        {
            return false;
        }

        string architecture = body[..lrAt];
        string lrText = body[(lrAt + "_lr=".Length)..seedAt];
        string seedText = body[(seedAt + "_seed=".Length)..];
        int x = architecture.IndexOf('x');
        if (x < 0
            || !TryParsePositive(architecture[..x], out int layers)
            || !TryParsePositive(architecture[(x + 1)..], out int hidden)
            || !PythonFloat.TryParse(lrText, out double lr) || !double.IsFinite(lr) || lr <= 0
            || seedText.Length == 0 || !seedText.All(char.IsAsciiDigit)
            || !int.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out int seed))
        {
            return false;
        }

        name = new ResultFileName(layers, hidden, lr, seed) { Setup = setup };
        return true;
    }

    /// <summary>Same as <see cref="FileName"/>.</summary>
    public override string ToString() => FileName;

    private static bool TryParsePositive(string text, out int value)
    {
        value = 0;
        return text.Length > 0 && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;
    }
}
