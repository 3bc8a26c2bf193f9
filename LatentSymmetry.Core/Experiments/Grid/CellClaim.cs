using System.Globalization;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.IO;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Core.Experiments.Grid;

/// <summary>
/// A claim on one grid cell that every process sharing the results directory can see: an exclusive lock on
/// <c>.claims/{result file}_lambda={λ}_layer={k}.lock</c> in the results directory, held while the cell trains. The
/// kernel drops the lock when its process dies, so a crashed process never blocks a cell; the file is deleted on release.
/// </summary>
/// <remarks>
/// Two unsharded processes on one grid thus split the work instead of each training every cell. A claim only saves
/// compute: the result store stays the arbiter of what is recorded (a cell is never written twice), so in the narrow
/// race where a claim file is deleted while another process opens it, the worst case is a cell trained twice.
/// </remarks>
public sealed class CellClaim : IDisposable
{
    /// <summary>The folder of claim files inside the results directory.</summary>
    public const string DirectoryName = ".claims";

    private readonly FileStream _lock;

    private CellClaim(FileStream stream, string path)
    {
        _lock = stream;
        Path = path;
    }

    /// <summary>The claim file.</summary>
    public string Path { get; }

    /// <summary>Claims the cell of <paramref name="file"/> with <paramref name="key"/>, or returns null when another process (or handle) holds it.</summary>
    public static CellClaim? TryAcquire(string resultsDirectory, ResultFileName file, CellKey key)
    {
        ArgumentNullException.ThrowIfNull(resultsDirectory);
        ArgumentNullException.ThrowIfNull(file);
        string folder = System.IO.Path.Combine(resultsDirectory, DirectoryName);
        Directory.CreateDirectory(folder);
        string layer = key.SymmetryLayer.ToString();
        string path = System.IO.Path.Combine(folder,
            $"{System.IO.Path.GetFileNameWithoutExtension(file.FileName)}_lambda={PythonFloat.Format(key.LambdaMax)}_layer={layer}.lock");
        try
        {
            return new CellClaim(FileLock.Open(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, TimeSpan.Zero), path);
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
