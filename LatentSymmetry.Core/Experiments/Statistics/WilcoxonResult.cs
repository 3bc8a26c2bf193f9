namespace LatentSymmetry.Core.Experiments.Statistics;

/// <summary>The outcome of a two-sided Wilcoxon signed-rank test on paired samples.</summary>
/// <param name="N">Pairs with a non-zero difference (zero differences are dropped, Wilcoxon's original treatment).</param>
/// <param name="Zeros">Pairs dropped because their difference was zero.</param>
/// <param name="WPlus">Sum of the ranks of positive differences x − y.</param>
/// <param name="WMinus">Sum of the ranks of negative differences.</param>
/// <param name="PValue">Two-sided p-value (1 when N = 0).</param>
/// <param name="Exact">True when the p-value comes from the exact null distribution, false for the normal approximation.</param>
/// <param name="HasTies">True when some absolute differences were tied (average ranks were used).</param>
/// <param name="Z">The continuity-corrected normal score, when the approximation was used.</param>
public sealed record WilcoxonResult(int N, int Zeros, double WPlus, double WMinus, double PValue, bool Exact, bool HasTies, double? Z)
{
    /// <summary>The conventional statistic T = min(W+, W−).</summary>
    public double Statistic => Math.Min(WPlus, WMinus);
}
