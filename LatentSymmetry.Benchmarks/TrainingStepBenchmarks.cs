using LatentSymmetry.Core.Fields;
using BenchmarkDotNet.Attributes;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Optim;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Benchmarks;

/// <summary>
/// One full training step of the default 6x128 MLP on a batch of 128 (forward, penalty, backward, AdamW),
/// with the penalty at the output, at hidden layer 3, and without. MemoryDiagnoser proves the warm step
/// allocates nothing.
/// </summary>
[MemoryDiagnoser]
public class TrainingStepBenchmarks
{
    TrainingStep<float> _step = null!;
    float[] _points = null!;
    float[] _targets = null!;

    [Params("-1", "3", "none")]
    public string Layer { get; set; } = "-1";

    [GlobalSetup]
    public void Setup()
    {
        SymmetryLayer.TryParse(Layer, 6, out var layer, out _);
        var model = new Mlp<float>(3, 128, 6, 1);
        model.Initialize(new RandomStream(1));
        var optimizer = new AdamW<float>(model.NamedParameters().Select(p => p.Tensor));
        _step = new TrainingStep<float>(model, optimizer, layer, layer.IsSet ? new HaarSo3Sampler(2) : null);
        _points = new float[3 * 128];
        _targets = new float[128];
        new RandomStream(3).FillUniform<float>(_points, -5, 5);
        FieldCatalog.Default(3).EvaluateRows<float>(_points, _targets);
    }

    [Benchmark]
    public double Step() => _step.Run(_points, _targets, lambda: 1.0).Task;
}
