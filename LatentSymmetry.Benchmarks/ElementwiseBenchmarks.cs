using BenchmarkDotNet.Attributes;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Kernels;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Benchmarks;

/// <summary>
/// The elementwise and reduction kernels of a training step on a [384 x 128] activation (three stacked
/// batches of 128 at width 128): forward and backward of bias, ReLU, and the reductions.
/// </summary>
[MemoryDiagnoser]
public class ElementwiseBenchmarks
{
    const int Rows = 384, Cols = 128;
    readonly Tape<float> _tape = new();
    Variable<float> _x = null!, _y = null!, _dy = null!, _bias = null!;
    float[] _acc = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new RandomStream(1);
        var data = new float[Rows * Cols];
        rng.FillUniform<float>(data, -1, 1);
        _x = Variable<float>.FromSpan(Rows, Cols, data);
        rng.FillUniform<float>(data, -1, 1);
        _dy = Variable<float>.FromSpan(Rows, Cols, data);
        _y = Variable<float>.FromSpan(Rows, Cols, data);
        _bias = Variable<float>.Zeros(1, Cols);
        _acc = new float[Rows * Cols];
    }

    [Benchmark]
    public Variable<float> AddBias() { _tape.Reset(); return _tape.AddBias(_x, _bias); }

    [Benchmark]
    public Variable<float> Relu() { _tape.Reset(); return _tape.Relu(_x); }

    [Benchmark]
    public void ReluBackward() => ElementwiseKernels.Apply<float, ReluGradOperator<float>>(_acc, _y.Span, _dy.Span, _acc);

    [Benchmark]
    public float Sum() => Reductions.Sum<float>(_x.Span);

    [Benchmark]
    public float SumOfSquares() => Reductions.SumOfSquares<float>(_x.Span);
}
