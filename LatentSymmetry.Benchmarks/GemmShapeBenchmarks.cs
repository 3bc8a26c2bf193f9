using BenchmarkDotNet.Attributes;
using LatentSymmetry.Autograd.Kernels;

namespace LatentSymmetry.Benchmarks;

/// <summary>
/// The MLP's own GEMMs (batch 384 or 128, hidden 128): forward NT, input-gradient NN, weight-gradient TN,
/// and the skinny input (k = 3) and output (n = 1) layers where packing overhead would dominate.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(GemmGflopsConfig))]
public class GemmShapeBenchmarks
{
    private GemmForm _form;
    private int _m, _n, _k;
    private float[] _a = [], _b = [], _c = [];

    /// <summary>"form m×n×k".</summary>
    [Params("NT 384×128×128", "NN 384×128×128", "TN 128×128×384", "NT 384×128×3", "NT 384×1×128", "NN 384×128×1", "TN 1×128×384", "TN 128×3×384")]
    public string Shape { get; set; } = "";

    /// <summary>Parses <see cref="Shape"/> and fills A and B with fixed pseudo-random values.</summary>
    [GlobalSetup]
    public void Setup()
    {
        string[] parts = Shape.Split(' ');
        _form = Enum.Parse<GemmForm>(parts[0]);
        int[] mnk = parts[1].Split('×').Select(int.Parse).ToArray();
        (_m, _n, _k) = (mnk[0], mnk[1], mnk[2]);
        (_a, _b, _c) = (GemmBenchmarks.Filled(_m * _k, 1), GemmBenchmarks.Filled(_k * _n, 2), new float[_m * _n]);
    }

    /// <summary>C = op(A)·op(B).</summary>
    [Benchmark]
    public void Multiply() => Gemm.Multiply<float>(_form, _m, _n, _k, _a, _b, _c, accumulate: false);
}
