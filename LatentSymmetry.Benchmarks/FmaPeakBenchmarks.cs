using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;

namespace LatentSymmetry.Benchmarks;

/// <summary>
/// One core's float FMA ceiling: twelve independent Vector512 FMA chains held in registers, no memory
/// traffic (12 chains cover two pipes × 4-cycle latency). Its GFLOP/s column is the bound GEMM is measured against.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(GemmGflopsConfig))]
public class FmaPeakBenchmarks
{
    private const int Iterations = 100_000;
    private const int Chains = 12;

    /// <summary>Flops per call: iterations × chains × 16 lanes × 2 (multiply and add).</summary>
    public const double FlopsPerInvoke = 2.0 * Iterations * Chains * 16;

    private Vector512<float> _x = Vector512.Create(0.999f), _y = Vector512.Create(1e-3f);

    /// <summary>Runs the FMA chains; the result is returned so they are not removed.</summary>
    [Benchmark]
    public Vector512<float> Vector512Fma() => Chain(_x, _y);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Vector512<float> Chain(Vector512<float> x, Vector512<float> y)
    {
        // Distinct starting values, so no two chains can be merged.
        Vector512<float> a0 = x, a1 = y, a2 = x + y, a3 = x - y, a4 = x * y, a5 = x * x;
        Vector512<float> a6 = y * y, a7 = a2 * x, a8 = a3 * y, a9 = a4 + x, a10 = a5 + y, a11 = a6 + x;
        for (int i = 0; i < Iterations; i++)
        {
            a0 = Vector512.FusedMultiplyAdd(a0, x, y); a1 = Vector512.FusedMultiplyAdd(a1, x, y);
            a2 = Vector512.FusedMultiplyAdd(a2, x, y); a3 = Vector512.FusedMultiplyAdd(a3, x, y);
            a4 = Vector512.FusedMultiplyAdd(a4, x, y); a5 = Vector512.FusedMultiplyAdd(a5, x, y);
            a6 = Vector512.FusedMultiplyAdd(a6, x, y); a7 = Vector512.FusedMultiplyAdd(a7, x, y);
            a8 = Vector512.FusedMultiplyAdd(a8, x, y); a9 = Vector512.FusedMultiplyAdd(a9, x, y);
            a10 = Vector512.FusedMultiplyAdd(a10, x, y); a11 = Vector512.FusedMultiplyAdd(a11, x, y);
        }
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;
    }
}
