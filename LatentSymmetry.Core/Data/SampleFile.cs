using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Data;

/// <summary>
/// A researcher's own samples: a CSV file whose header names the input columns x, y[, z] and a target column (default
/// <c>f</c>), one sample per line after it. Names are matched ignoring case and surrounding spaces; other columns are
/// ignored; empty lines are skipped; numbers are read in the invariant culture (a decimal point, no thousands separator)
/// and must be finite. Every malformed input is a <see cref="SampleFileException"/> naming the file and, for a row, its
/// line (1 is the header) and column.
/// </summary>
public sealed class SampleFile
{
    /// <summary>Fewest data rows: a 60/20/20 split needs one in each part.</summary>
    public const int MinimumRows = 5;

    static readonly string[] InputNames = ["x", "y", "z"];

    SampleFile(SampleSource source, double[] points, double[] targets)
    {
        Source = source;
        Points = points;
        Targets = targets;
    }

    /// <summary>The file, its hash, rows, target column and dimension, as config.json records them.</summary>
    public SampleSource Source { get; }

    /// <summary>The inputs, rows of <see cref="SampleSource.Dimension"/> in file order.</summary>
    public double[] Points { get; }

    /// <summary>The target of each row, in file order.</summary>
    public double[] Targets { get; }

    /// <summary>Number of data rows.</summary>
    public int Count => Targets.Length;

    /// <summary>Coordinates per point (2 or 3).</summary>
    public int Dimension => Source.Dimension;

    /// <summary>The largest |coordinate| of any row (the half-width of the smallest box [−B, B]^d holding them all).</summary>
    public double MaxAbsCoordinate => Points.Max(Math.Abs);

    /// <summary>The largest distance of a row from the origin (the radius of the smallest disk about it holding them all).</summary>
    public double MaxRadius
    {
        get
        {
            double max = 0;
            int d = Dimension;
            for (int i = 0; i < Count; i++)
            {
                double s = 0;
                for (int c = 0; c < d; c++) s += Points[i * d + c] * Points[i * d + c];
                max = Math.Max(max, Math.Sqrt(s));
            }
            return max;
        }
    }

    /// <summary>Reads <paramref name="path"/> with the target column <paramref name="targetColumn"/>.</summary>
    /// <exception cref="SampleFileException">The file is missing, unreadable or malformed (one line naming file, line and column).</exception>
    public static SampleFile Read(string path, string targetColumn = SampleSource.DefaultTargetColumn)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(targetColumn);
        string fullPath = System.IO.Path.GetFullPath(path);
        byte[] bytes;
        try { bytes = File.ReadAllBytes(fullPath); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SampleFileException(e is FileNotFoundException or DirectoryNotFoundException ? $"{path}: no such file" : $"{path}: cannot be read ({e.Message.Split('\n')[0].Trim()})", e);
        }
        // The hash is of the bytes parsed, so what the run records is exactly what it read.
        string sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
        catch (DecoderFallbackException e) { throw new SampleFileException($"{path}: not UTF-8 text", e); }
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        var lines = text.Split('\n');

        int headerLine = Array.FindIndex(lines, l => l.TrimEnd('\r').Trim().Length > 0);
        if (headerLine < 0) throw new SampleFileException($"{path}: empty (expected a header naming x, y[, z] and the target column '{targetColumn}', then one sample per line)");
        var header = lines[headerLine].TrimEnd('\r').Split(',').Select(Name).ToArray();
        string at = $"{path}:{headerLine + 1}";
        for (int i = 0; i < header.Length; i++)
        {
            if (header[i].Length == 0) throw new SampleFileException($"{at}: column {i + 1} of the header has no name");
            int first = Array.FindIndex(header, h => h.Equals(header[i], StringComparison.OrdinalIgnoreCase));
            if (first < i) throw new SampleFileException($"{at}: column '{header[i]}' is named twice (columns {first + 1} and {i + 1})");
        }
        int Column(string name) => Array.FindIndex(header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
        string target = targetColumn.Trim();
        if (InputNames.Contains(target, StringComparer.OrdinalIgnoreCase))
            throw new SampleFileException($"{path}: the target column '{target}' is an input column (x, y, z); name another");
        string named = string.Join(", ", header);
        foreach (var input in InputNames.Take(2))
            if (Column(input) < 0) throw new SampleFileException($"{at}: no column '{input}' (the header names {named}; samples need x, y[, z] and the target '{target}')");
        int d = Column("z") >= 0 ? 3 : 2;
        int[] columns = [.. InputNames.Take(d).Select(Column), Column(target)];
        if (columns[^1] < 0) throw new SampleFileException($"{at}: no target column '{target}' (the header names {named}; choose the target's name with --data-target)");

        var points = new List<double>();
        var targets = new List<double>();
        for (int l = headerLine + 1; l < lines.Length; l++)
        {
            string line = lines[l].TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            var cells = line.Split(',');
            if (cells.Length != header.Length)
                throw new SampleFileException($"{path}:{l + 1}: {cells.Length} field{(cells.Length == 1 ? "" : "s")}, the header has {header.Length}");
            for (int k = 0; k < columns.Length; k++)
            {
                int c = columns[k];
                string cell = cells[c].Trim();
                if (!double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
                    throw new SampleFileException($"{path}:{l + 1}: column '{header[c]}' (field {c + 1}): '{cell}' is not a number");
                if (!double.IsFinite(v))
                    throw new SampleFileException($"{path}:{l + 1}: column '{header[c]}' (field {c + 1}): '{cell}' is not finite");
                if (k < d) points.Add(v);
                else targets.Add(v);
            }
        }
        if (targets.Count < MinimumRows)
            throw new SampleFileException($"{path}: {targets.Count} data row{(targets.Count == 1 ? "" : "s")}; a 60/20/20 split needs at least {MinimumRows}");
        var file = new SampleFile(new SampleSource(fullPath, sha, targets.Count, header[columns[^1]], d), [.. points], [.. targets]);
        if (file.MaxRadius == 0) throw new SampleFileException($"{path}: every sample is at the origin; the points must span some space");
        return file;
    }

    /// <summary>
    /// Reads the file <paramref name="recorded"/> names and checks it is still the one recorded (same SHA-256): a run's
    /// samples read back.
    /// </summary>
    /// <exception cref="SampleFileException">The file is missing, changed or malformed.</exception>
    public static SampleFile Reread(SampleSource recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (!File.Exists(recorded.Path))
            throw new SampleFileException($"{recorded.Path}: no such file (the run trained on it; put it back, unchanged, to rebuild the run's data)");
        var file = Read(recorded.Path, recorded.TargetColumn);
        if (file.Source.Sha256 != recorded.Sha256)
            throw new SampleFileException($"{recorded.Path}: changed since the run trained on it (its SHA-256 is {file.Source.Sha256}, the run recorded {recorded.Sha256})");
        return file;
    }

    /// <summary>
    /// The data set of these samples: the rows split 60/20/20 by a permutation from <paramref name="dataSeed"/>'s stream
    /// (train its first floor(0.6 N) entries, validation the next floor(0.2 N), test the rest, as the drawn data sets
    /// split), each split then filtered to <paramref name="region"/>. <paramref name="domain"/> is the data's extent (for
    /// slices and orbits); the points are rounded to T.
    /// </summary>
    public FieldDataset<T> Split<T>(int dataSeed, TrainRegion region, SamplingDomain domain) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(domain);
        if (domain.Dimension != Dimension) throw new ArgumentException($"the samples are {Dimension}-D; the domain is {domain.Dimension}-D", nameof(domain));
        if (region.CheckDimension(Dimension) is { } bad) throw new ArgumentException(bad, nameof(region));
        int n = Count;
        int[] permutation = new RandomStream(dataSeed).Permutation(n);
        int trainCount = (int)(0.6m * n), validationCount = (int)(0.2m * n);
        return new FieldDataset<T>(Take<T>(permutation.AsSpan(0, trainCount), region), Take<T>(permutation.AsSpan(trainCount, validationCount), region),
            Take<T>(permutation.AsSpan(trainCount + validationCount), region), domain, dataSeed, region, Source);
    }

    FieldSplit<T> Take<T>(ReadOnlySpan<int> rows, TrainRegion region) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = Dimension;
        var kept = new List<int>(rows.Length);
        var point = new T[d];
        foreach (int r in rows)
        {
            for (int c = 0; c < d; c++) point[c] = T.CreateTruncating(Points[r * d + c]);
            if (region.Contains<T>(point)) kept.Add(r);
        }
        var points = new T[d * kept.Count];
        var targets = new T[kept.Count];
        for (int i = 0; i < kept.Count; i++)
        {
            for (int c = 0; c < d; c++) points[i * d + c] = T.CreateTruncating(Points[kept[i] * d + c]);
            targets[i] = T.CreateTruncating(Targets[kept[i]]);
        }
        return new FieldSplit<T>(points, targets, [.. kept], d);
    }

    // A header cell: spaces and one pair of surrounding double quotes removed.
    static string Name(string cell)
    {
        var t = cell.Trim();
        return t.Length >= 2 && t[0] == '"' && t[^1] == '"' ? t[1..^1].Trim() : t;
    }
}
