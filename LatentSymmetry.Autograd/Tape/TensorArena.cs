using System.Numerics;

namespace LatentSymmetry.Autograd;

/// <summary>
/// Storage for a tape's intermediate tensors, handed out in the order they are asked for and reused
/// from step to step: a training step records the same operations every time, so once warm the i-th
/// request always finds the i-th slot big enough and nothing is allocated.
/// </summary>
internal sealed class TensorArena<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    readonly List<Tensor<T>> _slots = [];
    int _next;

    public Tensor<T> Rent(int rows, int cols, bool requiresGrad, bool zeroed)
    {
        Tensor<T>.CheckShape(rows, cols);
        var t = NextSlot();
        t.Reinitialize(rows, cols, requiresGrad);
        if (zeroed) t.Span.Clear();
        return t;
    }

    public Tensor<T> RentRowView(Tensor<T> parent, int firstRow, int rows, bool requiresGrad)
    {
        var t = NextSlot();
        t.ReinitializeAsRowView(parent, firstRow, rows, requiresGrad);
        return t;
    }

    /// <summary>Makes every slot available again; tensors handed out before are invalid from now on.</summary>
    public void Rewind() => _next = 0;

    Tensor<T> NextSlot()
    {
        if (_next == _slots.Count) _slots.Add(new Tensor<T>());
        return _slots[_next++];
    }
}
