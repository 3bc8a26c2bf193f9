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

    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "latsym-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
