using System.Runtime.InteropServices;

namespace LatentSymmetry.Cli.Commands;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM into a cancellation that long commands observe between batches or
/// runs, so they stop cleanly: a run's staging directory is removed, a grid's finished rows stay recorded.
/// A second signal is not intercepted and ends the process at once.
/// </summary>
internal sealed class Termination : IDisposable
{
    readonly CancellationTokenSource _source = new();
    readonly PosixSignalRegistration[] _registrations;

    public Termination()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    public CancellationToken Token => _source.Token;

    void Handle(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested) return;
        context.Cancel = true;
        _source.Cancel();
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _source.Dispose();
    }
}
