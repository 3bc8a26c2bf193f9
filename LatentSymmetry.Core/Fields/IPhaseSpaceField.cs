using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Fields;

/// <summary>
/// A vector field on a phase space: a point is a state of C vectors of R^d (position and velocity, say; see
/// <see cref="IVectorField.PointRepresentation"/>), F its time derivative. Beyond a field of space it says which states
/// are typical (training and rollout starts are drawn from them, not from a box) and which quantities its flow conserves.
/// The first vector of a state is the position: a training region (cone, sector) selects states by it.
/// </summary>
public interface IPhaseSpaceField : IVectorField
{
    /// <summary>The states <see cref="SampleState"/> draws, in words for reports.</summary>
    string StatesDescription { get; }

    /// <summary>The largest |coordinate| of a position among the drawn states (the extent of a slice figure).</summary>
    double PositionExtent { get; }

    /// <summary>Draws one state from <paramref name="stream"/> into <paramref name="state"/> (<see cref="IVectorField.Dimension"/> values, double).</summary>
    void SampleState(RandomStream stream, Span<double> state);

    /// <summary>What the exact flow keeps constant.</summary>
    IReadOnlyList<ConservedQuantity> ConservedQuantities { get; }
}
