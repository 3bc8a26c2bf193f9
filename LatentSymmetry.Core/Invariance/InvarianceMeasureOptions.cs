namespace LatentSymmetry.Core.Invariance;

/// <summary>
/// Settings of the per-layer measures: the PCA threshold of Q, RSL's guard, and the bootstrap (replicates,
/// confidence level, seed). Each value is validated when set.
/// </summary>
public sealed record InvarianceMeasureOptions
{
    /// <summary>The defaults: 95% of the variance, ε = 1e-8, 1000 replicates, 95% intervals, seed 0.</summary>
    public static InvarianceMeasureOptions Default { get; } = new();

    /// <summary>Fraction of the variance the principal components of Q must explain, in (0, 1].</summary>
    public double ExplainedVariance
    {
        get;
        init => field = value is > 0 and <= 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(ExplainedVariance), value, "The explained fraction of variance must be in (0, 1].");
    } = 0.95;

    /// <summary>ε added to RSL's denominator ‖h(g1 x)‖² + ‖h(g2 x)‖², non-negative.</summary>
    public double RslEpsilon
    {
        get;
        init => field = double.IsFinite(value) && value >= 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(RslEpsilon), value, "RSL's ε must be non-negative and finite.");
    } = 1e-8;

    /// <summary>Number of bootstrap resamples of the test points; 0 skips the intervals (they are then NaN).</summary>
    public int BootstrapReplicates
    {
        get;
        init => field = value >= 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(BootstrapReplicates), value, "The number of bootstrap replicates cannot be negative.");
    } = 1000;

    /// <summary>Coverage of the intervals, in (0, 1).</summary>
    public double ConfidenceLevel
    {
        get;
        init => field = value is > 0 and < 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), value, "The confidence level must be in (0, 1).");
    } = 0.95;

    /// <summary>Seed of the bootstrap's resamples.</summary>
    public int Seed { get; init; }
}
