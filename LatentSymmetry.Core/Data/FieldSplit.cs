using System.Numerics;

namespace LatentSymmetry.Core.Data;

/// <summary>
/// One split (train, validation or test) of a <see cref="FieldDataset{T}"/>: contiguous row-major points
/// [Count, d] and targets [Count, 1], so a batch is a gather of rows.
/// </summary>
public sealed class FieldSplit<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _points;
    private readonly T[] _targets;
    private readonly int[] _sourceRows;

    internal FieldSplit(T[] points, T[] targets, int[] sourceRows, int dimension)
    {
        Dimension = dimension;
        _points = points;
        _targets = targets;
        _sourceRows = sourceRows;
    }

    /// <summary>Coordinates per point, d.</summary>
    public int Dimension { get; }

    /// <summary>Number of rows.</summary>
    public int Count => _targets.Length;

    /// <summary>Row-major [Count, d] coordinates (x, y[, z]).</summary>
    public ReadOnlySpan<T> Points => _points;

    /// <summary>[Count, 1] targets f(x).</summary>
    public ReadOnlySpan<T> Targets => _targets;

    /// <summary>For each row, its index among the generated points (the slice of the split permutation).</summary>
    public ReadOnlySpan<int> SourceRows => _sourceRows;

    /// <summary>
    /// Copies the given rows, in order, into <paramref name="points"/> ([rows, d]) and
    /// <paramref name="targets"/> ([rows, 1]); both must be exactly that long. Allocates nothing.
    /// </summary>
    public void Gather(ReadOnlySpan<int> rows, Span<T> points, Span<T> targets)
    {
        int d = Dimension;
        if (points.Length != d * rows.Length)
            throw new ArgumentException($"points holds {points.Length} values; {rows.Length} rows need {d * rows.Length}.", nameof(points));
        if (targets.Length != rows.Length)
            throw new ArgumentException($"targets holds {targets.Length} values; {rows.Length} rows need {rows.Length}.", nameof(targets));
        for (int i = 0; i < rows.Length; i++)
        {
            int r = rows[i];
            if ((uint)r >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(rows), r, $"Row index must be in [0, {Count}).");
            _points.AsSpan(d * r, d).CopyTo(points.Slice(d * i, d));
            targets[i] = _targets[r];
        }
    }
}
