using System.CommandLine;

namespace LatentSymmetry.Cli.Output;

/// <summary>
/// The help of <c>latsym</c> itself: one line per command, the detail left to <c>latsym COMMAND --help</c>.
/// System.CommandLine lists each command with its whole description, which made the top-level help a page of
/// paragraphs (evaluate's alone about 2,000 characters).
/// </summary>
internal static class RootHelp
{
    /// <summary>Each command's line in the top-level help, short enough for 80 columns; a command without one fails ProgramTests.</summary>
    internal static readonly IReadOnlyDictionary<string, string> Summaries = new Dictionary<string, string>
    {
        ["train"] = "Train a network with the penalty into a run directory.",
        ["profile"] = "Speed of the matrix product, a training step, rotations.",
        ["benchmark"] = "Run the grid lambda_max x layer x lr x seed; resumable.",
        ["analyze"] = "Best lambda_max per layer and statistics across seeds.",
        ["compare"] = "Plot test losses or a measure against lambda_max.",
        ["fields"] = "List the catalogue's target fields, or describe one.",
        ["evaluate"] = "Measure how invariant a saved run is, layer by layer.",
        ["discover"] = "Which linear symmetries a run or a field has, and where.",
        ["survey"] = "Train and evaluate per field and seed: the field survey.",
        ["report"] = "One self-contained HTML page of a study: tables, figures.",
        ["rollout"] = "Roll a learned flow out H steps, in region and turned.",
    };

    /// <summary>Writes the top-level help of <paramref name="root"/>.</summary>
    public static void Write(RootCommand root, TextWriter output)
    {
        output.WriteLine("Description:");
        foreach (var line in root.Description!.Split('\n')) output.WriteLine("  " + line);
        output.WriteLine();
        output.WriteLine("Usage:");
        output.WriteLine("  latsym [command] [options]");
        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  -?, -h, --help  Show help and usage information");
        output.WriteLine("  --version       Show version information");
        output.WriteLine();
        output.WriteLine("Commands:");
        int width = root.Subcommands.Max(c => Usage(c).Length);
        foreach (var command in root.Subcommands)
            output.WriteLine($"  {Usage(command).PadRight(width)}  {Summaries.GetValueOrDefault(command.Name, "")}".TrimEnd());
        output.WriteLine();
        output.WriteLine("Run 'latsym COMMAND --help' for a command's options and what it writes.");
    }

    static string Usage(Command command) =>
        command.Name + string.Concat(command.Arguments.Select(a => $" <{a.Name}>"));
}
