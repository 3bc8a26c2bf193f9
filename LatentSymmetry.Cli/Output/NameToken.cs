using System.Security.Cryptography;
using System.Text;

namespace LatentSymmetry.Cli.Output;

/// <summary>
/// Keeps a part of a directory name derived from user text (a field spec) short enough for the file system:
/// Linux allows 255 bytes per name, and the staging name <c>.NAME.partial-PID</c> adds about 20. A long part
/// keeps its start, readable, and ends in a hash of the whole text, so two long specs still get two names;
/// the spec itself is recorded in full in config.json.
/// </summary>
internal static class NameToken
{
    /// <summary>Longest part kept as it is; 120 leaves room for a run name's other settings within 255 bytes.</summary>
    public const int MaxLength = 120;

    /// <summary><paramref name="token"/> unchanged when at most <see cref="MaxLength"/> characters, else its start and a hash of all of it.</summary>
    public static string Shorten(string token)
    {
        if (token.Length <= MaxLength) return token;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)))[..12];
        return token[..(MaxLength - hash.Length - 1)] + "-" + hash;
    }
}
