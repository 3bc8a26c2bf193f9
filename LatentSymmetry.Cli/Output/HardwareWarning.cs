using System.CommandLine;
using System.CommandLine.Help;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Cli.Output;

/// <summary>
/// The one stderr line a computing command (train, benchmark, profile) writes first when fused multiply-add
/// runs in software: a 200x slowdown should never be silent. stdout (and so --json output) is untouched.
/// </summary>
internal static class HardwareWarning
{
    private static readonly HashSet<string> ComputingCommands = ["train", "benchmark", "profile"];

    /// <summary>Writes the warning for <paramref name="parse"/> if it runs a computing command and <paramref name="advice"/> is not null.</summary>
    public static bool WriteIfSlow(ParseResult parse, string? advice, TextWriter stderr)
    {
        if (advice is null || parse.Action is HelpAction || !RunsComputingCommand(parse))
            return false;
        stderr.WriteLine($"latsym: warning: {advice}");
        return true;
    }

    private static bool RunsComputingCommand(ParseResult parse)
    {
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            if (ComputingCommands.Contains(result.Command.Name))
                return true;
        return false;
    }
}
