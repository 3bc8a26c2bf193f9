namespace LatentSymmetry.Core.Experiments.Runs;

/// <summary>The totals of one <see cref="ExperimentRunner.Run"/>.</summary>
/// <param name="Requested">Jobs asked for.</param>
/// <param name="AlreadyPresent">Jobs skipped because they were recorded when the runner came to them.</param>
/// <param name="Recorded">Jobs done and recorded by this run, diverged ones included.</param>
/// <param name="Diverged">Of <paramref name="Recorded"/>, jobs whose training diverged.</param>
/// <param name="RecordedElsewhere">Jobs another process recorded between the runner's first look and its claim or its record.</param>
/// <param name="ClaimedElsewhere">Jobs skipped because another process held their claim: it is doing them.</param>
/// <param name="Cancelled">True when cancellation stopped the run before every job was done.</param>
/// <param name="Warnings">Repairs and other oddities, each naming its file.</param>
public sealed record RunnerSummary(int Requested, int AlreadyPresent, int Recorded, int Diverged, int RecordedElsewhere, int ClaimedElsewhere,
    bool Cancelled, IReadOnlyList<string> Warnings);
