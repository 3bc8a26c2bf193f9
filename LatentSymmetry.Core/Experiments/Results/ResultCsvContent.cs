namespace LatentSymmetry.Core.Experiments.Results;

/// <summary>The parsed bytes of a result file: its header, its complete rows with line numbers, and any torn tail.</summary>
internal sealed class ResultCsvContent
{
    /// <summary>Header columns; empty when the file has no complete header line.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>Complete, parsed rows in file order.</summary>
    public required IReadOnlyList<(ResultRow Row, int LineNumber)> Rows { get; init; }

    /// <summary>The line terminator of the header (<c>\r\n</c> as Python's csv writes, or <c>\n</c>).</summary>
    public required string LineTerminator { get; init; }

    /// <summary>Byte offset where a torn tail starts, or null when the file ends with a complete line.</summary>
    public long? TornOffset { get; init; }

    /// <summary>Why the tail is torn, with its line number, for the warning.</summary>
    public string? TornReason { get; init; }

    /// <summary>Blank lines and duplicate cells seen, for warnings.</summary>
    public required IReadOnlyList<string> Notes { get; init; }
}
