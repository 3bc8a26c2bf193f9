namespace LatentSymmetry.Core.Optim;

/// <summary>
/// AdamW hyper-parameters, with PyTorch's names and the study's defaults (lr 3e-4, betas (0.9, 0.999),
/// eps 1e-8, weight decay 0). The one place these defaults live; each value is validated when set.
/// </summary>
public sealed record AdamWOptions
{
    /// <summary>The defaults.</summary>
    public static AdamWOptions Default { get; } = new();

    /// <summary>Step size lr, positive and finite.</summary>
    public double LearningRate
    {
        get;
        init => field = double.IsFinite(value) && value > 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(LearningRate), value, "The learning rate must be positive and finite.");
    } = 3e-4;

    /// <summary>Decay rate β1 of the first-moment average, in [0, 1).</summary>
    public double Beta1
    {
        get;
        init => field = value is >= 0 and < 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(Beta1), value, "β1 must be in [0, 1).");
    } = 0.9;

    /// <summary>Decay rate β2 of the second-moment average, in [0, 1).</summary>
    public double Beta2
    {
        get;
        init => field = value is >= 0 and < 1 ? value
            : throw new ArgumentOutOfRangeException(nameof(Beta2), value, "β2 must be in [0, 1).");
    } = 0.999;

    /// <summary>Term ε added to the denominator, positive and finite.</summary>
    public double Epsilon
    {
        get;
        init => field = double.IsFinite(value) && value > 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(Epsilon), value, "ε must be positive and finite.");
    } = 1e-8;

    /// <summary>Decoupled weight decay λ (parameters shrink by lr·λ per step), non-negative and finite.</summary>
    public double WeightDecay
    {
        get;
        init => field = double.IsFinite(value) && value >= 0 ? value
            : throw new ArgumentOutOfRangeException(nameof(WeightDecay), value, "The weight decay must be non-negative and finite.");
    } = 0.0;
}
