using LatentSymmetry.Core.Experiments.Results;

namespace LatentSymmetry.Core.Experiments.Runs;

/// <summary>
/// A claim on one job that every process sharing an output directory can see: an exclusive lock on
/// <c>.claims/NAME.lock</c> in it, held while the job runs. The kernel drops the lock when its process dies, so a crashed
/// process never blocks a job; the file is deleted on release.
/// </summary>
/// <remarks>
/// A claim only saves compute: the job's record stays the arbiter of what is done, so in the narrow race where a claim
/// file is deleted while another process opens it, the worst case is a job done twice, never recorded twice.
/// </remarks>
public sealed class JobClaim : IDisposable
{
    /// <summary>The folder of claim files inside the output directory.</summary>
    public const string DirectoryName = ".claims";

    private readonly FileStream _lock;

    private JobClaim(FileStream stream, string path)
    {
        _lock = stream;
        Path = path;
    }

    /// <summary>The claim file.</summary>
    public string Path { get; }

    /// <summary>Claims the job <paramref name="name"/> (a file name without extension) in <paramref name="directory"/>, or returns null when another process (or handle) holds it.</summary>
    public static JobClaim? TryAcquire(string directory, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(name);
        string folder = System.IO.Path.Combine(directory, DirectoryName);
        Directory.CreateDirectory(folder);
        string path = System.IO.Path.Combine(folder, name + ".lock");
        try
        {
            return new JobClaim(FileLock.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, TimeSpan.Zero), path);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Deletes the claim file and releases the lock.</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        _lock.Dispose();
    }
}
