using System.Numerics;

namespace LatentSymmetry.Core.Data;

/// <summary>
/// The training data of the study: <see cref="Count"/> points uniform in [-B, B]³ with targets from
/// <see cref="ScalarField"/>, split 60/20/20 by a seeded permutation. From the data seed's
/// <see cref="RandomStream"/>, in this order: the N·3 coordinates (row-major, each lo + 2B·u in double,
/// rounded to T), then the permutation; train is its first floor(0.6 N) entries, validation the next
/// floor(0.2 N), test the rest. Targets are f of the stored (rounded) points.
/// </summary>
public sealed class FieldDataset<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Default number of points.</summary>
    public const int DefaultCount = 10_000;

    /// <summary>Default half-width B of the box [-B, B]³.</summary>
    public const double DefaultBoxHalfWidth = 5.0;

    /// <summary>Generates the dataset of <paramref name="dataSeed"/>.</summary>
    /// <param name="dataSeed">The run's data seed (<see cref="DerivedSeeds.Data"/>).</param>
    /// <param name="count">Number of points N, at least 1.</param>
    /// <param name="boxHalfWidth">Half-width B of the sampling box, positive and finite.</param>
    public FieldDataset(int dataSeed, int count = DefaultCount, double boxHalfWidth = DefaultBoxHalfWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (!(boxHalfWidth > 0) || !double.IsFinite(boxHalfWidth))
            throw new ArgumentOutOfRangeException(nameof(boxHalfWidth), boxHalfWidth, "The box half-width must be positive and finite.");
        DataSeed = dataSeed;
        Count = count;
        BoxHalfWidth = boxHalfWidth;

        var stream = new RandomStream(dataSeed);
        var points = new T[3 * count];
        stream.FillUniform<T>(points, -boxHalfWidth, boxHalfWidth);
        int[] permutation = stream.Permutation(count);

        int trainCount = (int)(0.6m * count);
        int validationCount = (int)(0.2m * count);
        Train = Take(points, permutation.AsSpan(0, trainCount));
        Validation = Take(points, permutation.AsSpan(trainCount, validationCount));
        Test = Take(points, permutation.AsSpan(trainCount + validationCount));
    }

    /// <summary>The seed the dataset was generated from.</summary>
    public int DataSeed { get; }

    /// <summary>Number of points N over all splits.</summary>
    public int Count { get; }

    /// <summary>Half-width B of the sampling box [-B, B]³.</summary>
    public double BoxHalfWidth { get; }

    /// <summary>The first floor(0.6 N) points of the permutation.</summary>
    public FieldSplit<T> Train { get; }

    /// <summary>The next floor(0.2 N) points.</summary>
    public FieldSplit<T> Validation { get; }

    /// <summary>The remaining N - floor(0.6 N) - floor(0.2 N) points.</summary>
    public FieldSplit<T> Test { get; }

    /// <summary>
    /// The per-epoch order of the train rows. Its stream is the data seed's stream after one
    /// <see cref="RandomStream.Jump"/> (2^128 draws ahead), so it never overlaps the draws that made the data.
    /// </summary>
    public BatchOrder CreateBatchOrder(int batchSize = BatchOrder.DefaultBatchSize)
    {
        var stream = new RandomStream(DataSeed);
        stream.Jump();
        return new BatchOrder(Train.Count, stream, batchSize);
    }

    private static FieldSplit<T> Take(T[] points, ReadOnlySpan<int> rows)
    {
        var splitPoints = new T[3 * rows.Length];
        var targets = new T[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            points.AsSpan(3 * rows[i], 3).CopyTo(splitPoints.AsSpan(3 * i, 3));
            targets[i] = ScalarField.Evaluate(splitPoints[3 * i], splitPoints[3 * i + 1], splitPoints[3 * i + 2]);
        }
        return new FieldSplit<T>(splitPoints, targets, rows.ToArray(), 3);
    }
}
