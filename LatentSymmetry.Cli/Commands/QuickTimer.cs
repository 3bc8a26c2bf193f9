using System.Diagnostics;

namespace LatentSymmetry.Cli.Commands;

/// <summary>
/// A quick measurement for <c>latsym profile</c>: warm up, then the best of several repeats, each long
/// enough (about 0.2 s) for the clock to be precise. Best-of filters out the other core's noise.
/// </summary>
internal static class QuickTimer
{
    public readonly record struct Measurement(double SecondsPerCall, long BytesPerCall, int Calls);

    public static Measurement BestOf(Action action, int repeats = 7, double secondsPerRepeat = 0.2)
    {
        var clock = Stopwatch.StartNew();
        int warm = 0;
        while (warm < 3 || clock.Elapsed.TotalSeconds < 0.3) { action(); warm++; }
        double perCall = clock.Elapsed.TotalSeconds / warm;
        int calls = Math.Max(1, (int)(secondsPerRepeat / perCall));
        double best = double.MaxValue;
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        for (int r = 0; r < repeats; r++)
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < calls; i++) action();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds / calls);
        }
        long bytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / ((long)repeats * calls);
        return new Measurement(best, bytes, calls);
    }
}
