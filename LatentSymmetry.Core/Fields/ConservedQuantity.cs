namespace LatentSymmetry.Core.Fields;

/// <summary>
/// A quantity the exact flow of a phase-space field keeps constant (energy, angular momentum): its name as reports spell it
/// (<c>energy</c>, <c>angular_momentum</c>), its width (1 for a scalar, d for a vector) and how to compute it from a state.
/// A rollout reports how far a model's trajectory lets it drift.
/// </summary>
/// <param name="Name">Lower case with '_', as a CSV column and a JSON key begin.</param>
/// <param name="Width">Values per state.</param>
/// <param name="Evaluate">The quantity of one state.</param>
public sealed record ConservedQuantity(string Name, int Width, StateQuantity Evaluate);
