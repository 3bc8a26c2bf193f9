using System.Numerics;

namespace LatentSymmetry.Autograd;

/// <summary>
/// Storage for a tape's intermediate tensors, handed out in the order they are asked for and reused
/// from step to step: a training step records the same operations every time, so once warm the i-th
/// request always finds the i-th slot big enough and nothing is allocated.
/// </summary>
internal sealed class TensorArena<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    readonly List<Variable<T>> _slots = [];
    int _next;

    public Variable<T> Rent(int rows, int cols, bool requiresGrad, bool zeroed)
    {
        Variable<T>.CheckShape(rows, cols);
        var t = NextSlot();
        t.Reinitialize(rows, cols, requiresGrad);
        if (zeroed) t.Span.Clear();
        return t;
    }

    public Variable<T> RentRowView(Variable<T> parent, int firstRow, int rows, bool requiresGrad)
    {
        var t = NextSlot();
        t.ReinitializeAsRowView(parent, firstRow, rows, requiresGrad);
        return t;
    }

    /// <summary>Makes every slot available again; tensors handed out before are invalid from now on.</summary>
    public void Rewind() => _next = 0;

    Variable<T> NextSlot()
    {
        if (_next == _slots.Count) _slots.Add(new Variable<T>());
        return _slots[_next++];
    }
}
