using System.Runtime.InteropServices;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Tests.Autograd;

public class HardwareTests
{
    // CI reruns this file with DOTNET_EnableAVX2=0 and DOTNET_EnableHWIntrinsic=0, where FMA must read as off.
    private static bool RuntimeSwitchedFmaOff =>
        Environment.GetEnvironmentVariable("DOTNET_EnableAVX2") == "0" ||
        Environment.GetEnvironmentVariable("DOTNET_EnableHWIntrinsic") == "0";

    [Test]
    public void Fma_is_accelerated_exactly_when_the_cpu_has_it_and_the_runtime_leaves_it_on()
    {
        bool expected = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 && !RuntimeSwitchedFmaOff
            || RuntimeInformation.ProcessArchitecture == Architecture.X64 && Hardware.ProcessorHasFma3 && !RuntimeSwitchedFmaOff;
        Assert.That(Hardware.FusedMultiplyAddIsAccelerated, Is.EqualTo(expected));
    }

    [Test]
    public void Advice_is_given_exactly_when_fma_is_not_accelerated()
    {
        string? advice = Hardware.SlowFusedMultiplyAddAdvice();
        if (Hardware.FusedMultiplyAddIsAccelerated)
            Assert.That(advice, Is.Null);
        else
            Assert.That(advice, Does.Contain("200x slower"));
        if (!Hardware.FusedMultiplyAddIsAccelerated && Hardware.ProcessorHasFma3)
            Assert.That(advice, Does.Contain("DOTNET_EnableAVX2=0"), "the CPU has FMA3, so the advice must point at the runtime switch");
    }
}
