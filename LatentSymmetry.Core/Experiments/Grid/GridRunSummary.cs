namespace LatentSymmetry.Core.Experiments.Grid;

/// <summary>The totals of one <see cref="GridRunner.Run"/>.</summary>
/// <param name="Requested">Cells asked for (the shard).</param>
/// <param name="AlreadyPresent">Cells skipped because their file already held them when the run started.</param>
/// <param name="Recorded">Cells trained and written by this run, diverged ones included.</param>
/// <param name="Diverged">Of <paramref name="Recorded"/>, runs whose loss turned non-finite.</param>
/// <param name="RecordedElsewhere">Cells trained here but found already written by another process when appending (not written twice).</param>
/// <param name="Cancelled">True when cancellation stopped the run before every cell was done.</param>
/// <param name="Warnings">Torn tails repaired and other oddities, each naming its file.</param>
public sealed record GridRunSummary(
    int Requested,
    int AlreadyPresent,
    int Recorded,
    int Diverged,
    int RecordedElsewhere,
    bool Cancelled,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Cells skipped because another process had claimed them (<see cref="CellClaim"/>): it is training them.</summary>
    public int ClaimedElsewhere { get; init; }
}
