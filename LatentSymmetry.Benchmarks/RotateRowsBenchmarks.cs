using BenchmarkDotNet.Attributes;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Benchmarks;

/// <summary>
/// <c>RotateRows</c> on a batch of 128 points and 128 rotations: the forward pass alone (as a training
/// step runs it: its inputs need no gradient, so nothing is recorded), and forward plus backward with
/// gradients flowing to both the points and the matrices (through a sum, the smallest scalar loss).
/// </summary>
[MemoryDiagnoser]
public class RotateRowsBenchmarks
{
    private const int Rows = 128;
    private readonly Tape<float> _tape = new();
    private Variable<float> _x = null!, _r = null!, _xGrad = null!, _rGrad = null!;

    /// <summary>Random points in [-5, 5)³ and Haar rotations, with and without gradients.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var points = new float[3 * Rows];
        var matrices = new float[9 * Rows];
        new RandomStream(3).FillUniform<float>(points, -5, 5);
        new HaarSo3Sampler(2).Sample<float>(matrices);
        _x = Variable<float>.FromSpan(Rows, 3, points);
        _r = Variable<float>.FromSpan(Rows, 9, matrices);
        _xGrad = Variable<float>.FromSpan(Rows, 3, points, requiresGrad: true);
        _rGrad = Variable<float>.FromSpan(Rows, 9, matrices, requiresGrad: true);
    }

    /// <summary>y_i = R_i x_i for 128 rows, not recorded.</summary>
    [Benchmark]
    public Variable<float> Forward()
    {
        _tape.Reset();
        return _tape.RotateRows(_x, _r);
    }

    /// <summary>Forward, then backward of Σ y into both inputs.</summary>
    [Benchmark]
    public void ForwardBackward()
    {
        _tape.Reset();
        _xGrad.ZeroGrad();
        _rGrad.ZeroGrad();
        _tape.Backward(_tape.Sum(_tape.RotateRows(_xGrad, _rGrad)));
    }
}
