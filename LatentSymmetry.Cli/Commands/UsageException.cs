namespace LatentSymmetry.Cli.Commands;

/// <summary>A user error in the command line: printed as one line, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
