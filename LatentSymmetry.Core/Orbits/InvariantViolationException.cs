namespace LatentSymmetry.Core.Orbits;

/// <summary>A model's activation is not invariant under rotation within the tolerance asked for.</summary>
public sealed class InvariantViolationException(string message, double deviation) : Exception(message)
{
    /// <summary>The largest change of the activation found under rotation.</summary>
    public double Deviation { get; } = deviation;
}
