namespace LatentSymmetry.Core.Experiments;

/// <summary>
/// A user-supplied grid specification (seeds, layers, shard, learning rates) could not be parsed;
/// the message names the offending token. The CLI reports it as a usage error (exit code 2).
/// </summary>
public sealed class GridSpecException : FormatException
{
    /// <summary>Creates the exception for <paramref name="token"/> with a message that names it.</summary>
    public GridSpecException(string token, string message)
        : base(message)
    {
        Token = token;
    }

    /// <summary>The token that failed to parse, exactly as the user wrote it.</summary>
    public string Token { get; }
}
