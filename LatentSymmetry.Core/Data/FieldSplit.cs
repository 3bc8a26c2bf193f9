using System.Numerics;

namespace LatentSymmetry.Core.Data;

/// <summary>
/// One split (train, validation or test) of a <see cref="FieldDataset{T}"/>: contiguous row-major points
/// [Count, d] and targets [Count, w] (w = 1 for a scalar field), so a batch is a gather of rows.
/// </summary>
public sealed class FieldSplit<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _points;
    private readonly T[] _targets;
    private readonly int[] _sourceRows;

    internal FieldSplit(T[] points, T[] targets, int[] sourceRows, int dimension, int targetWidth = 1)
    {
        Dimension = dimension;
        TargetWidth = targetWidth;
        _points = points;
        _targets = targets;
        _sourceRows = sourceRows;
    }

    /// <summary>
    /// A split of data a program gives: row-major points [n, <paramref name="dimension"/>] and targets
    /// [n, <paramref name="targetWidth"/>] (copied), rows numbered 0..n − 1.
    /// </summary>
    public FieldSplit(ReadOnlySpan<T> points, ReadOnlySpan<T> targets, int dimension, int targetWidth = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetWidth);
        int n = points.Length / dimension;
        if (points.Length != n * dimension || targets.Length != n * targetWidth)
            throw new ArgumentException($"{points.Length} coordinates in rows of {dimension} need {n * targetWidth} targets of width {targetWidth}; got {targets.Length}");
        Dimension = dimension;
        TargetWidth = targetWidth;
        _points = points.ToArray();
        _targets = targets.ToArray();
        _sourceRows = [.. Enumerable.Range(0, n)];
    }

    /// <summary>Values per target, w (1 for a scalar field).</summary>
    public int TargetWidth { get; }

    /// <summary>Coordinates per point, d.</summary>
    public int Dimension { get; }

    /// <summary>Number of rows.</summary>
    public int Count => _sourceRows.Length;

    /// <summary>Row-major [Count, d] coordinates (x, y[, z]).</summary>
    public ReadOnlySpan<T> Points => _points;

    /// <summary>Row-major [Count, w] targets f(x).</summary>
    public ReadOnlySpan<T> Targets => _targets;

    /// <summary>For each row, its index among the generated points (the slice of the split permutation).</summary>
    public ReadOnlySpan<int> SourceRows => _sourceRows;

    /// <summary>
    /// Copies the given rows, in order, into <paramref name="points"/> ([rows, d]) and
    /// <paramref name="targets"/> ([rows, w]); both must be exactly that long. Allocates nothing.
    /// </summary>
    public void Gather(ReadOnlySpan<int> rows, Span<T> points, Span<T> targets)
    {
        int d = Dimension;
        if (points.Length != d * rows.Length)
            throw new ArgumentException($"points holds {points.Length} values; {rows.Length} rows need {d * rows.Length}.", nameof(points));
        int w = TargetWidth;
        if (targets.Length != w * rows.Length)
            throw new ArgumentException($"targets holds {targets.Length} values; {rows.Length} rows need {w * rows.Length}.", nameof(targets));
        for (int i = 0; i < rows.Length; i++)
        {
            int r = rows[i];
            if ((uint)r >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(rows), r, $"Row index must be in [0, {Count}).");
            _points.AsSpan(d * r, d).CopyTo(points.Slice(d * i, d));
            if (w == 1) targets[i] = _targets[r];
            else _targets.AsSpan(w * r, w).CopyTo(targets.Slice(w * i, w));
        }
    }
}
