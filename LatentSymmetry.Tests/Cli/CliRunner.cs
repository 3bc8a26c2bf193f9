namespace LatentSymmetry.Tests.Cli;

/// <summary>Runs <c>latsym</c> in-process with captured output.</summary>
internal static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static Outcome Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = LatentSymmetry.Cli.Program.Run(args, stdout, stderr);
        return new Outcome(code, stdout.ToString(), stderr.ToString());
    }

    public static string TempDirectory() => Experiments.TemporaryDirectory.CreateNew();

    /// <summary>
    /// The arguments of a benchmark small enough for a test: 2 hidden layers of 8, 2 epochs, batch 32, one learning
    /// rate; <paramref name="extra"/> follow (e.g. "--layers", "-1", "--seeds", "1").
    /// </summary>
    public static string[] TinyGrid(string results, int samples, string lambdas, params string[] extra) =>
    [
        "benchmark", "--num-hidden-layers", "2", "--hidden-dim", "8", "--epochs", "2", "--samples", samples.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "--batch-size", "32", "--lambdas", lambdas, "--learning-rates", "3e-4", "--results-dir", results, .. extra,
    ];
}
