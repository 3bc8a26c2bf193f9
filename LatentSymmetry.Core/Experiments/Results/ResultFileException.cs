namespace LatentSymmetry.Core.Experiments.Results;

/// <summary>
/// A result file is missing, unreadable or malformed. The message starts with <c>path:line:</c> (or <c>path:</c> when no
/// line applies), e.g. <c>results/x.csv:7: malformed number 'abc' in column test_task_loss</c>.
/// </summary>
public sealed class ResultFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/> and, when known, the 1-based <paramref name="lineNumber"/>.</summary>
    public ResultFileException(string path, int? lineNumber, string detail, Exception? innerException = null)
        : base(lineNumber is int line ? $"{path}:{line}: {detail}" : $"{path}: {detail}", innerException)
    {
        FilePath = path;
        LineNumber = lineNumber;
        Detail = detail;
    }

    /// <summary>The file, as the caller named it.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line number, or null when the problem is with the whole file.</summary>
    public int? LineNumber { get; }

    /// <summary>The problem without the location prefix.</summary>
    public string Detail { get; }
}
