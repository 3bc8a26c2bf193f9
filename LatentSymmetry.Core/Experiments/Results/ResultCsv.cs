using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.IO;
using System.Globalization;
using System.Text;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Core.Experiments.Results;

/// <summary>
/// The result-file format: the original project's CSV (Python's <c>csv.DictWriter</c> columns, floats in <c>repr</c>
/// form) with optional extra columns. New files end lines with <c>\n</c>; appending keeps a file's own line ends
/// (<c>\r\n</c> in files written by Python's default dialect). Formats rows and parses file contents.
/// </summary>
public static class ResultCsv
{
    /// <summary>
    /// Line terminator of new files: <c>\n</c>, as the original's files and our history.csv, so that line tools
    /// (<c>grep 'False$'</c>, awk) work on them; a file that already uses <c>\r\n</c> keeps it.
    /// </summary>
    public const string DefaultLineTerminator = "\n";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The header line (without terminator) for <paramref name="columns"/>.</summary>
    public static string FormatHeader(IReadOnlyList<string> columns) => string.Join(',', columns);

    /// <summary>
    /// Formats <paramref name="row"/> for a file with header <paramref name="columns"/> (without terminator). Numbers are
    /// Python reprs (<c>0.0003</c>, <c>1.2e-05</c>, <c>nan</c>); the baseline's layer is empty; unknown columns and
    /// unset extras are left empty; <c>diverged</c> is <c>True</c>/<c>False</c> as Python prints booleans.
    /// </summary>
    public static string FormatRow(ResultRow row, IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(columns);
        var sb = new StringBuilder(96);
        for (int i = 0; i < columns.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(columns[i] switch
            {
                ResultColumns.LearningRate => PythonFloat.Format(row.LearningRate),
                ResultColumns.LambdaMax => PythonFloat.Format(row.LambdaMax),
                ResultColumns.SymmetryLayer => SymmetryLayerText.Format(row.SymmetryLayer),
                ResultColumns.TestTaskLoss => PythonFloat.Format(row.TestTaskLoss),
                ResultColumns.TestSymLoss => PythonFloat.Format(row.TestSymLoss),
                ResultColumns.WallSeconds => row.WallSeconds is double w ? PythonFloat.Format(w) : string.Empty,
                ResultColumns.Epochs => row.Epochs is int e ? e.ToString(CultureInfo.InvariantCulture) : string.Empty,
                ResultColumns.Diverged => row.Diverged is bool d ? (d ? "True" : "False") : string.Empty,
                ResultColumns.OrbitTaskLoss when row.OrbitTaskLoss is double o => PythonFloat.Format(o),
                string other => row.Extras is { } extras && extras.TryGetValue(other, out string? value) ? value : string.Empty,
            });
        }

        return sb.ToString();
    }

    /// <summary>
    /// Parses a whole file. A final line without a newline is a torn tail; so is a final complete line that does not parse
    /// when <paramref name="lenientLastLine"/> is set (the writer's view: it repairs such a tail). Any other problem throws.
    /// </summary>
    internal static ResultCsvContent Parse(ReadOnlySpan<byte> content, string path, bool lenientLastLine)
    {
        var lines = new List<(int Start, int Length, bool Terminated)>();
        int start = 0;
        while (start < content.Length)
        {
            int nl = content[start..].IndexOf((byte)'\n');
            if (nl < 0)
            {
                lines.Add((start, content.Length - start, false));
                break;
            }

            lines.Add((start, nl, true));
            start += nl + 1;
        }

        var rows = new List<(ResultRow, int)>();
        var notes = new List<string>();
        IReadOnlyList<string> columns = [];
        string terminator = DefaultLineTerminator;
        ColumnMap? map = null;
        long? tornOffset = null;
        string? tornReason = null;
        var seen = new HashSet<CellKey>();
        int lastNonBlank = lines.Count - 1;
        while (lastNonBlank >= 0 && IsBlank(content.Slice(lines[lastNonBlank].Start, lines[lastNonBlank].Length)))
        {
            lastNonBlank--;
        }

        for (int i = 0; i < lines.Count; i++)
        {
            (int lineStart, int length, bool terminated) = lines[i];
            int lineNumber = i + 1;
            ReadOnlySpan<byte> bytes = content.Slice(lineStart, length);
            if (!terminated)
            {
                if (!IsBlank(bytes) || bytes.IndexOf((byte)0) >= 0)
                {
                    tornOffset = lineStart;
                    tornReason = $"line {lineNumber} has no trailing newline (torn write)";
                }
                else if (length > 0)
                {
                    tornOffset = lineStart;
                    tornReason = $"line {lineNumber} is trailing whitespace without a newline";
                }

                break;
            }

            if (IsBlank(bytes))
            {
                if (map is not null && i < lastNonBlank)
                {
                    notes.Add($"{path}:{lineNumber}: blank line skipped");
                }

                continue;
            }

            try
            {
                string text = Decode(bytes, path, lineNumber, first: map is null && lineStart == 0);
                if (text.EndsWith('\r'))
                {
                    text = text[..^1];
                }

                if (map is null)
                {
                    terminator = length > 0 && bytes[^1] == (byte)'\r' ? "\r\n" : "\n";
                    columns = SplitFields(text, path, lineNumber).ConvertAll(c => c.Trim());
                    map = ColumnMap.Create(columns, path, lineNumber);
                    continue;
                }

                ResultRow row = ParseRow(text, map, columns.Count, path, lineNumber);
                if (!seen.Add(row.Key))
                {
                    notes.Add($"{path}:{lineNumber}: duplicate cell {row.Key}; the first occurrence is used");
                }

                rows.Add((row, lineNumber));
            }
            catch (ResultFileException ex) when (lenientLastLine && map is not null && i == lastNonBlank)
            {
                tornOffset = lineStart;
                tornReason = $"last line {lineNumber} does not parse ({ex.Detail})";
                break;
            }
        }

        return new ResultCsvContent
        {
            Columns = columns,
            Rows = rows,
            LineTerminator = terminator,
            TornOffset = tornOffset,
            TornReason = tornReason,
            Notes = notes,
        };
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
            {
                return false;
            }
        }

        return true;
    }

    private static string Decode(ReadOnlySpan<byte> bytes, string path, int lineNumber, bool first)
    {
        if (first && bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        try
        {
            string text = Utf8.GetString(bytes);
            return text.Contains('\0') ? throw new ResultFileException(path, lineNumber, "line contains NUL bytes") : text;
        }
        catch (DecoderFallbackException ex)
        {
            throw new ResultFileException(path, lineNumber, "line is not valid UTF-8", ex);
        }
    }

    /// <summary>Splits one CSV line; fields may be double-quoted with <c>""</c> escapes (Python quotes only when needed).</summary>
    private static List<string> SplitFields(string line, string path, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int i = 0;
        while (true)
        {
            field.Clear();
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        throw new ResultFileException(path, lineNumber, "unterminated quoted field");
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(line[i++]);
                }

                if (i < line.Length && line[i] != ',')
                {
                    throw new ResultFileException(path, lineNumber, $"unexpected character '{line[i]}' after a quoted field");
                }
            }
            else
            {
                int comma = line.IndexOf(',', i);
                int end = comma < 0 ? line.Length : comma;
                field.Append(line, i, end - i);
                i = end;
            }

            fields.Add(field.ToString());
            if (i >= line.Length)
            {
                return fields;
            }

            i++; // the comma
        }
    }

    private static ResultRow ParseRow(string line, ColumnMap map, int columnCount, string path, int lineNumber)
    {
        List<string> f = SplitFields(line, path, lineNumber);
        if (f.Count != columnCount)
        {
            throw new ResultFileException(path, lineNumber, $"expected {columnCount} fields as in the header, found {f.Count}");
        }

        double lr = Number(f[map.LearningRate], ResultColumns.LearningRate);
        double lambda = Number(f[map.LambdaMax], ResultColumns.LambdaMax);
        if (!SymmetryLayerText.TryParse(f[map.SymmetryLayer], out SymmetryLayer layer))
        {
            // An integer that names no layer (0, -7) is a value out of range, not a malformed cell.
            throw new ResultFileException(path, lineNumber,
                int.TryParse(f[map.SymmetryLayer].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int k)
                    ? $"symmetry_layer {k} does not exist; valid: 1..L, -1 (output) or empty (baseline)"
                    : $"malformed layer '{f[map.SymmetryLayer]}' in column {ResultColumns.SymmetryLayer}");
        }

        double task = Number(f[map.TestTaskLoss], ResultColumns.TestTaskLoss);

        // The original wrote an empty test_sym_loss when none was measured; read it as NaN ("not measured").
        string symText = f[map.TestSymLoss];
        double sym = symText.Trim().Length == 0 ? double.NaN : Number(symText, ResultColumns.TestSymLoss);
        var row = new ResultRow(lr, lambda, layer, task, sym);
        if (map.WallSeconds is int w && f[w].Trim().Length > 0)
        {
            row = row with { WallSeconds = Number(f[w], ResultColumns.WallSeconds) };
        }

        if (map.Epochs is int e && f[e].Trim().Length > 0)
        {
            row = row with
            {
                Epochs = int.TryParse(f[e].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int epochs)
                    ? epochs
                    : throw new ResultFileException(path, lineNumber, $"malformed integer '{f[e]}' in column {ResultColumns.Epochs}"),
            };
        }

        if (map.Diverged is int d && f[d].Trim().Length > 0)
        {
            row = row with
            {
                Diverged = f[d].Trim().ToLowerInvariant() switch
                {
                    "true" or "1" => true,
                    "false" or "0" => false,
                    _ => throw new ResultFileException(path, lineNumber, $"malformed boolean '{f[d]}' in column {ResultColumns.Diverged}"),
                },
            };
        }

        if (map.OrbitTaskLoss is int o && f[o].Trim().Length > 0)
        {
            row = row with { OrbitTaskLoss = Number(f[o], ResultColumns.OrbitTaskLoss) };
        }

        return row;

        double Number(string text, string column) =>
            PythonFloat.TryParse(text, out double value)
                ? value
                : throw new ResultFileException(path, lineNumber, $"malformed number '{text}' in column {column}");
    }

    private sealed record ColumnMap(int LearningRate, int LambdaMax, int SymmetryLayer, int TestTaskLoss, int TestSymLoss, int? WallSeconds, int? Epochs, int? Diverged, int? OrbitTaskLoss)
    {
        public static ColumnMap Create(IReadOnlyList<string> columns, string path, int lineNumber)
        {
            var index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < columns.Count; i++)
            {
                string name = columns[i].Trim();
                if (!index.TryAdd(name, i) && name.Length > 0)
                {
                    throw new ResultFileException(path, lineNumber, $"column {name} appears twice in the header");
                }
            }

            int Required(string name) =>
                index.TryGetValue(name, out int i)
                    ? i
                    : throw new ResultFileException(path, lineNumber, $"missing column {name} (header: {string.Join(',', columns)})");

            int? Optional(string name) => index.TryGetValue(name, out int i) ? i : null;

            return new ColumnMap(
                Required(ResultColumns.LearningRate),
                Required(ResultColumns.LambdaMax),
                Required(ResultColumns.SymmetryLayer),
                Required(ResultColumns.TestTaskLoss),
                Required(ResultColumns.TestSymLoss),
                Optional(ResultColumns.WallSeconds),
                Optional(ResultColumns.Epochs),
                Optional(ResultColumns.Diverged),
                Optional(ResultColumns.OrbitTaskLoss));
        }
    }
}
