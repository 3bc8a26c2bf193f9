using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LatentSymmetry.Autograd;

/// <summary>
/// A variable of the autograd tape: a dense row-major matrix (rows × cols) of <typeparamref name="T"/>
/// with an optional gradient that can take part in a <see cref="Tape{T}"/>: float32 for training,
/// float64 for verification, through the same code. (Named as autograd's variables rather than
/// "Tensor", so that code opening both this namespace and System.Numerics.Tensors, whose
/// <c>Tensor&lt;T&gt;</c> is another type, compiles without aliases.)
/// </summary>
/// <remarks>
/// Tensors produced by a tape's operations live in the tape's arena: their storage is reused after
/// <see cref="Tape{T}.Reset"/>, so copy out (<see cref="ToArray"/>) what must outlive a step. Tensors made
/// with the static factories (parameters, inputs) own their storage and keep their <see cref="Grad"/>.
/// </remarks>
public sealed class Variable<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    // Storage starts on a 64-byte boundary (a cache line, one Vector512): full-width loads of a row then
    // never straddle two lines, which costs extra on some CPUs. The arrays are pinned so the boundary holds.
    const int Alignment = 64;

    T[] _own;
    int _ownOffset;
    T[] _data;
    int _offset;

    internal Variable() { _own = _data = []; }

    Variable(int rows, int cols, ReadOnlySpan<T> values, bool requiresGrad)
    {
        _own = _data = AlignedStorage(rows * cols, out _ownOffset);
        _offset = _ownOffset;
        values.CopyTo(_own.AsSpan(_offset, rows * cols));
        Rows = rows;
        Cols = cols;
        RequiresGrad = requiresGrad;
        IsLeaf = true;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; private set; }

    /// <summary>Number of columns.</summary>
    public int Cols { get; private set; }

    /// <summary>Number of elements, rows × cols.</summary>
    public int Length => Rows * Cols;

    /// <summary>Whether gradients flow to this tensor when a tape runs backward.</summary>
    public bool RequiresGrad { get; private set; }

    /// <summary>True for tensors made by the static factories (inputs, parameters), false for tape outputs.</summary>
    public bool IsLeaf { get; private set; }

    /// <summary>The gradient of the last backward pass, same shape as this tensor; null until one flowed here.</summary>
    public Variable<T>? Grad { get; internal set; }

    /// <summary>The shape as text, "[rows x cols]", as error messages print it.</summary>
    public string Shape => $"[{Rows} x {Cols}]";

    /// <summary>The elements, row-major.</summary>
    public Span<T> Span => _data.AsSpan(_offset, Rows * Cols);

    /// <summary>One row's elements.</summary>
    public Span<T> Row(int row)
    {
        if ((uint)row >= (uint)Rows) throw new ArgumentOutOfRangeException(nameof(row), row, $"row out of range for a tensor of shape {Shape}");
        return _data.AsSpan(_offset + row * Cols, Cols);
    }

    /// <summary>The element at (row, col).</summary>
    [System.Runtime.CompilerServices.IndexerName("Element")]
    public T this[int row, int col]
    {
        get => Row(row)[CheckCol(col)];
        set => Row(row)[CheckCol(col)] = value;
    }

    /// <summary>The single element of a 1 × 1 tensor (a loss).</summary>
    public T Item()
    {
        if (Rows != 1 || Cols != 1) throw new InvalidOperationException($"Item() needs a [1 x 1] tensor, this one is {Shape}");
        return _data[_offset];
    }

    /// <summary>A copy of the elements, row-major.</summary>
    public T[] ToArray() => Span.ToArray();

    /// <summary>A new zero-filled tensor that owns its storage.</summary>
    public static Variable<T> Zeros(int rows, int cols, bool requiresGrad = false)
    {
        CheckShape(rows, cols);
        return new Variable<T>(rows, cols, ReadOnlySpan<T>.Empty, requiresGrad);
    }

    /// <summary>A new tensor holding a copy of <paramref name="values"/> (row-major, rows × cols of them).</summary>
    public static Variable<T> FromSpan(int rows, int cols, ReadOnlySpan<T> values, bool requiresGrad = false)
    {
        CheckShape(rows, cols);
        if (values.Length != rows * cols)
            throw new ArgumentException($"{values.Length} values cannot fill a tensor of shape [{rows} x {cols}]", nameof(values));
        return new Variable<T>(rows, cols, values, requiresGrad);
    }

    /// <summary>Sets the gradient to zero (allocating it once for a tensor that requires grad).</summary>
    public void ZeroGrad()
    {
        if (Grad is null)
        {
            if (RequiresGrad) Grad = Zeros(Rows, Cols);
        }
        else Grad.Span.Clear();
    }

    /// <summary>Turns this arena slot into a fresh tensor of the given shape on its own storage.</summary>
    internal void Reinitialize(int rows, int cols, bool requiresGrad)
    {
        int n = rows * cols;
        if (_own.Length - _ownOffset < n) _own = AlignedStorage(n, out _ownOffset);
        _data = _own;
        _offset = _ownOffset;
        Rows = rows;
        Cols = cols;
        RequiresGrad = requiresGrad;
        IsLeaf = false;
        Grad = null;
    }

    /// <summary>Turns this arena slot into a view of consecutive rows of <paramref name="parent"/>.</summary>
    internal void ReinitializeAsRowView(Variable<T> parent, int firstRow, int rows, bool requiresGrad)
    {
        _data = parent._data;
        _offset = parent._offset + firstRow * parent.Cols;
        Rows = rows;
        Cols = parent.Cols;
        RequiresGrad = requiresGrad;
        IsLeaf = false;
        Grad = null;
    }

    /// <summary>A zero-filled pinned array holding <paramref name="length"/> elements from <paramref name="offset"/>, which is 64-byte aligned.</summary>
    static unsafe T[] AlignedStorage(int length, out int offset)
    {
        int size = Unsafe.SizeOf<T>();
        var array = GC.AllocateArray<T>(length + Alignment / size, pinned: true);
        nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        offset = (int)((Alignment - (address & (Alignment - 1))) & (Alignment - 1)) / size;
        return array;
    }

    internal static void CheckShape(int rows, int cols)
    {
        if (rows < 0 || cols < 0) throw new ArgumentOutOfRangeException(nameof(rows), $"a tensor shape cannot be negative: [{rows} x {cols}]");
        if ((long)rows * cols > Array.MaxLength - Alignment) throw new ArgumentOutOfRangeException(nameof(rows), $"a tensor of shape [{rows} x {cols}] has more elements than an array can hold");
    }

    int CheckCol(int col)
    {
        if ((uint)col >= (uint)Cols) throw new ArgumentOutOfRangeException(nameof(col), col, $"column out of range for a tensor of shape {Shape}");
        return col;
    }

    /// <inheritdoc/>
    public override string ToString() => $"Variable<{typeof(T).Name}>{Shape}";
}
