namespace LatentSymmetry.Core.Optim;

/// <summary>
/// The 1-cosine warm-up of the symmetry-loss weight: λ(e) = λmax·(1 - cos(π·e / (E - 1))) / 2 for epochs
/// e = 0..E-1, rising from 0 at the first epoch to λmax at the last; a single-epoch run (E = 1) uses λmax.
/// </summary>
public sealed class LambdaSchedule
{
    /// <summary>A schedule reaching <paramref name="lambdaMax"/> (finite, ≥ 0) at the last of <paramref name="epochs"/> (≥ 1) epochs.</summary>
    public LambdaSchedule(double lambdaMax, int epochs)
    {
        if (!(lambdaMax >= 0) || !double.IsFinite(lambdaMax))
            throw new ArgumentOutOfRangeException(nameof(lambdaMax), lambdaMax, "λmax must be finite and non-negative.");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);
        LambdaMax = lambdaMax;
        Epochs = epochs;
    }

    /// <summary>The weight at the last epoch.</summary>
    public double LambdaMax { get; }

    /// <summary>Number of epochs E.</summary>
    public int Epochs { get; }

    /// <summary>λ at <paramref name="epoch"/>, in [0, <see cref="Epochs"/>).</summary>
    public double At(int epoch)
    {
        if ((uint)epoch >= (uint)Epochs)
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch, $"The epoch must be in [0, {Epochs}).");
        if (Epochs == 1)
            return LambdaMax;
        return LambdaMax * (1 - CrMath.Cos(Math.PI * epoch / (Epochs - 1))) / 2;
    }
}
