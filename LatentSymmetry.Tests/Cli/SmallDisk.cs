using System.Diagnostics;

namespace LatentSymmetry.Tests.Cli;

/// <summary>
/// Runs the built <c>latsym</c> on a disk that fills up: a tmpfs of a few pages mounted in a private user and
/// mount namespace (<c>unshare -Urm</c>, no root needed where unprivileged user namespaces are allowed), so a
/// write fails with ENOSPC as on a real full disk. The tmpfs vanishes with the namespace, so what latsym left on
/// it is copied out first.
/// </summary>
internal static class SmallDisk
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr, string After);

    // $1 dotnet, $2 latsym.dll, $3 the mount point, $4 the tmpfs size, $5 where its contents are copied to,
    // $6 a preparation run on the empty disk; the rest are latsym's arguments. Exit 97: no tmpfs could be mounted.
    const string Script = """
        host=$1 dll=$2 disk=$3 size=$4 after=$5 prepare=$6
        shift 6
        mount -t tmpfs -o "size=$size" tmpfs "$disk" || exit 97
        cd "$disk" || exit 97
        eval "$prepare"
        "$host" "$dll" "$@"
        code=$?
        rm -f filler
        cp -a . "$after"
        exit $code
        """;

    /// <summary>
    /// Whether this machine lets a test mount a tmpfs in a private namespace; when it does not, the caller
    /// reports the test as ignored (never as passed).
    /// </summary>
    public static bool IsAvailable(string scratch, out string why)
    {
        var disk = Path.Combine(scratch, "probe");
        Directory.CreateDirectory(disk);
        try
        {
            using var p = Process.Start(new ProcessStartInfo("unshare")
            {
                ArgumentList = { "-Urm", "sh", "-c", "mount -t tmpfs -o size=4k tmpfs \"$1\"", "sh", disk },
                UseShellExecute = false, RedirectStandardError = true,
            })!;
            why = p.StandardError.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            why = e.Message;
            return false;
        }
        finally
        {
            Directory.Delete(disk);
        }
    }

    /// <summary>
    /// Runs <c>latsym args</c> with a tmpfs of <paramref name="size"/> (e.g. "8k") as its working directory, after
    /// <paramref name="prepare"/> (a shell command run there first); returns the outcome and the directory holding a
    /// copy of what the disk held afterwards.
    /// </summary>
    public static Outcome Run(string scratch, string size, string prepare, params string[] args)
    {
        var disk = Directory.CreateDirectory(Path.Combine(scratch, "disk-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var after = Directory.CreateDirectory(disk + "-after").FullName;
        var info = new ProcessStartInfo("unshare") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-Urm", "sh", "-c", Script, "sh", LatsymProcess.DotnetHost(), LatsymProcess.Dll, disk, size, after, prepare, .. args])
            info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var stderr = p.StandardError.ReadToEndAsync();
        var stdout = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"latsym on a {size} disk did not finish within 3 minutes");
        }
        if (p.ExitCode == 97) throw new InvalidOperationException($"no tmpfs could be mounted: {stderr.Result}");
        return new Outcome(p.ExitCode, stdout, stderr.Result, after);
    }
}
