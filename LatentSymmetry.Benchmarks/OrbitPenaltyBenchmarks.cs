using BenchmarkDotNet.Attributes;
using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Orbits;

namespace LatentSymmetry.Benchmarks;

/// <summary>
/// Each training penalty, forward and backward, on a 128-row batch of width 128 (a hidden layer of the
/// default network): what a penalised step pays on top of the raw penalty (a full step is
/// <see cref="TrainingStepBenchmarks"/>).
/// </summary>
[MemoryDiagnoser]
public class OrbitPenaltyBenchmarks
{
    const int Batch = 128, Width = 128;

    Tape<float> _tape = null!;
    Variable<float> _clean = null!, _turned1 = null!, _turned2 = null!;

    [Params("raw", "normalized", "pca", "pca-normalized")]
    public string KindName { get; set; } = "raw";

    PenaltyKind Kind => PenaltyKindText.Parse(KindName);

    [GlobalSetup]
    public void Setup()
    {
        var layer = new SyntheticLayers(Batch, Width, layers: 1, pairsPerPoint: 1, classCount: 16, seed: 21).Layers[0];
        _clean = Variable<float>.FromSpan(Batch, Width, layer.Clean.Span, requiresGrad: true);
        _turned1 = Variable<float>.FromSpan(Batch, Width, layer.Turned1.Span, requiresGrad: true);
        _turned2 = Variable<float>.FromSpan(Batch, Width, layer.Turned2.Span, requiresGrad: true);
        _tape = new Tape<float>();
    }

    /// <summary>The penalty of <see cref="Kind"/>, forward and backward.</summary>
    [Benchmark]
    public float Penalty()
    {
        _tape.Reset();
        var p = OrbitPenalties.Compute(_tape, Kind, _clean, _turned1, _turned2);
        _tape.Backward(p);
        return p.Item();
    }
}
