using System.Runtime.InteropServices;
using LatentSymmetry.Cli.Commands;

namespace LatentSymmetry.Tests.Cli;

/// <summary>A signal ends a run with the shell's exit code for it, 128 + its number.</summary>
public class SignalTests
{
    [TestCase(PosixSignal.SIGTERM, 143)]
    [TestCase(PosixSignal.SIGINT, 130)]
    public void The_exit_code_of_a_signal_is_128_plus_its_number(PosixSignal signal, int expected)
    {
        // Row 12 of issue 10: SIGTERM exited 130, SIGINT's code.
        Assert.That(Termination.ExitCodeFor(signal), Is.EqualTo(expected));
    }
}
