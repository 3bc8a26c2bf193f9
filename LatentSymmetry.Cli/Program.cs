using System.CommandLine;
using LatentSymmetry.Autograd;
using LatentSymmetry.Cli.Commands;
using LatentSymmetry.Cli.Output;

namespace LatentSymmetry.Cli;

/// <summary>The <c>latsym</c> command: parses, runs, and maps user errors to exit code 2.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line with the given writers (tests capture them).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            "latsym: latent-symmetry experiments on a rotation-invariant 3-D field, in pure managed code.\n" +
            "Train an MLP with an SO(3) orbit penalty at a chosen layer, profile the kernels, run and analyse grids.")
        {
            TrainCommand.Create(stdout, stderr),
            ProfileCommand.Create(stdout),
            BenchmarkCommand.Create(stdout, stderr),
            AnalyzeCommand.Create(stdout, stderr),
            CompareCommand.Create(stdout),
            FieldsCommand.Create(stdout),
            EvaluateCommand.Create(stdout),
            SurveyCommand.Create(stdout, stderr),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // One line per problem, then where to look; exit 2 as for every usage error.
            foreach (var e in parse.Errors) stderr.WriteLine($"latsym: {e.Message}");
            stderr.WriteLine("Run 'latsym --help' or 'latsym <command> --help' for usage.");
            return 2;
        }
        HardwareWarning.WriteIfSlow(parse, Hardware.SlowFusedMultiplyAddAdvice(), stderr);
        try
        {
            // Our own signal handling (see Termination) rather than System.CommandLine's, which ends the
            // process after a timeout instead of letting a run clean up.
            using var termination = new Termination();
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
            stderr.WriteLine("latsym: cancelled");
            return 130;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"latsym: {e.Message}");
            return 1;
        }
    }
}
