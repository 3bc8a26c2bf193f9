namespace LatentSymmetry.Core.Experiments.Runs;

/// <summary>What doing one job gave.</summary>
/// <param name="Recorded">True when this process recorded it; false when another process had recorded it meanwhile.</param>
/// <param name="Diverged">True when the job's training diverged (a non-finite loss); it is recorded as such.</param>
/// <param name="Warnings">Repairs and other oddities met while recording, each naming its file.</param>
public readonly record struct JobOutcome(bool Recorded, bool Diverged, IReadOnlyList<string> Warnings);
