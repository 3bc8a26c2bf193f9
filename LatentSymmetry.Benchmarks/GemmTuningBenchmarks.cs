using BenchmarkDotNet.Attributes;
using LatentSymmetry.Autograd.Kernels;

namespace LatentSymmetry.Benchmarks;

/// <summary>
/// The per-CPU cache blockings of <see cref="GemmTuning"/> side by side on the same machine: the AMD
/// preset (k-block 256, A read in place) and the Intel one (k-block 192, A packed for wide products),
/// on the square sizes docs/speed.md reports. Start-up picks one by CPUID; this shows what the
/// others would give here. (Every tuning gives the same bits; only the time differs.)
/// </summary>
[MemoryDiagnoser]
[Config(typeof(GemmGflopsConfig))]
public class GemmTuningBenchmarks
{
    private float[] _a = [], _b = [], _c = [];
    private GemmTuning _saved = GemmTuning.Current;

    /// <summary>The preset, by name.</summary>
    [Params("amd", "intel")]
    public string Tuning { get; set; } = "amd";

    /// <summary>m = n = k.</summary>
    [Params(128, 512)]
    public int Size { get; set; }

    /// <summary>Which operands are transposed.</summary>
    [Params(GemmForm.NN, GemmForm.NT, GemmForm.TN)]
    public GemmForm Form { get; set; }

    /// <summary>Selects the preset and fills A and B.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _saved = GemmTuning.Current;
        GemmTuning.Current = GemmTuning.Presets.Single(t => t.Name == Tuning);
        (_a, _b, _c) = (GemmBenchmarks.Filled(Size * Size, 1), GemmBenchmarks.Filled(Size * Size, 2), new float[Size * Size]);
    }

    /// <summary>Restores the start-up tuning.</summary>
    [GlobalCleanup]
    public void Cleanup() => GemmTuning.Current = _saved;

    /// <summary>C = op(A)·op(B).</summary>
    [Benchmark]
    public void Multiply() => Gemm.Multiply<float>(Form, Size, Size, Size, _a, _b, _c, accumulate: false);
}
