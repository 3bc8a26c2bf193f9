using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Experiments.Runs;
using LatentSymmetry.Core.IO;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Core.Experiments.Grid;

/// <summary>
/// A claim on one grid cell that every process sharing the results directory can see: the <see cref="JobClaim"/> named
/// <c>{result file}_lambda={λ}_layer={k}</c> in the results directory, held while the cell trains.
/// </summary>
/// <remarks>
/// Two unsharded processes on one grid thus split the work instead of each training every cell. A claim only saves
/// compute: the result store stays the arbiter of what is recorded (a cell is never written twice).
/// </remarks>
public sealed class CellClaim : IDisposable
{
    /// <summary>The folder of claim files inside the results directory.</summary>
    public const string DirectoryName = JobClaim.DirectoryName;

    private readonly JobClaim _claim;

    private CellClaim(JobClaim claim) => _claim = claim;

    /// <summary>The claim file.</summary>
    public string Path => _claim.Path;

    /// <summary>Claims the cell of <paramref name="file"/> with <paramref name="key"/>, or returns null when another process (or handle) holds it.</summary>
    public static CellClaim? TryAcquire(string resultsDirectory, ResultFileName file, CellKey key)
    {
        ArgumentNullException.ThrowIfNull(resultsDirectory);
        ArgumentNullException.ThrowIfNull(file);
        string name = $"{System.IO.Path.GetFileNameWithoutExtension(file.FileName)}_lambda={PythonFloat.Format(key.LambdaMax)}_layer={key.SymmetryLayer}";
        return JobClaim.TryAcquire(resultsDirectory, name) is { } claim ? new CellClaim(claim) : null;
    }

    /// <summary>Deletes the claim file and releases the lock.</summary>
    public void Dispose() => _claim.Dispose();
}
