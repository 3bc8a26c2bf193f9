namespace LatentSymmetry.Core.Experiments.Results;

/// <summary>What <see cref="ResultStore.Append"/> did.</summary>
/// <param name="Appended">True when the row was written; false when the file already had a row for the cell (left as it was).</param>
/// <param name="Warnings">Repairs made before appending (a torn tail truncated), each naming the file.</param>
public sealed record AppendOutcome(bool Appended, IReadOnlyList<string> Warnings);
