using LatentSymmetry.Cli.Commands;

namespace LatentSymmetry.Cli.Output;

/// <summary>
/// The rule for a figure file that a command replaces (compare --output, fields --plot): an existing file is
/// replaced only if it may be written. Figures are written to a temporary file and renamed over the target, and
/// a rename needs only the directory's permission, so a file made read-only (chmod 0444, or another user's) was
/// silently replaced; it is refused instead, as train refuses an existing run directory.
/// </summary>
internal static class ReplaceableFile
{
    const UnixFileMode AnyWrite = UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite;

    /// <summary>Throws a <see cref="UsageException"/> naming <paramref name="option"/> when <paramref name="path"/> exists and may not be written.</summary>
    public static void Check(string path, string option)
    {
        if (Directory.Exists(path)) throw new UsageException($"{option} '{path}' is a directory; give a file name");
        if (!File.Exists(path)) return;
        bool readOnly = OperatingSystem.IsWindows()
            ? File.GetAttributes(path).HasFlag(FileAttributes.ReadOnly)
            : (File.GetUnixFileMode(path) & AnyWrite) == 0 || !MayWrite(path);
        if (readOnly) throw new UsageException($"{option} '{path}' exists and is read-only; nothing is overwritten (make it writable or choose another file)");
    }

    // Whether this user may open the file for writing (its permission bits as they apply to us; root may always).
    static bool MayWrite(string path)
    {
        try
        {
            using (new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite)) { }
            return true;
        }
        catch (UnauthorizedAccessException) { return false; }
        catch (IOException) { return true; } // locked or busy: not a permission matter; the write reports it
    }
}
