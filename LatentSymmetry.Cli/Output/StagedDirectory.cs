using System.Diagnostics;
using System.Globalization;
using LatentSymmetry.Cli.Commands;
using LatentSymmetry.Core.Experiments.Results;

namespace LatentSymmetry.Cli.Output;

/// <summary>
/// A directory written under a temporary name beside its final path and renamed into place only when
/// complete, so a crash or an error never leaves a half-written run directory behind.
/// </summary>
/// <remarks>
/// The name is claimed before any long work: under an exclusive lock on the parent's <c>.latsym.lock</c>
/// (released by the kernel if the process dies), a name is free when neither the directory nor a staging
/// directory <c>.NAME.partial-PID</c> of a live process exists, and the claim is the creation of our own
/// staging directory. Two processes can therefore never stage the same name, and a clash is reported before
/// training, never at the rename. Staging directories of processes that no longer run (a <c>kill -9</c>) are
/// swept under the same lock.
/// </remarks>
internal sealed class StagedDirectory : IDisposable
{
    /// <summary>The lock file in the parent directory that serialises claims.</summary>
    public const string LockFileName = ".latsym.lock";

    /// <summary>Most numbered alternatives tried for a default name (NAME_2 ... NAME_1000).</summary>
    const int MaxAlternatives = 1000;

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
    /// Claims <paramref name="finalPath"/>, which must be free, and creates its staging directory now (before
    /// any long work). Errors name <paramref name="option"/>.
    /// </summary>
    public static StagedDirectory Create(string finalPath, string option) => Claim(finalPath, option, numbered: false);

    /// <summary>
    /// Claims <paramref name="finalPath"/> or, when it is taken, the first free <c>finalPath_2</c>,
    /// <c>finalPath_3</c>, ...: every caller gets its own directory, even several processes started at once
    /// with the same settings.
    /// </summary>
    public static StagedDirectory CreateUnique(string finalPath, string option) => Claim(finalPath, option, numbered: true);

    static StagedDirectory Claim(string finalPath, string option, bool numbered)
    {
        if (string.IsNullOrWhiteSpace(finalPath)) throw new UsageException($"{option}: empty path");
        var full = Path.GetFullPath(finalPath);
        if (!numbered && (File.Exists(full) || Directory.Exists(full)))
            throw new UsageException($"{option} '{finalPath}' already exists; choose a new directory (nothing is overwritten)");
        var parent = Path.GetDirectoryName(full)!;
        bool createdParent = !Directory.Exists(parent);
        try
        {
            Directory.CreateDirectory(parent);
            using var parentLock = FileLock.Open(Path.Combine(parent, LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, TimeSpan.FromSeconds(30));
            SweepStale(parent);
            for (int n = 1; n <= (numbered ? MaxAlternatives : 1); n++)
            {
                var candidate = n == 1 ? full : string.Create(CultureInfo.InvariantCulture, $"{full}_{n}");
                var name = Path.GetFileName(candidate);
                if (File.Exists(candidate) || Directory.Exists(candidate))
                {
                    if (numbered) continue;
                    throw new UsageException($"{option} '{finalPath}' already exists; choose a new directory (nothing is overwritten)");
                }
                if (StagingDirectories(parent, name).Any(s => IsAlive(s.Pid)))
                {
                    if (numbered) continue;
                    throw new UsageException($"{option} '{finalPath}' is being written by another latsym process; choose a new directory");
                }
                var staging = Path.Combine(parent, $".{name}.partial-{Environment.ProcessId}");
                Directory.CreateDirectory(staging);
                return new StagedDirectory(candidate, staging, createdParent ? parent : null);
            }
            throw new UsageException($"{option} '{finalPath}' and its {MaxAlternatives - 1} numbered alternatives are all taken");
        }
        catch (IOException e) when (DiskFullException.IsDiskFull(e))
        {
            // Not a bad --output: the disk is full (exit 1, as every full disk).
            if (createdParent) TryDeleteEmpty(parent);
            throw DiskFullException.From(e, consequence: "nothing was written");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or TimeoutException)
        {
            if (createdParent) TryDeleteEmpty(parent);
            throw new UsageException($"{option} '{finalPath}' cannot be written: {e.Message}");
        }
        catch (UsageException)
        {
            if (createdParent) TryDeleteEmpty(parent);
            throw;
        }
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
        // A parent such as runs/ that this run created is removed too if the run left only the lock file in it.
        if (_createdParent is not null) TryDeleteEmpty(_createdParent);
    }

    /// <summary>Removes the staging directories <c>.NAME.partial-PID</c> in <paramref name="parent"/> whose process no longer runs.</summary>
    internal static void SweepStale(string parent)
    {
        foreach (var (path, pid) in StagingDirectories(parent, "*"))
            if (pid != Environment.ProcessId && !IsAlive(pid)) TryDelete(path);
    }

    static IEnumerable<(string Path, int Pid)> StagingDirectories(string parent, string name)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}.partial-*"))
        {
            var text = dir[(dir.LastIndexOf(".partial-", StringComparison.Ordinal) + ".partial-".Length)..];
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) yield return (dir, pid);
        }
    }

    static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    static void TryDeleteEmpty(string directory)
    {
        try
        {
            if (!Directory.Exists(directory)) return;
            var entries = Directory.EnumerateFileSystemEntries(directory).ToList();
            if (entries.Count == 1 && Path.GetFileName(entries[0]) == LockFileName) File.Delete(entries[0]);
            if (!Directory.EnumerateFileSystemEntries(directory).Any()) Directory.Delete(directory);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    static void TryDelete(string path)
    {
        try { if (Directory.Exists(path)) Directory.Delete(path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
