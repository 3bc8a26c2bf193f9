using LatentSymmetry.Cli.Commands;

namespace LatentSymmetry.Cli.Output;

/// <summary>
/// Checks, before any long work, that a command will be able to write its files into a directory: an output
/// that cannot be written is the user's to fix (exit 2), as train and benchmark already treat theirs, and is
/// better said before an evaluation or a survey has run than after.
/// </summary>
internal static class WritableDirectory
{
    /// <summary>
    /// Creates <paramref name="directory"/> if needed and writes and deletes a probe file in it; a failure is a
    /// <see cref="UsageException"/> naming <paramref name="what"/> (an option such as --output, or RUN_DIR). Each of
    /// <paramref name="files"/> (names inside the directory) must not be a directory.
    /// </summary>
    public static void Check(string directory, string what, params string[] files)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".latsym-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose)) { }
        }
        catch (IOException e) when (DiskFullException.IsDiskFull(e))
        {
            throw DiskFullException.From(e, consequence: "nothing was written");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{what} '{directory}' cannot be written: {IoErrorText.Describe(e)}");
        }
        foreach (var file in files)
        {
            var path = Path.Combine(directory, file);
            if (Directory.Exists(path)) throw new UsageException($"{what} '{directory}': '{path}' is a directory, where a file is to be written");
        }
    }
}
