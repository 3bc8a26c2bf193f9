using System.Diagnostics;
using System.Text;

namespace LatentSymmetry.Tests.Cli;

/// <summary>
/// The built <c>latsym</c> (latsym.dll beside the test assembly) run as a child process, for what only a real
/// process shows: signals and exit codes. It is started through <c>env --default-signal=TERM,INT</c> (GNU
/// coreutils 8.31 and later) because a test host may run with SIGTERM or SIGINT ignored, and an ignored
/// disposition is inherited across exec: the child would then never see the signal. A shell cannot undo that
/// (POSIX: signals ignored on entry to a non-interactive shell cannot be trapped or reset).
/// </summary>
internal sealed class LatsymProcess : IDisposable
{
    readonly Process _process;
    readonly StringBuilder _stdout = new(), _stderr = new();
    readonly object _gate = new();

    LatsymProcess(Process process) => _process = process;

    /// <summary>Starts <c>latsym args</c> in <paramref name="workingDirectory"/>, its output captured.</summary>
    public static LatsymProcess Start(string workingDirectory, params string[] args)
    {
        var dll = Dll;
        var info = new ProcessStartInfo("env")
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // env execs dotnet in place, so the child's PID is latsym's own.
        foreach (var a in (string[])["--default-signal=TERM,INT", DotnetHost(), dll, .. args]) info.ArgumentList.Add(a);
        var p = new LatsymProcess(new Process { StartInfo = info });
        p._process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (p._gate) p._stdout.AppendLine(e.Data); };
        p._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (p._gate) p._stderr.AppendLine(e.Data); };
        p._process.Start();
        p._process.BeginOutputReadLine();
        p._process.BeginErrorReadLine();
        return p;
    }

    /// <summary>latsym.dll, built beside the test assembly (the tests reference the CLI project).</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "latsym.dll") is var dll && File.Exists(dll) ? dll
        : throw new FileNotFoundException("latsym.dll is not beside the test assembly", dll);

    /// <summary>The dotnet host running the tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public int Id => _process.Id;

    public string Stdout { get { lock (_gate) return _stdout.ToString(); } }

    public string Stderr { get { lock (_gate) return _stderr.ToString(); } }

    /// <summary>Waits until <paramref name="condition"/> holds; false if the process ended first or the time ran out.</summary>
    public bool WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (condition()) return true;
            if (_process.HasExited) return condition();
            Thread.Sleep(50);
        }
        return false;
    }

    /// <summary>Sends <paramref name="signal"/> ("TERM", "INT") with /bin/kill, as a user or a batch system would.</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { $"-{signal}", Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0) throw new InvalidOperationException($"kill -{signal} {Id} failed with exit code {kill.ExitCode}");
    }

    /// <summary>The exit code, once the process has ended (killed after <paramref name="timeout"/>, then an error).</summary>
    public int WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"latsym did not exit within {timeout}; stderr: {Stderr}");
        }
        _process.WaitForExit(); // flushes the asynchronous output readers
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
