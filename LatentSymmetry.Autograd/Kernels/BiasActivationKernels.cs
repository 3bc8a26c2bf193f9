using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>
/// The elementwise halves of a linear layer, fused so that each touches the activation once:
/// forward y = act(y + b) in place over the matrix product's output, backward the ReLU mask applied to
/// the incoming gradient in place together with the bias gradient's column sums.
/// Vector body on the widest accelerated width, scalar tail; only IEEE add/compare/and, so every
/// width gives the same bits, and column sums run over rows in order on every width.
/// </summary>
internal static class BiasActivationKernels
{
    /// <summary>y[i, :] = y[i, :] + bias, then max(·, 0) when <paramref name="relu"/>, for every row.</summary>
    public static void Forward<T>(Span<T> y, int rows, int cols, ReadOnlySpan<T> bias, bool relu) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (y.Length < rows * cols || bias.Length != cols) throw new ArgumentException($"bias of {bias.Length} for [{rows} x {cols}] in a span of {y.Length}");
        if (rows == 0 || cols == 0) return;
        ForwardRows(ref MemoryMarshal.GetReference(y), cols, rows, cols, ref MemoryMarshal.GetReference(bias), relu);
    }

    /// <summary>
    /// As <see cref="Forward"/> on <paramref name="rows"/> rows of <paramref name="cols"/> elements, row r at
    /// y[r·rowStride]: the GEMM applies it to each tile of C as soon as the tile is final, while it is in L1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void ForwardRows<T>(ref T y, nint rowStride, int rows, int cols, ref T bias, bool relu) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T rb = ref bias;
        for (int r = 0; r < rows; r++)
        {
            ref T ry = ref Unsafe.Add(ref y, r * rowStride);
            int j = 0;
            if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
                for (; j <= cols - Vector512<T>.Count; j += Vector512<T>.Count)
                {
                    var v = Vector512.LoadUnsafe(ref ry, (nuint)j) + Vector512.LoadUnsafe(ref rb, (nuint)j);
                    if (relu) v = Vector512.Max(v, Vector512<T>.Zero);
                    v.StoreUnsafe(ref ry, (nuint)j);
                }
            else if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
                for (; j <= cols - Vector256<T>.Count; j += Vector256<T>.Count)
                {
                    var v = Vector256.LoadUnsafe(ref ry, (nuint)j) + Vector256.LoadUnsafe(ref rb, (nuint)j);
                    if (relu) v = Vector256.Max(v, Vector256<T>.Zero);
                    v.StoreUnsafe(ref ry, (nuint)j);
                }
            else if (Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported)
                for (; j <= cols - Vector128<T>.Count; j += Vector128<T>.Count)
                {
                    var v = Vector128.LoadUnsafe(ref ry, (nuint)j) + Vector128.LoadUnsafe(ref rb, (nuint)j);
                    if (relu) v = Vector128.Max(v, Vector128<T>.Zero);
                    v.StoreUnsafe(ref ry, (nuint)j);
                }
            for (; j < cols; j++)
            {
                T v = Unsafe.Add(ref ry, j) + Unsafe.Add(ref rb, j);
                Unsafe.Add(ref ry, j) = relu ? T.Max(v, T.Zero) : v;
            }
        }
    }

    /// <summary>
    /// When <paramref name="relu"/>: dy[i, j] = y[i, j] &gt; 0 ? dy[i, j] : 0 in place. Then, when
    /// <paramref name="biasGrad"/> is not empty, biasGrad[j] += Σ_i dy[i, j], rows in order.
    /// </summary>
    /// <remarks>
    /// Compiled fully optimised from the first call, as the forward half and the GEMM are: left to tiering, this
    /// loop ran first unoptimised, then as on-stack replacement, then at tier 1 with whatever profile and inlining
    /// the background compiler settled on, which can differ from one process to the next.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward<T>(Span<T> dy, ReadOnlySpan<T> y, int rows, int cols, Span<T> biasGrad, bool relu) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (dy.Length < rows * cols || (relu && y.Length < rows * cols) || (!biasGrad.IsEmpty && biasGrad.Length != cols))
            throw new ArgumentException($"spans do not fit [{rows} x {cols}]");
        bool bias = !biasGrad.IsEmpty;
        ref T rdb = ref MemoryMarshal.GetReference(biasGrad);
        for (int r = 0; r < rows; r++)
        {
            ref T rd = ref MemoryMarshal.GetReference(dy.Slice(r * cols, cols));
            ref T ry = ref relu ? ref MemoryMarshal.GetReference(y.Slice(r * cols, cols)) : ref rd;
            int j = 0;
            if (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported)
                for (; j <= cols - Vector512<T>.Count; j += Vector512<T>.Count)
                {
                    var d = Vector512.LoadUnsafe(ref rd, (nuint)j);
                    if (relu) { d &= Vector512.GreaterThan(Vector512.LoadUnsafe(ref ry, (nuint)j), Vector512<T>.Zero); d.StoreUnsafe(ref rd, (nuint)j); }
                    if (bias) (Vector512.LoadUnsafe(ref rdb, (nuint)j) + d).StoreUnsafe(ref rdb, (nuint)j);
                }
            else if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
                for (; j <= cols - Vector256<T>.Count; j += Vector256<T>.Count)
                {
                    var d = Vector256.LoadUnsafe(ref rd, (nuint)j);
                    if (relu) { d &= Vector256.GreaterThan(Vector256.LoadUnsafe(ref ry, (nuint)j), Vector256<T>.Zero); d.StoreUnsafe(ref rd, (nuint)j); }
                    if (bias) (Vector256.LoadUnsafe(ref rdb, (nuint)j) + d).StoreUnsafe(ref rdb, (nuint)j);
                }
            else if (Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported)
                for (; j <= cols - Vector128<T>.Count; j += Vector128<T>.Count)
                {
                    var d = Vector128.LoadUnsafe(ref rd, (nuint)j);
                    if (relu) { d &= Vector128.GreaterThan(Vector128.LoadUnsafe(ref ry, (nuint)j), Vector128<T>.Zero); d.StoreUnsafe(ref rd, (nuint)j); }
                    if (bias) (Vector128.LoadUnsafe(ref rdb, (nuint)j) + d).StoreUnsafe(ref rdb, (nuint)j);
                }
            for (; j < cols; j++)
            {
                T d = Unsafe.Add(ref rd, j);
                if (relu && !(Unsafe.Add(ref ry, j) > T.Zero)) Unsafe.Add(ref rd, j) = d = T.Zero;
                if (bias) Unsafe.Add(ref rdb, j) += d;
            }
        }
    }
}
