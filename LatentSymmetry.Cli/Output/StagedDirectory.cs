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
/// (released by the kernel if the process dies, and the file removed by its holder: see <see cref="ClaimLock"/>), a name is free when neither the directory nor a staging
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

    readonly string _parent;
    readonly string? _createdParent;

    StagedDirectory(string finalPath, string stagingPath, string parent, string? createdParent)
    {
        FinalPath = finalPath;
        StagingPath = stagingPath;
        _parent = parent;
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
        // "zz/new/" names the directory zz/new, as it does for mkdir.
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(finalPath));
        if (Path.GetPathRoot(full) == full) throw new UsageException($"{option} '{finalPath}' already exists; choose a new directory (nothing is overwritten)");
        if (!numbered && (File.Exists(full) || Directory.Exists(full)))
            throw new UsageException($"{option} '{finalPath}' already exists; choose a new directory (nothing is overwritten)");
        var parent = Path.GetDirectoryName(full)!;
        if (FileAmongAncestors(parent) is { } file)
            throw new UsageException($"{option} '{finalPath}' cannot be created: '{IoErrorText.Shown(file)}' is a file, not a directory");
        // The outermost directory this claim creates (zz of zz/new/run), removed again if the claim fails or the run is abandoned.
        var createdParent = OutermostMissing(parent);
        try
        {
            Directory.CreateDirectory(parent);
            using var parentLock = ClaimLock.Acquire(Path.Combine(parent, LockFileName), TimeSpan.FromSeconds(30));
            SweepStale(parent);
            for (int n = 1; n <= (numbered ? MaxAlternatives : 1); n++)
            {
                var candidate = n == 1 ? full : string.Create(CultureInfo.InvariantCulture, $"{full}_{n}");
                var name = Path.GetFileName(candidate);
                // Staging first, then the final name: a commit renames one into the other without the lock, so the other
                // order could miss a name that moved between the two looks (and two runs would claim it).
                if (StagingDirectories(parent, name).Any(s => IsAlive(s.Pid)))
                {
                    if (numbered) continue;
                    throw new UsageException($"{option} '{finalPath}' is being written by another latsym process; choose a new directory");
                }
                if (File.Exists(candidate) || Directory.Exists(candidate))
                {
                    if (numbered) continue;
                    throw new UsageException($"{option} '{finalPath}' already exists; choose a new directory (nothing is overwritten)");
                }
                var staging = Path.Combine(parent, $".{name}.partial-{Environment.ProcessId}");
                Directory.CreateDirectory(staging);
                return new StagedDirectory(candidate, staging, parent, createdParent);
            }
            throw new UsageException($"{option} '{finalPath}' and its {MaxAlternatives - 1} numbered alternatives are all taken");
        }
        catch (IOException e) when (DiskFullException.IsDiskFull(e))
        {
            // Not a bad --output: the disk is full (exit 1, as every full disk).
            RemoveCreated(parent, createdParent);
            throw DiskFullException.From(e, consequence: "nothing was written");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or TimeoutException)
        {
            RemoveCreated(parent, createdParent);
            throw new UsageException($"{option} '{finalPath}' cannot be written: {IoErrorText.Describe(e)}");
        }
        catch (UsageException)
        {
            RemoveCreated(parent, createdParent);
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
        // Parents such as runs/ that this run created are removed too if the run left them empty.
        RemoveCreated(_parent, _createdParent);
    }

    /// <summary>The first ancestor of <paramref name="directory"/> (or itself) that exists as a file, or null.</summary>
    static string? FileAmongAncestors(string directory)
    {
        for (var d = directory; !string.IsNullOrEmpty(d); d = Path.GetDirectoryName(d))
        {
            if (Directory.Exists(d)) return null;
            if (File.Exists(d)) return d;
        }
        return null;
    }

    /// <summary>The outermost of <paramref name="directory"/> and its ancestors that does not exist yet, or null.</summary>
    static string? OutermostMissing(string directory)
    {
        string? missing = null;
        for (var d = directory; !string.IsNullOrEmpty(d) && !Directory.Exists(d); d = Path.GetDirectoryName(d)) missing = d;
        return missing;
    }

    // Removes the directories from parent up to outermost (those the claim created), each only if empty.
    static void RemoveCreated(string parent, string? outermost)
    {
        if (outermost is null) return;
        for (var d = parent; d is not null && d.Length >= outermost.Length; d = Path.GetDirectoryName(d))
            TryDeleteEmpty(d);
    }

    /// <summary>Removes the staging directories <c>.NAME.partial-PID</c> in <paramref name="parent"/> whose process no longer runs.</summary>
    internal static void SweepStale(string parent)
    {
        foreach (var (path, pid) in StagingDirectories(parent, "*"))
            if (pid != Environment.ProcessId && !IsAlive(pid)) TryDelete(path);
    }

    /// <summary>
    /// True while another live process stages <paramref name="finalPath"/> (a claim of it would fail as "being written");
    /// a process that shares work, as survey does, leaves such a directory to its owner and comes back to it.
    /// </summary>
    public static bool IsBeingWritten(string finalPath)
    {
        var full = Path.GetFullPath(finalPath.TrimEnd('/', Path.DirectorySeparatorChar));
        var parent = Path.GetDirectoryName(full);
        return parent is not null && Directory.Exists(parent)
            && StagingDirectories(parent, Path.GetFileName(full)).Any(s => s.Pid != Environment.ProcessId && IsAlive(s.Pid));
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
            // The lock file is its holder's to remove (ClaimLock); deleting it here, unlocked, could let two claims in.
            if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any()) Directory.Delete(directory);
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
