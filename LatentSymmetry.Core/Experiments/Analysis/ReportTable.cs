namespace LatentSymmetry.Core.Experiments.Analysis;

/// <summary>A table that follows a report, with its cells already formatted.</summary>
/// <param name="Title">What the table holds, capitalised: <c>Invariance measures of benchmark --evaluate</c>.</param>
/// <param name="Caption">How to read its cells: <c>mean ± 95% CI across seeds (n)</c>.</param>
/// <param name="Headers">Column names.</param>
/// <param name="Rows">Cells, one array per row, as many as <paramref name="Headers"/>.</param>
public sealed record ReportTable(string Title, string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>
    /// Widths the plain-text renderer pads columns to (left-aligned), one per column; the last width is used for the
    /// columns past the list. Empty: each column as wide as its widest cell.
    /// </summary>
    public IReadOnlyList<int> TextWidths { get; init; } = [];
}
