namespace LatentSymmetry.Core.Evaluation;

/// <summary>Settings of <see cref="RunEvaluator"/>; validated when set.</summary>
public sealed record EvaluationOptions
{
    /// <summary>The defaults: 4 rotations per point, every measure, with the untrained reference.</summary>
    public static EvaluationOptions Default { get; } = new();

    /// <summary>
    /// Rotations per test point: each point is turned this many times for the invariance error and the angle
    /// curve, and gives this many rotation pairs to MI's classifier. SL, Q_h, Q and RSL use one pair per point
    /// (their denominators compare distinct points).
    /// </summary>
    public int Rotations
    {
        get;
        init => field = value is >= 1 and <= 64 ? value : throw new ArgumentOutOfRangeException(nameof(Rotations), value, "rotations must be in 1..64");
    } = 4;

    /// <summary>Which per-layer measures to compute (every one of <see cref="LayerMeasures"/> by default).</summary>
    public LayerMeasureSet Measures { get; init; } = LayerMeasureSet.All;

    /// <summary>Also measure the untrained network of the same seed, as a reference.</summary>
    public bool Reference { get; init; } = true;

    /// <summary>Bootstrap resamples of the test points for the 95% intervals (0: none).</summary>
    public int BootstrapReplicates
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(BootstrapReplicates), value, "bootstrap replicates cannot be negative");
    } = 1000;

    /// <summary>K, the number of relative-rotation classes of MI (16, as the authors' SO(2) angle set).</summary>
    public int RotationClasses
    {
        get;
        init => field = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(RotationClasses), value, "MI needs at least 2 classes");
    } = 16;
}
