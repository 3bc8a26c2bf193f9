using System.Collections;

namespace LatentSymmetry.Core.Experiments.Grid;

/// <summary>
/// A read-only list whose items are computed from their index on demand, so a grid of millions of cells (or a
/// shard of it) costs no memory and no time until a cell is asked for.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class IndexedList<T>(int count, Func<int, T> item) : IReadOnlyList<T>
{
    /// <inheritdoc/>
    public int Count { get; } = count;

    /// <inheritdoc/>
    public T this[int index] => (uint)index < (uint)Count ? item(index) : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return item(i);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
