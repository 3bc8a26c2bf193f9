using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace LatentSymmetry.Benchmarks;

/// <summary>
/// GFLOP/s from the mean time: 2·m·n·k for GEMM cases (parameters <c>Size</c>, or <c>Shape</c> spelled
/// "form m×n×k"), <see cref="FmaPeakBenchmarks.FlopsPerInvoke"/> for the FMA peak, so both read on one scale.
/// </summary>
public sealed class GemmGflopsColumn : IColumn
{
    /// <inheritdoc/>
    public string Id => nameof(GemmGflopsColumn);
    /// <inheritdoc/>
    public string ColumnName => "GFLOP/s";
    /// <inheritdoc/>
    public bool AlwaysShow => true;
    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;
    /// <inheritdoc/>
    public int PriorityInCategory => 0;
    /// <inheritdoc/>
    public bool IsNumeric => true;
    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;
    /// <inheritdoc/>
    public string Legend => "Floating-point operations (2·m·n·k for GEMM) per second of the mean time, in 1e9/s";

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;
    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean;
        double flops = Flops(benchmarkCase);
        return meanNs is > 0 && flops > 0 ? (flops / meanNs.Value).ToString("F1") : "-";
    }

    private static double Flops(BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Descriptor.Type == typeof(FmaPeakBenchmarks))
            return FmaPeakBenchmarks.FlopsPerInvoke;
        foreach (var parameter in benchmarkCase.Parameters.Items)
        {
            if (parameter.Name == "Size" && parameter.Value is int size)
                return 2.0 * size * size * size;
            if (parameter.Name == "Shape" && parameter.Value is string shape)
            {
                int[] mnk = shape.Split(' ')[1].Split('×').Select(int.Parse).ToArray();
                return 2.0 * mnk[0] * mnk[1] * mnk[2];
            }
        }
        return 0;
    }
}

/// <summary>Adds <see cref="GemmGflopsColumn"/> to a benchmark class.</summary>
public sealed class GemmGflopsConfig : ManualConfig
{
    /// <summary>The default columns plus GFLOP/s.</summary>
    public GemmGflopsConfig() => AddColumn(new GemmGflopsColumn());
}
