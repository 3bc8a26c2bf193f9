using BenchmarkDotNet.Attributes;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Benchmarks;

/// <summary>
/// The Haar SO(3) sampler on one batch of 128 rows, as a penalised training step draws it (twice per
/// step): the whole draw (four Gaussians per quaternion, normalise, rotation matrix), and the
/// quaternion-to-matrix conversion alone, to show where the time goes.
/// </summary>
[MemoryDiagnoser]
public class RotationSamplingBenchmarks
{
    private const int Rows = 128;
    private readonly float[] _matrices = new float[9 * Rows];
    private readonly UnitQuaternion[] _quaternions = new UnitQuaternion[Rows];
    private HaarSo3Sampler _sampler = null!;

    /// <summary>A sampler on a fixed seed and 128 quaternions drawn from it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _sampler = new HaarSo3Sampler(2);
        for (int i = 0; i < Rows; i++) _quaternions[i] = _sampler.NextQuaternion();
    }

    /// <summary>128 rotation matrices drawn from the Haar measure (what <c>TrainingStep</c> calls).</summary>
    [Benchmark]
    public void Sample() => _sampler.Sample<float>(_matrices);

    /// <summary>Only the conversion of 128 unit quaternions to row-major float matrices.</summary>
    [Benchmark]
    public void QuaternionsToMatrices()
    {
        for (int i = 0; i < Rows; i++) _quaternions[i].ToMatrix<float>(_matrices.AsSpan(9 * i, 9));
    }
}
