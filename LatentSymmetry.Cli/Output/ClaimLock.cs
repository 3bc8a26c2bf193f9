using LatentSymmetry.Core.Experiments.Results;

namespace LatentSymmetry.Cli.Output;

/// <summary>
/// The exclusive lock on a directory's <c>.latsym.lock</c> under which run names are claimed, removed again by
/// its holder so that no lock file is left behind in the current folder, runs/ or the parent of an --output.
/// </summary>
/// <remarks>
/// Removing a lock file is safe only with a check on the other side (the usual flock protocol): the holder unlinks
/// the file before it unlocks, and whoever then acquires the lock verifies that its handle still names the file at
/// the path; if it was unlinked meanwhile, it opens the path again (creating a fresh file). Linux shows an unlinked
/// file's handle as "PATH (deleted)" in /proc/self/fd, which is the check; where that is not available the file is
/// kept, as before.
/// </remarks>
internal sealed class ClaimLock : IDisposable
{
    static readonly bool CanVerify = OperatingSystem.IsLinux() && Directory.Exists("/proc/self/fd");

    readonly FileStream _stream;
    readonly string _path;

    ClaimLock(FileStream stream, string path)
    {
        _stream = stream;
        _path = path;
    }

    /// <summary>Takes the lock on <paramref name="path"/>, waiting up to <paramref name="timeout"/> for its holder.</summary>
    public static ClaimLock Acquire(string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var stream = FileLock.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, left > TimeSpan.Zero ? left : TimeSpan.Zero);
            if (!CanVerify || !IsUnlinked(stream)) return new ClaimLock(stream, path);
            // The previous holder removed the file while we waited on it: lock the path's current file instead.
            stream.Dispose();
        }
    }

    static bool IsUnlinked(FileStream stream)
    {
        try
        {
            var target = new FileInfo($"/proc/self/fd/{stream.SafeFileHandle.DangerousGetHandle()}").LinkTarget;
            return target is null || target.EndsWith(" (deleted)", StringComparison.Ordinal);
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    /// <summary>Removes the lock file (where waiters can tell) and releases the lock.</summary>
    public void Dispose()
    {
        if (CanVerify)
        {
            try { File.Delete(_path); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        _stream.Dispose();
    }
}
