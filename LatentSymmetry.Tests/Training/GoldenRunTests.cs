using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Tests.Training;

/// <summary>
/// Pins the exact bits of a small run. Rerunning the suite with DOTNET_EnableAVX512=0, DOTNET_EnableAVX2=0
/// and DOTNET_EnableHWIntrinsic=0 checks that every kernel path (Vector512, Vector256, Vector128, scalar)
/// trains to the same bits: the reproducibility promise across machines.
/// </summary>
public class GoldenRunTests
{
    [Test]
    public void A_small_run_reproduces_its_pinned_bits_on_every_kernel_path()
    {
        var result = new Trainer(new TrainingOptions
        {
            HiddenLayers = 2, HiddenDim = 24, Epochs = 3, Samples = 400, BatchSize = 50, RunSeed = 11,
            SymmetryLayers = SymmetryLayer.Hidden(1), LambdaSymMax = 2, LearningRate = 1e-3,
        }).Run();
        ulong weights = 1469598103934665603UL; // FNV-1a over the bits of every parameter
        foreach (var (_, t) in result.Model.NamedParameters())
            foreach (var v in t.ToArray())
                weights = (weights ^ BitConverter.SingleToUInt32Bits(v)) * 1099511628211UL;
        Assert.That(BitConverter.DoubleToUInt64Bits(result.TestTaskLoss), Is.EqualTo(0x3F6D35B3C0000000UL));
        Assert.That(BitConverter.DoubleToUInt64Bits(result.TestSymLoss!.Value), Is.EqualTo(0x4034A14D00000000UL));
        Assert.That(weights, Is.EqualTo(0x469339A6968D0FCBUL));
    }
}
