using LatentSymmetry.Core.Optim;

namespace LatentSymmetry.Core.Training;

/// <summary>A loss term's weight by epoch: a constant, or a schedule such as the orbit penalty's 1-cosine warm-up.</summary>
public sealed class LossWeight
{
    readonly double _constant;
    readonly LambdaSchedule? _schedule;

    LossWeight(double constant, LambdaSchedule? schedule)
    {
        _constant = constant;
        _schedule = schedule;
    }

    /// <summary>The same weight <paramref name="weight"/> (finite, ≥ 0) at every epoch.</summary>
    public static LossWeight Constant(double weight)
    {
        if (!(weight >= 0) || !double.IsFinite(weight))
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "a loss term's weight must be finite and non-negative");
        return new(weight, null);
    }

    /// <summary>The weight <paramref name="schedule"/> gives at each epoch.</summary>
    public static LossWeight Scheduled(LambdaSchedule schedule) => new(0, schedule ?? throw new ArgumentNullException(nameof(schedule)));

    /// <summary>The weight at <paramref name="epoch"/>.</summary>
    public double At(int epoch) => _schedule?.At(epoch) ?? _constant;

    /// <inheritdoc/>
    public override string ToString() => _schedule is null ? _constant.ToString("R", System.Globalization.CultureInfo.InvariantCulture)
        : $"1-cosine warm-up to {_schedule.LambdaMax.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";
}
