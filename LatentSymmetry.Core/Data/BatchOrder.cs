using LatentSymmetry.Core.Seeding;
namespace LatentSymmetry.Core.Data;

/// <summary>
/// The order in which an epoch visits <see cref="Count"/> rows: each <see cref="NextEpoch"/> draws a fresh
/// uniform permutation (identity, then Fisher–Yates) from its stream, cut into batches of
/// <see cref="BatchSize"/> with the last, smaller batch kept. Allocates nothing after construction.
/// </summary>
public sealed class BatchOrder
{
    /// <summary>Default rows per batch.</summary>
    public const int DefaultBatchSize = 128;

    private readonly RandomStream _stream;
    private readonly int[] _order;

    /// <summary>An order over rows 0..<paramref name="count"/>-1 drawn from <paramref name="stream"/>, which it then owns.</summary>
    public BatchOrder(int count, RandomStream stream, int batchSize = DefaultBatchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        _stream = stream;
        _order = new int[count];
        BatchSize = batchSize;
    }

    /// <summary>Number of rows visited per epoch.</summary>
    public int Count => _order.Length;

    /// <summary>Rows per batch (the last batch may be smaller).</summary>
    public int BatchSize { get; }

    /// <summary>Batches per epoch: ceil(Count / BatchSize).</summary>
    public int BatchCount => (Count + BatchSize - 1) / BatchSize;

    /// <summary>Index of the current epoch, starting at 0; -1 before the first <see cref="NextEpoch"/>.</summary>
    public int Epoch { get; private set; } = -1;

    /// <summary>Starts the next epoch by drawing a new permutation of the rows.</summary>
    public void NextEpoch()
    {
        _stream.Permutation(_order);
        Epoch++;
    }

    /// <summary>The current epoch's full visiting order.</summary>
    public ReadOnlySpan<int> Order
    {
        get
        {
            if (Epoch < 0)
                throw new InvalidOperationException("Call NextEpoch before reading the order.");
            return _order;
        }
    }

    /// <summary>The rows of batch <paramref name="index"/> of the current epoch, in [0, <see cref="BatchCount"/>).</summary>
    public ReadOnlySpan<int> Batch(int index)
    {
        if ((uint)index >= (uint)BatchCount)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Batch index must be in [0, {BatchCount}).");
        int start = index * BatchSize;
        return Order.Slice(start, Math.Min(BatchSize, Count - start));
    }
}
