namespace LatentSymmetry.Cli.Plots;

/// <summary>Test losses against lambda_max for the symmetry layer placed at one depth.</summary>
/// <param name="Label">Legend label, e.g. "layer 1" or "output".</param>
/// <param name="Task">Test task loss at each lambda_max.</param>
/// <param name="Symmetry">Test symmetry loss at each lambda_max.</param>
public sealed record LayerSweep(string Label, IReadOnlyList<SweepPoint> Task, IReadOnlyList<SweepPoint> Symmetry);
