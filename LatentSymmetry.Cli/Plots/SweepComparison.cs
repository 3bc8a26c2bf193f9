namespace LatentSymmetry.Cli.Plots;

/// <summary>One architecture and learning rate of a sweep: every layer placement against the unpenalised baseline.</summary>
/// <param name="Title">Figure title naming architecture and learning rate, e.g. "6 x 128, lr 3e-4".</param>
/// <param name="Layers">One series per layer placement, first layer first; colours are graded in this order.</param>
/// <param name="BaselineTask">Test task loss of the baseline without a symmetry layer.</param>
/// <param name="BaselineSymmetry">Test symmetry loss of the baseline, or null when it has none (it is then not drawn).</param>
public sealed record SweepComparison(string Title, IReadOnlyList<LayerSweep> Layers, MeanCi BaselineTask, MeanCi? BaselineSymmetry)
{
    /// <summary>The alternatives run beside the sweep (benchmark --baselines), drawn as further reference lines; none by default.</summary>
    public IReadOnlyList<BaselineReference> References { get; init; } = [];

    /// <summary>Seeds behind each mean, shown in the title; with one no interval is drawn or claimed. Null: not known (intervals drawn where finite).</summary>
    public int? Seeds { get; init; }
}
