using System.Diagnostics;

namespace LatentSymmetry.Cli.Commands;

/// <summary>
/// A quick measurement for <c>latsym profile</c>: warm up (until the JIT has settled), then the best of several repeats of about
/// 0.2 s each. Within a repeat, calls are timed in short windows (about a millisecond, at least one call)
/// and the repeat counts its fastest window: on a shared machine a window either ran undisturbed or was
/// preempted, and the undisturbed ones are the machine's speed; a long window would average the other
/// processes' time slices in.
/// </summary>
internal static class QuickTimer
{
    public readonly record struct Measurement(double SecondsPerCall, long BytesPerCall, int Calls);

    public static Measurement BestOf(Action action, int repeats = 7, double secondsPerRepeat = 0.2, double secondsPerWindow = 0.001)
    {
        // Warm up until the JIT has settled: hot methods start unoptimised and are recompiled in the
        // background, which on a busy machine takes seconds; timing before that measures the slow tier.
        // Settled = no method compiled during the last 0.25 s of calls (at most 10 s of warm-up).
        var clock = Stopwatch.StartNew();
        int warm = 0;
        long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        double quietSince = 0;
        while (warm < 3 || clock.Elapsed.TotalSeconds < Math.Max(0.3, quietSince + 0.25))
        {
            action();
            warm++;
            long now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != compiled) (compiled, quietSince) = (now, clock.Elapsed.TotalSeconds);
            if (clock.Elapsed.TotalSeconds > 10) break;
        }
        double perCall = clock.Elapsed.TotalSeconds / warm;
        int callsPerWindow = Math.Max(1, (int)(secondsPerWindow / perCall));
        int windows = Math.Max(1, (int)(secondsPerRepeat / (perCall * callsPerWindow)));
        double best = double.MaxValue;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 0; r < repeats; r++)
            for (int w = 0; w < windows; w++)
            {
                long start = Stopwatch.GetTimestamp();
                for (int i = 0; i < callsPerWindow; i++) action();
                best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds / callsPerWindow);
            }
        int calls = windows * callsPerWindow;
        long bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / ((long)repeats * calls);
        return new Measurement(best, bytes, calls);
    }
}
