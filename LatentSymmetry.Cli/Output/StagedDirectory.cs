using LatentSymmetry.Cli.Commands;

namespace LatentSymmetry.Cli.Output;

/// <summary>
/// A directory written under a temporary name beside its final path and renamed into place only when
/// complete, so a crash or an error never leaves a half-written run directory behind.
/// </summary>
internal sealed class StagedDirectory : IDisposable
{
    bool _committed;

    readonly string? _createdParent;

    StagedDirectory(string finalPath, string stagingPath, string? createdParent)
    {
        FinalPath = finalPath;
        StagingPath = stagingPath;
        _createdParent = createdParent;
    }

    public string FinalPath { get; }
    public string StagingPath { get; }

    /// <summary>
    /// Checks that <paramref name="finalPath"/> does not exist yet and that its parent is writable, by
    /// creating the staging directory now (before any long work). Errors name <paramref name="option"/>.
    /// </summary>
    public static StagedDirectory Create(string finalPath, string option)
    {
        var full = Path.GetFullPath(finalPath);
        if (File.Exists(full) || Directory.Exists(full))
            throw new UsageException($"{option} '{finalPath}' already exists; choose a new directory (nothing is overwritten)");
        var parent = Path.GetDirectoryName(full)!;
        var staging = Path.Combine(parent, $".{Path.GetFileName(full)}.partial-{Environment.ProcessId}");
        bool createdParent = !Directory.Exists(parent);
        try
        {
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            if (createdParent) TryDelete(parent);
            throw new UsageException($"{option} '{finalPath}' cannot be written: {e.Message}");
        }
        return new StagedDirectory(full, staging, createdParent ? parent : null);
    }

    /// <summary>Renames the finished directory to its final name.</summary>
    public void Commit()
    {
        Directory.Move(StagingPath, FinalPath);
        _committed = true;
    }

    public void Dispose()
    {
        if (_committed) return;
        TryDelete(StagingPath);
        // A parent such as runs/ that this run created is removed too if the run left it empty.
        if (_createdParent is not null && Directory.Exists(_createdParent) && !Directory.EnumerateFileSystemEntries(_createdParent).Any())
            TryDelete(_createdParent);
    }

    static void TryDelete(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
