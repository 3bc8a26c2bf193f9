using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>
/// Elementwise kernels that TensorPrimitives does not provide: the fused backward rules of the
/// activations. Each has a vector body on the widest accelerated width and a scalar tail.
/// </summary>
internal static class ElementwiseKernels
{
    /// <summary>dst[i] = TOp(a[i], b[i], c[i]); dst may alias any input.</summary>
    public static void Apply<T, TOp>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> c, Span<T> dst)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : ITernaryOperator<T>
    {
        int n = dst.Length;
        if (a.Length != n || b.Length != n || c.Length != n)
            throw new ArgumentException($"span lengths differ: {a.Length}, {b.Length}, {c.Length} -> {n}");
        ref T ra = ref MemoryMarshal.GetReference(a);
        ref T rb = ref MemoryMarshal.GetReference(b);
        ref T rc = ref MemoryMarshal.GetReference(c);
        ref T rd = ref MemoryMarshal.GetReference(dst);
        int i = 0;
        if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
        {
            for (; i <= n - Vector512<T>.Count; i += Vector512<T>.Count)
                TOp.Invoke(Vector512.LoadUnsafe(ref ra, (nuint)i), Vector512.LoadUnsafe(ref rb, (nuint)i), Vector512.LoadUnsafe(ref rc, (nuint)i))
                    .StoreUnsafe(ref rd, (nuint)i);
        }
        else if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
                TOp.Invoke(Vector256.LoadUnsafe(ref ra, (nuint)i), Vector256.LoadUnsafe(ref rb, (nuint)i), Vector256.LoadUnsafe(ref rc, (nuint)i))
                    .StoreUnsafe(ref rd, (nuint)i);
        }
        else if (Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported)
        {
            for (; i <= n - Vector128<T>.Count; i += Vector128<T>.Count)
                TOp.Invoke(Vector128.LoadUnsafe(ref ra, (nuint)i), Vector128.LoadUnsafe(ref rb, (nuint)i), Vector128.LoadUnsafe(ref rc, (nuint)i))
                    .StoreUnsafe(ref rd, (nuint)i);
        }
        for (; i < n; i++)
            Unsafe.Add(ref rd, i) = TOp.Invoke(Unsafe.Add(ref ra, i), Unsafe.Add(ref rb, i), Unsafe.Add(ref rc, i));
    }

    /// <summary>The same operation one element at a time: the reference the tests compare against.</summary>
    public static void ApplyScalar<T, TOp>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> c, Span<T> dst)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TOp : ITernaryOperator<T>
    {
        for (int i = 0; i < dst.Length; i++) dst[i] = TOp.Invoke(a[i], b[i], c[i]);
    }
}

/// <summary>ReLU backward: acc + (y &gt; 0 ? dy : 0), with (acc, y, dy).</summary>
internal readonly struct ReluGradOperator<T> : ITernaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T acc, T y, T dy) => y > T.Zero ? acc + dy : acc;
    public static Vector128<T> Invoke(Vector128<T> acc, Vector128<T> y, Vector128<T> dy)
        => acc + (dy & Vector128.GreaterThan(y, Vector128<T>.Zero));
    public static Vector256<T> Invoke(Vector256<T> acc, Vector256<T> y, Vector256<T> dy)
        => acc + (dy & Vector256.GreaterThan(y, Vector256<T>.Zero));
    public static Vector512<T> Invoke(Vector512<T> acc, Vector512<T> y, Vector512<T> dy)
        => acc + (dy & Vector512.GreaterThan(y, Vector512<T>.Zero));
}

/// <summary>Tanh backward: acc + dy·(1 − y²), with (acc, y, dy).</summary>
internal readonly struct TanhGradOperator<T> : ITernaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T acc, T y, T dy) => acc + dy * (T.One - y * y);
    public static Vector128<T> Invoke(Vector128<T> acc, Vector128<T> y, Vector128<T> dy) => acc + dy * (Vector128<T>.One - y * y);
    public static Vector256<T> Invoke(Vector256<T> acc, Vector256<T> y, Vector256<T> dy) => acc + dy * (Vector256<T>.One - y * y);
    public static Vector512<T> Invoke(Vector512<T> acc, Vector512<T> y, Vector512<T> dy) => acc + dy * (Vector512<T>.One - y * y);
}

/// <summary>acc + x·dy, with (acc, x, dy): the backward rule of a product, of Exp (x = y) and, doubled, of Square.</summary>
internal readonly struct MultiplyAccumulateOperator<T> : ITernaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T acc, T x, T dy) => acc + x * dy;
    public static Vector128<T> Invoke(Vector128<T> acc, Vector128<T> x, Vector128<T> dy) => acc + x * dy;
    public static Vector256<T> Invoke(Vector256<T> acc, Vector256<T> x, Vector256<T> dy) => acc + x * dy;
    public static Vector512<T> Invoke(Vector512<T> acc, Vector512<T> x, Vector512<T> dy) => acc + x * dy;
}

/// <summary>acc − x·dy, with (acc, x, dy): Cos backward with x = sin of the input.</summary>
internal readonly struct MultiplySubtractOperator<T> : ITernaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static T Invoke(T acc, T x, T dy) => acc - x * dy;
    public static Vector128<T> Invoke(Vector128<T> acc, Vector128<T> x, Vector128<T> dy) => acc - x * dy;
    public static Vector256<T> Invoke(Vector256<T> acc, Vector256<T> x, Vector256<T> dy) => acc - x * dy;
    public static Vector512<T> Invoke(Vector512<T> acc, Vector512<T> x, Vector512<T> dy) => acc - x * dy;
}
