using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Core.Experiments.Results;

/// <summary>The cells a result file already holds, after any torn tail was repaired, and the warnings of that repair.</summary>
/// <param name="Cells">Cells with a complete row in the file.</param>
/// <param name="Warnings">Repairs made and oddities seen (each names the file), for the caller to show.</param>
public sealed record ResultStoreState(IReadOnlySet<CellKey> Cells, IReadOnlyList<string> Warnings)
{
    /// <summary>The cells of <paramref name="cells"/> without a row yet, in their given order.</summary>
    public IReadOnlyList<GridCell> Missing(IEnumerable<GridCell> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        return [.. cells.Where(c => !Cells.Contains(c.Key))];
    }
}
