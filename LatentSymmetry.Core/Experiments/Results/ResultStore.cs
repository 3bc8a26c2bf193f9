using System.Text;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Core.Experiments.Results;

/// <summary>
/// Appends result rows to one result file so that a sweep survives being killed at any moment and can share the file
/// with other processes: each <see cref="Append"/> takes an exclusive lock on the file, reads the cells already present,
/// skips the row if its cell is there, else appends it in one write and flushes it to disk (<c>fsync</c>).
/// </summary>
/// <remarks>
/// <para>The lock is the file's own: it is opened with <see cref="FileShare.None"/>, an exclusive <c>flock</c> on Unix
/// (released by the kernel if the process dies), a share-mode lock on Windows. Every operation opens its own handle,
/// so one instance may be used from several threads, and several instances or processes may target one file.
/// Writers that do not take the lock (the original Python scripts) are not excluded. On network file systems the
/// lock is only as good as the system's <c>flock</c> emulation; setting <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c>
/// disables it altogether.</para>
/// <para>A torn tail, the remains of a write cut short (a last line without newline, or a last line that does not
/// parse), is truncated away under the lock with a warning; its cell then counts as missing and is run again. The
/// file is never rewritten otherwise; damage before the last line throws <see cref="ResultFileException"/>.</para>
/// </remarks>
public sealed class ResultStore
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates a store for <paramref name="path"/>; nothing is touched until the first call.</summary>
    public ResultStore(string path, ResultStoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
        Options = options ?? new ResultStoreOptions();
        if (!ResultColumns.Standard.All(Options.Columns.Contains))
        {
            throw new ArgumentException($"columns must include {string.Join(',', ResultColumns.Standard)}", nameof(options));
        }
    }

    /// <summary>The result file.</summary>
    public string Path { get; }

    /// <summary>The store's settings.</summary>
    public ResultStoreOptions Options { get; }

    /// <summary>
    /// Under the lock, repairs a torn tail and returns the cells present. A missing file is an empty store and is not created.
    /// </summary>
    /// <exception cref="ResultFileException">The file is damaged before its last line, lacks a standard column, or stays locked.</exception>
    public ResultStoreState Recover()
    {
        var warnings = new List<string>();
        FileStream stream;
        try
        {
            stream = OpenLocked(FileMode.Open);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return new ResultStoreState(new HashSet<CellKey>(), warnings);
        }

        using (stream)
        {
            ResultCsvContent content = ReadAndRepair(stream, warnings);
            return new ResultStoreState(content.Rows.Select(r => r.Row.Key).ToHashSet(), warnings);
        }
    }

    /// <summary>
    /// Under the lock: creates the file with its header if needed, repairs a torn tail, and appends <paramref name="row"/>
    /// unless its cell is already present; the row reaches the disk (<c>FileStream.Flush(true)</c>) before this returns.
    /// </summary>
    /// <exception cref="ResultFileException">The file is damaged before its last line, lacks a standard column, or stays locked.</exception>
    public AppendOutcome Append(ResultRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var warnings = new List<string>();
        string? directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using FileStream stream = OpenLocked(FileMode.OpenOrCreate);
        ResultCsvContent content = ReadAndRepair(stream, warnings);
        if (content.Rows.Any(r => r.Row.Key == row.Key))
        {
            return new AppendOutcome(false, warnings);
        }

        IReadOnlyList<string> columns = content.Columns.Count > 0 ? content.Columns : Options.Columns;
        string text = (content.Columns.Count == 0 ? ResultCsv.FormatHeader(columns) + content.LineTerminator : string.Empty)
            + ResultCsv.FormatRow(row, columns) + content.LineTerminator;
        WriteDurably(stream, Utf8.GetBytes(text));
        return new AppendOutcome(true, warnings);
    }

    private FileStream OpenLocked(FileMode mode)
    {
        try
        {
            return FileLock.Open(Path, mode, FileAccess.ReadWrite, FileShare.None, Options.LockTimeout);
        }
        catch (TimeoutException ex)
        {
            throw new ResultFileException(Path, null, ex.Message.Replace(Path + ": ", string.Empty, StringComparison.Ordinal), ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ResultFileException(Path, null, $"cannot open for writing: {ex.Message}", ex);
        }
    }

    private ResultCsvContent ReadAndRepair(FileStream stream, List<string> warnings)
    {
        byte[] bytes = new byte[stream.Length];
        stream.Position = 0;
        stream.ReadExactly(bytes);
        ResultCsvContent content = ResultCsv.Parse(bytes, Path, lenientLastLine: true);
        warnings.AddRange(content.Notes);
        if (content.TornOffset is long offset)
        {
            stream.SetLength(offset);
            stream.Flush(flushToDisk: true);
            warnings.Add($"{Path}: repaired torn tail: {content.TornReason}; truncated {bytes.Length - offset} bytes, its cell will run again");
        }

        return content;
    }

    private static void WriteDurably(FileStream stream, byte[] bytes)
    {
        long end = stream.Seek(0, SeekOrigin.End);
        try
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // A write cut short (a full disk accepts the part that fits its last block) would leave a torn row;
            // take it back so the file keeps whole rows only. The stream is unbuffered, so nothing is pending.
            TruncateQuietly(stream, end);
            throw;
        }
    }

    /// <summary>Cuts <paramref name="stream"/> back to <paramref name="length"/>; a failure leaves a torn tail, which the next <see cref="Recover"/> repairs.</summary>
    internal static void TruncateQuietly(FileStream stream, long length)
    {
        try
        {
            stream.SetLength(length);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
        }
    }
}
