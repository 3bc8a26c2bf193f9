using System.Runtime.InteropServices;

namespace LatentSymmetry.Cli.Commands;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM into a cancellation that long commands observe between batches or
/// runs, so they stop cleanly: a run's staging directory is removed, a grid's finished rows stay recorded.
/// The process then exits with the shell's code for the signal, 128 + its number: 130 for SIGINT, 143 for
/// SIGTERM. A second signal is not intercepted and ends the process at once.
/// </summary>
internal sealed class Termination : IDisposable
{
    readonly CancellationTokenSource _source = new();
    readonly PosixSignalRegistration[] _registrations;
    volatile int _signal;

    public Termination()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public CancellationToken Token => _source.Token;

    /// <summary>128 + the signal's number (SIGINT 2, SIGTERM 15); 130 when cancelled otherwise.</summary>
    public int ExitCode => ExitCodeFor(_signal == 0 ? PosixSignal.SIGINT : (PosixSignal)_signal);

    /// <summary>The signal's name for the "cancelled by" line.</summary>
    public string SignalName => _signal == (int)PosixSignal.SIGTERM ? "SIGTERM" : "SIGINT";

    /// <summary>The shell's exit code for a process ended by <paramref name="signal"/>.</summary>
    public static int ExitCodeFor(PosixSignal signal) => signal == PosixSignal.SIGTERM ? 128 + 15 : 128 + 2;

    void Handle(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested) return;
        context.Cancel = true;
        _signal = (int)context.Signal;
        _source.Cancel();
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _source.Dispose();
    }
}
