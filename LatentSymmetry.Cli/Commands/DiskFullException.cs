namespace LatentSymmetry.Cli.Commands;

/// <summary>
/// A write that failed because the disk is full, as the user reads it: one line naming the file and
/// "no space left on device", and what was kept. The operating system failed, not the user's input: exit code 1.
/// </summary>
internal sealed class DiskFullException(string message, Exception inner) : IOException(message, inner)
{
    // On Unix .NET puts the raw errno in HResult: ENOSPC is 28 on Linux and macOS. Windows reports
    // ERROR_DISK_FULL (112) or ERROR_HANDLE_DISK_FULL (39) as HRESULTs.
    const int Enospc = 28;
    const int ErrorDiskFull = unchecked((int)0x80070070);
    const int ErrorHandleDiskFull = unchecked((int)0x80070027);

    /// <summary>True when <paramref name="e"/> says the disk is full.</summary>
    public static bool IsDiskFull(Exception e) =>
        e is IOException io && (OperatingSystem.IsWindows() ? io.HResult is ErrorDiskFull or ErrorHandleDiskFull : io.HResult == Enospc);

    /// <summary>
    /// The one-line error for <paramref name="e"/>: "FILE: no space left on device", then <paramref name="consequence"/>
    /// if given. <paramref name="displayPath"/> maps the path .NET reports (a staging file, say) to the one the user knows.
    /// </summary>
    public static DiskFullException From(IOException e, Func<string, string>? displayPath = null, string? consequence = null)
    {
        var file = FileOf(e) is { } path ? displayPath?.Invoke(path) ?? Relative(path) : "a file";
        return new DiskFullException($"{file}: no space left on device{(consequence is null ? "" : "; " + consequence)}", e);
    }

    /// <summary>A path under the current directory as relative to it (as the user typed it, most often), else as it is.</summary>
    static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    /// <summary>The file .NET names in its message ("No space left on device : '/path'"), or null.</summary>
    internal static string? FileOf(IOException e)
    {
        var m = e.Message;
        int start = m.LastIndexOf(" : '", StringComparison.Ordinal);
        if (start < 0 || !m.EndsWith('\'') || m.Length <= start + 5) return null;
        var path = m[(start + 4)..^1];
        // A figure is written to a hidden ".NAME.GUID.tmp" beside it and renamed (FigureFile.WriteAtomically): name NAME.
        var hidden = System.Text.RegularExpressions.Regex.Match(Path.GetFileName(path), @"^\.(.+)\.[0-9a-f]{32}\.tmp$");
        return hidden.Success ? Path.Combine(Path.GetDirectoryName(path) ?? "", hidden.Groups[1].Value) : path;
    }
}
