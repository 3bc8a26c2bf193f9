using BenchmarkDotNet.Attributes;
using LatentSymmetry.Autograd.Kernels;

namespace LatentSymmetry.Benchmarks;

/// <summary>Single-threaded float GEMM on square sizes in every form (C overwritten, not accumulated).</summary>
[MemoryDiagnoser]
[Config(typeof(GemmGflopsConfig))]
public class GemmBenchmarks
{
    private float[] _a = [], _b = [], _c = [];

    /// <summary>m = n = k.</summary>
    [Params(64, 128, 256, 512)]
    public int Size { get; set; }

    /// <summary>Which operands are transposed.</summary>
    [Params(GemmForm.NN, GemmForm.NT, GemmForm.TN)]
    public GemmForm Form { get; set; }

    /// <summary>Fills A and B with fixed pseudo-random values.</summary>
    [GlobalSetup]
    public void Setup() => (_a, _b, _c) = (Filled(Size * Size, 1), Filled(Size * Size, 2), new float[Size * Size]);

    /// <summary>C = op(A)·op(B).</summary>
    [Benchmark]
    public void Multiply() => Gemm.Multiply<float>(Form, Size, Size, Size, _a, _b, _c, accumulate: false);

    internal static float[] Filled(int length, uint seed)
    {
        // A small LCG is enough for benchmark data and keeps the values (and timings) reproducible.
        var values = new float[length];
        uint state = seed * 2654435761u + 1;
        for (int i = 0; i < length; i++)
        {
            state = state * 1664525u + 1013904223u;
            values[i] = (state >> 8) * (2f / (1 << 24)) - 1f;
        }
        return values;
    }
}
