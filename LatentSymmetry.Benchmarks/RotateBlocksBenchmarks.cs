using BenchmarkDotNet.Attributes;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Benchmarks;

/// <summary>
/// <c>RotateBlocks</c> as the latent equivariance penalty runs it (<c>--latent-rep vectors:16</c> on a 128-wide layer): 128
/// rows of 16 vectors and 80 scalars turned back by Rᵀ, forward alone and forward plus backward into the layer (the
/// rotations need no gradient, as in a training step). A penalised step runs each twice, for h(R1 x) and h(R2 x).
/// </summary>
[MemoryDiagnoser]
public class RotateBlocksBenchmarks
{
    private const int Rows = 128, Width = 128, Vectors = 16;
    private readonly Tape<float> _tape = new();
    private Variable<float> _h = null!, _r = null!;

    /// <summary>A random layer in [-1, 1) and Haar rotations.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var layer = new float[Rows * Width];
        var matrices = new float[9 * Rows];
        new RandomStream(3).FillUniform<float>(layer, -1, 1);
        new HaarSo3Sampler(2).Sample<float>(matrices);
        _h = Variable<float>.FromSpan(Rows, Width, layer, requiresGrad: true);
        _r = Variable<float>.FromSpan(Rows, 9, matrices);
    }

    /// <summary>ρ(R_i)ᵀ h_i for 128 rows, recorded.</summary>
    [Benchmark]
    public Variable<float> Forward()
    {
        _tape.Reset();
        return _tape.RotateBlocks(_h, _r, Vectors, transpose: true);
    }

    /// <summary>Forward, then backward of Σ y into the layer.</summary>
    [Benchmark]
    public void ForwardBackward()
    {
        _tape.Reset();
        _h.ZeroGrad();
        _tape.Backward(_tape.Sum(_tape.RotateBlocks(_h, _r, Vectors, transpose: true)));
    }
}
