using System.Text.RegularExpressions;

namespace LatentSymmetry.Cli.Commands;

/// <summary>
/// A failed file-system operation in our words, path first: "'runs/x/invariance.json' is a directory" rather
/// than .NET's "Is a directory : '/abs/runs/x/invariance.json'" or "Access to the path '...' is denied.".
/// Paths are made relative to the current directory when they lie under it, as the user typed them.
/// </summary>
internal static partial class IoErrorText
{
    /// <summary>One line describing <paramref name="e"/> (an <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>).</summary>
    public static string Describe(Exception e)
    {
        var message = e.Message.Split('\n')[0].TrimEnd('\r');
        if (AccessDenied().Match(message) is { Success: true } denied) return $"'{Shown(denied.Groups[1].Value)}': permission denied";
        if (AlreadyExists().Match(message) is { Success: true } exists) return $"'{Shown(exists.Groups[1].Value)}' already exists";
        if (NotFound().Match(message) is { Success: true } missing) return $"'{Shown(missing.Groups[1].Value)}': no such file or directory";
        // The Unix form, "<strerror> : '<path>'": Is a directory, Not a directory, Read-only file system, ...
        if (Errno().Match(message) is { Success: true } errno)
        {
            var text = errno.Groups[1].Value.Trim();
            var path = Shown(errno.Groups[2].Value);
            return text.Equals("Is a directory", StringComparison.OrdinalIgnoreCase) ? $"'{path}' is a directory"
                : text.Equals("Not a directory", StringComparison.OrdinalIgnoreCase) ? $"'{path}': a part of the path is a file, not a directory"
                : $"'{path}': {char.ToLowerInvariant(text[0])}{text[1..]}";
        }
        return message.TrimEnd('.');
    }

    /// <summary><paramref name="path"/> relative to the current directory when it lies under it, else as given.</summary>
    internal static string Shown(string path)
    {
        try
        {
            var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
            return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
        }
        catch (ArgumentException) { return path; }
    }

    [GeneratedRegex(@"^Access to the path '(.*)' is denied\.?$")]
    private static partial Regex AccessDenied();

    [GeneratedRegex(@"^The file '(.*)' already exists\.?$")]
    private static partial Regex AlreadyExists();

    [GeneratedRegex(@"^(?:Could not find file|Could not find a part of the path) '(.*)'\.?$")]
    private static partial Regex NotFound();

    [GeneratedRegex(@"^([A-Za-z][^:']*?) : '(.*)'$")]
    private static partial Regex Errno();
}
