using System.Diagnostics;

namespace LatentSymmetry.Core.Experiments.Results;

/// <summary>
/// Opens files under .NET's file-sharing locks, retrying with capped exponential backoff while another handle holds a
/// conflicting lock. On Linux and macOS .NET maps <see cref="FileShare.None"/> to an exclusive <c>flock</c> and other
/// sharing modes to a shared one; locks belong to the open handle, so two handles in one process exclude each other
/// just as two processes do, and a killed process releases its lock.
/// </summary>
public static class FileLock
{
    private const int ErrorSharingViolation = unchecked((int)0x80070020);
    private const int ErrorLockViolation = unchecked((int)0x80070021);

    /// <summary>Opens <paramref name="path"/>, waiting up to <paramref name="timeout"/> for a conflicting lock to go away.</summary>
    /// <exception cref="TimeoutException">The lock was still held after <paramref name="timeout"/>.</exception>
    public static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        int delayMs = 1;
        while (true)
        {
            try
            {
                return new FileStream(path, mode, access, share, bufferSize: 1, FileOptions.None);
            }
            catch (IOException ex) when (IsLockConflict(ex))
            {
                if (clock.Elapsed >= timeout)
                {
                    throw new TimeoutException($"{path}: still locked by another writer after {timeout.TotalSeconds:0.#} s", ex);
                }

                Thread.Sleep(delayMs);
                delayMs = Math.Min(delayMs * 2, 50);
            }
        }
    }

    // Windows reports ERROR_SHARING_VIOLATION / ERROR_LOCK_VIOLATION; on Unix .NET's failed non-blocking flock
    // surfaces as an IOException whose HResult is the raw errno EWOULDBLOCK (11 on Linux, 35 on macOS/BSD).
    private static bool IsLockConflict(IOException ex) =>
        ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException)
        && (OperatingSystem.IsWindows()
            ? ex.HResult is ErrorSharingViolation or ErrorLockViolation
            : ex.HResult == (OperatingSystem.IsLinux() ? 11 : 35));
}
