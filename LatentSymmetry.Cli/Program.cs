using System.CommandLine;
using LatentSymmetry.Autograd;
using LatentSymmetry.Cli.Commands;
using LatentSymmetry.Cli.Output;
using LatentSymmetry.Core.Experiments.Results;

namespace LatentSymmetry.Cli;

/// <summary>
/// The <c>latsym</c> command: parses, runs, and maps failures to the exit codes the README documents:
/// 2 for a usage or input error (a bad option value, a malformed input file, an output that exists or is
/// claimed), 1 for a failed operating-system operation (disk full, I/O error), 130 after SIGINT (Ctrl+C) and
/// 143 after SIGTERM. Every error is one line on stderr.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given writers (tests capture them).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = CreateRoot(stdout, stderr);
        var parse = root.Parse(args);
        // "latsym" or "latsym profile" alone: the command's help, as --help gives it.
        if (parse.Errors.Count > 0 && parse.Errors.All(e => ParseErrorText.IsMissingSubcommand(parse, e)))
            parse = root.Parse([.. args, "--help"]);
        // The top-level help lists each command in one line (RootHelp); a command's own help keeps its detail.
        if (parse.CommandResult.Command is RootCommand && parse.Action is System.CommandLine.Help.HelpAction)
        {
            RootHelp.Write(root, stdout);
            return 0;
        }
        if (parse.Action is System.CommandLine.Help.HelpAction)
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        // A missing subcommand beside another error is its consequence ("latsym foo"), not one more problem.
        var errors = parse.Errors.Where(e => !ParseErrorText.IsMissingSubcommand(parse, e)).ToList();
        var problem = errors.Count > 0
            ? ParseErrorText.Describe(ParseErrorText.First(errors)) + (errors.Count > 1 ? $" (and {errors.Count - 1} more)" : "")
            : ParseErrorText.UnknownOption(parse) ?? ParseErrorText.MissingValue(parse);
        if (problem is not null)
        {
            // One line: the first problem and where to look; exit 2 as for every usage error.
            stderr.WriteLine($"latsym: {problem}; see '{CommandPath(parse.CommandResult)} --help'");
            return 2;
        }
        HardwareWarning.WriteIfSlow(parse, Hardware.SlowFusedMultiplyAddAdvice(), stderr);
        using var termination = new Termination();
        try
        {
            // Our own signal handling (see Termination) rather than System.CommandLine's, which ends the
            // process after a timeout instead of letting a run clean up.
            var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return parse.InvokeAsync(config, termination.Token).GetAwaiter().GetResult();
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"latsym: {e.Message}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            stderr.WriteLine($"latsym: cancelled by {termination.SignalName}");
            return termination.ExitCode;
        }
        catch (ResultFileException e)
        {
            // A damaged result file is bad input, named with its file and line.
            stderr.WriteLine($"latsym: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The operating system failed us (disk full, I/O error): not the user's input, so exit 1. A full
            // disk is said in the same words whichever command wrote, with the file it was writing.
            var message = e is DiskFullException ? e.Message
                : e is IOException io && DiskFullException.IsDiskFull(io) ? DiskFullException.From(io).Message
                : IoErrorText.Describe(e);
            stderr.WriteLine($"latsym: {FirstLine(message)}");
            return 1;
        }
    }

    /// <summary>The whole command tree (tests walk it to check that README.md documents every option).</summary>
    internal static RootCommand CreateRoot(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            "latsym: latent-symmetry experiments on a rotation-invariant 3-D field, in pure managed code.\n" +
            "Train an MLP with an SO(3) orbit penalty at a chosen layer, profile the kernels, run and analyse grids, " +
            "measure how invariant a saved run is, and survey the catalogue's fields.")
        {
            TrainCommand.Create(stdout, stderr),
            ProfileCommand.Create(stdout),
            BenchmarkCommand.Create(stdout, stderr),
            AnalyzeCommand.Create(stdout, stderr),
            CompareCommand.Create(stdout, stderr),
            FieldsCommand.Create(stdout),
            EvaluateCommand.Create(stdout, stderr),
            DiscoverCommand.Create(stdout, stderr),
            SurveyCommand.Create(stdout, stderr),
            ReportCommand.Create(stdout, stderr),
            RolloutCommand.Create(stdout, stderr),
        };
        ScalarNumberText.Apply(root);
        return root;
    }

    /// <summary>"latsym profile gemm" for the command the arguments reached.</summary>
    static string CommandPath(System.CommandLine.Parsing.CommandResult? result)
    {
        var names = new List<string>();
        for (; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, result.Command is RootCommand ? "latsym" : result.Command.Name);
        return string.Join(" ", names);
    }

    static string FirstLine(string message) => message.Split('\n')[0].TrimEnd('\r');
}
