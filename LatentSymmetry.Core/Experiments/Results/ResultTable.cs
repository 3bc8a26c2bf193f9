using LatentSymmetry.Core.IO;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Core.Experiments.Results;

/// <summary>
/// A result file read for analysis: its rows (one per cell, first occurrence kept), its columns, the architecture, learning
/// rate and seed parsed from its name when it follows the pattern, and warnings (torn tail ignored, duplicates, blank lines).
/// Reading never modifies the file.
/// </summary>
public sealed class ResultTable
{
    private readonly Dictionary<CellKey, ResultRow> _byKey;

    private ResultTable(string path, IReadOnlyList<string> columns, IReadOnlyList<ResultRow> rows, IReadOnlyList<string> warnings)
    {
        Path = path;
        Name = ResultFileName.TryParse(path, out ResultFileName? name) ? name : null;
        Columns = columns;
        Rows = rows;
        Warnings = warnings;
        _byKey = rows.ToDictionary(r => r.Key);
    }

    /// <summary>The file as the caller named it.</summary>
    public string Path { get; }

    /// <summary>The parsed file name, or null when the name does not follow <c>layers={L}x{H}_lr={lr}_seed={seed}.csv</c>.</summary>
    public ResultFileName? Name { get; }

    /// <summary>Header columns in file order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Rows in file order, one per cell.</summary>
    public IReadOnlyList<ResultRow> Rows { get; }

    /// <summary>Problems that did not stop the read, each starting with <c>path:line:</c>.</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>True when the file has this project's extra columns (wall_seconds, epochs, diverged).</summary>
    public bool HasExtendedColumns => ResultColumns.Extended.All(Columns.Contains);

    /// <summary>The row of <paramref name="key"/>, or null.</summary>
    public ResultRow? Find(CellKey key) => _byKey.GetValueOrDefault(key);

    /// <summary>Reads a result file, waiting up to <paramref name="lockTimeout"/> (default 30 s) while a writer holds it.</summary>
    /// <exception cref="ResultFileException">The file is missing, unreadable or malformed; the message names file and line.</exception>
    public static ResultTable Read(string path, TimeSpan? lockTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] content;
        try
        {
            using FileStream stream = FileLock.Open(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, lockTimeout ?? TimeSpan.FromSeconds(30));
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            content = memory.ToArray();
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ResultFileException(path, null, "file not found", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or TimeoutException)
        {
            throw new ResultFileException(path, null, $"cannot read: {ex.Message}", ex);
        }

        return Parse(path, content);
    }

    /// <summary>Parses the bytes of a result file; <paramref name="path"/> is used for the name and in messages.</summary>
    /// <exception cref="ResultFileException">The content is malformed.</exception>
    public static ResultTable Parse(string path, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(path);
        ResultCsvContent parsed = ResultCsv.Parse(content, path, lenientLastLine: false);
        if (parsed.Columns.Count == 0)
        {
            throw new ResultFileException(path, 1, content.IsEmpty ? "empty file (no header line)" : "no complete header line");
        }

        var warnings = new List<string>(parsed.Notes);
        if (parsed.TornReason is not null)
        {
            warnings.Add($"{path}: ignored torn tail: {parsed.TornReason}");
        }

        ResultFileName.TryParse(path, out ResultFileName? name);
        var rows = new List<ResultRow>(parsed.Rows.Count);
        var seen = new HashSet<CellKey>();
        var otherRates = new SortedSet<double>();
        foreach ((ResultRow row, int line) in parsed.Rows)
        {
            CheckRange(row, name, path, line);
            if (name is not null && row.LearningRate != name.LearningRate && otherRates.Add(row.LearningRate))
            {
                // Only the fact: what becomes of such rows is the analysis's to say (one file leaves them out,
                // several group them by their own rate), so the two messages never contradict each other.
                warnings.Add($"{path}:{line}: learning rate {PythonFloat.Format(row.LearningRate)} differs from the file name's lr={ResultFileName.FormatLearningRate(name.LearningRate)}");
            }

            if (seen.Add(row.Key))
            {
                rows.Add(row);
            }
        }

        return new ResultTable(path, parsed.Columns, rows, warnings);
    }

    /// <summary>
    /// Values no run can produce are refused with file and line: a learning rate that is not finite and positive, a
    /// negative or non-finite lambda, a layer that is neither -1 nor 1..L (L from the file name when it follows the
    /// pattern), a negative loss or -inf. NaN and +inf losses are a diverged run and are kept.
    /// </summary>
    private static void CheckRange(ResultRow row, ResultFileName? name, string path, int line)
    {
        string? problem =
            !(double.IsFinite(row.LearningRate) && row.LearningRate > 0) ? $"learning_rate {F(row.LearningRate)} must be a finite number > 0"
            : !(double.IsFinite(row.LambdaMax) && row.LambdaMax >= 0) ? $"lambda_sym_max {F(row.LambdaMax)} must be a finite number >= 0"
            // (0 and below -1 are refused when the row is parsed, see ResultCsv.)
            : row.SymmetryLayer.Number is int j && name is not null && j > name.NumHiddenLayers
                ? $"symmetry_layer {j} does not exist in a network of {name.NumHiddenLayers} hidden layers (layers={name.Architecture} in the file name); valid: 1..{name.NumHiddenLayers} or -1"
            : row.TestTaskLoss < 0 ? $"test_task_loss {F(row.TestTaskLoss)} is negative; a loss is >= 0 (nan or inf for a diverged run)"
            : row.TestSymLoss < 0 ? $"test_sym_loss {F(row.TestSymLoss)} is negative; a loss is >= 0 (nan or inf for a diverged run)"
            : null;
        if (problem is not null)
        {
            throw new ResultFileException(path, line, problem);
        }

        static string F(double v) => PythonFloat.Format(v);
    }
}
