using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LatentSymmetry.Core.Optim;

/// <summary>
/// One AdamW update over a parameter span, in PyTorch's order of operations (torch.optim.AdamW,
/// single-tensor path):
/// p ← p·(1 - lr·wd); m ← β1·m + (1-β1)·g; v ← β2·v + ((1-β2)·g)·g;
/// denom = √v / √(1-β2^t) + ε; p ← p - ((lr / (1-β1^t))·m) / denom.
/// The per-step scalars are computed once in double and rounded to T. Every path (Vector512, Vector256,
/// Vector128, scalar) uses only correctly rounded +, -, ×, ÷ and √ and no fused multiply-add, so all give
/// bit-identical results. Allocates nothing. (PyTorch updates m with lerp, m + (1-β1)·(g - m), equal in
/// exact arithmetic; its addcdiv groups the last line as ((-step_size)·m)/denom, which is what we do.)
/// </summary>
public static class AdamWKernel
{
    /// <summary>The loop body to use; <see cref="Auto"/> takes the widest accelerated vector.</summary>
    internal enum Path
    {
        Auto,
        Scalar,
        Vector128,
        Vector256,
        Vector512,
    }

    /// <summary>
    /// Applies AdamW step <paramref name="step"/> (1-based) to <paramref name="param"/> given its gradient,
    /// updating the moment buffers <paramref name="m"/> and <paramref name="v"/> (zero before step 1) in place.
    /// All four spans must have the same length.
    /// </summary>
    public static void Step<T>(Span<T> param, ReadOnlySpan<T> grad, Span<T> m, Span<T> v, int step, AdamWOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Step(param, grad, m, v, step, options, Path.Auto);

    /// <summary>As the public overload, forcing the loop body (for tests that compare paths).</summary>
    internal static void Step<T>(Span<T> param, ReadOnlySpan<T> grad, Span<T> m, Span<T> v, int step, AdamWOptions options, Path path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        int n = param.Length;
        if (grad.Length != n || m.Length != n || v.Length != n)
            throw new ArgumentException($"param, grad, m and v must have one length; got {n}, {grad.Length}, {m.Length}, {v.Length}.");

        double lr = options.LearningRate, beta1 = options.Beta1, beta2 = options.Beta2;
        double biasCorrection1 = 1 - CrMath.Pow(beta1, step);
        double biasCorrection2 = 1 - CrMath.Pow(beta2, step);
        var s = new Scalars<T>(
            Decay: T.CreateTruncating(1 - lr * options.WeightDecay),
            Beta1: T.CreateTruncating(beta1),
            OneMinusBeta1: T.CreateTruncating(1 - beta1),
            Beta2: T.CreateTruncating(beta2),
            OneMinusBeta2: T.CreateTruncating(1 - beta2),
            StepSize: T.CreateTruncating(lr / biasCorrection1),
            BiasCorrection2Sqrt: T.CreateTruncating(Math.Sqrt(biasCorrection2)),
            Epsilon: T.CreateTruncating(options.Epsilon));

        if (path == Path.Auto)
            path = Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported ? Path.Vector512
                : Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported ? Path.Vector256
                : Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported ? Path.Vector128
                : Path.Scalar;

        int i = path switch
        {
            Path.Vector512 => Vector512Body(param, grad, m, v, s),
            Path.Vector256 => Vector256Body(param, grad, m, v, s),
            Path.Vector128 => Vector128Body(param, grad, m, v, s),
            Path.Scalar => 0,
            _ => throw new ArgumentOutOfRangeException(nameof(path), path, "Unknown path."),
        };
        for (; i < n; i++)
            (param[i], m[i], v[i]) = Update(param[i], grad[i], m[i], v[i], s);
    }

    /// <summary>The scalar update of one element; the vector bodies repeat it lane-wise, operation for operation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (T P, T M, T V) Update<T>(T p, T g, T m, T v, in Scalars<T> s)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        p *= s.Decay;
        m = s.Beta1 * m + s.OneMinusBeta1 * g;
        v = s.Beta2 * v + s.OneMinusBeta2 * g * g;
        T denom = T.Sqrt(v) / s.BiasCorrection2Sqrt + s.Epsilon;
        p -= s.StepSize * m / denom;
        return (p, m, v);
    }

    // The three bodies differ only in the vector type; each returns the index where the scalar tail starts.
    // Loops are bounded with i <= n - Count so the last full vector is not left to the tail.

    private static int Vector512Body<T>(Span<T> param, ReadOnlySpan<T> grad, Span<T> m, Span<T> v, in Scalars<T> s)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!Vector512.IsHardwareAccelerated || !Vector512<T>.IsSupported)
            throw new PlatformNotSupportedException("Vector512 is not accelerated here.");
        ref T p0 = ref MemoryMarshal.GetReference(param);
        ref T g0 = ref MemoryMarshal.GetReference(grad);
        ref T m0 = ref MemoryMarshal.GetReference(m);
        ref T v0 = ref MemoryMarshal.GetReference(v);
        Vector512<T> decay = Vector512.Create(s.Decay), b1 = Vector512.Create(s.Beta1), c1 = Vector512.Create(s.OneMinusBeta1);
        Vector512<T> b2 = Vector512.Create(s.Beta2), c2 = Vector512.Create(s.OneMinusBeta2), stepSize = Vector512.Create(s.StepSize);
        Vector512<T> bc2Sqrt = Vector512.Create(s.BiasCorrection2Sqrt), eps = Vector512.Create(s.Epsilon);
        int n = param.Length, i = 0;
        for (; i <= n - Vector512<T>.Count; i += Vector512<T>.Count)
        {
            nuint k = (nuint)i;
            Vector512<T> g = Vector512.LoadUnsafe(ref g0, k);
            Vector512<T> p = Vector512.LoadUnsafe(ref p0, k) * decay;
            Vector512<T> mi = b1 * Vector512.LoadUnsafe(ref m0, k) + c1 * g;
            Vector512<T> vi = b2 * Vector512.LoadUnsafe(ref v0, k) + c2 * g * g;
            Vector512<T> denom = Vector512.Sqrt(vi) / bc2Sqrt + eps;
            p -= stepSize * mi / denom;
            p.StoreUnsafe(ref p0, k);
            mi.StoreUnsafe(ref m0, k);
            vi.StoreUnsafe(ref v0, k);
        }
        return i;
    }

    private static int Vector256Body<T>(Span<T> param, ReadOnlySpan<T> grad, Span<T> m, Span<T> v, in Scalars<T> s)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!Vector256.IsHardwareAccelerated || !Vector256<T>.IsSupported)
            throw new PlatformNotSupportedException("Vector256 is not accelerated here.");
        ref T p0 = ref MemoryMarshal.GetReference(param);
        ref T g0 = ref MemoryMarshal.GetReference(grad);
        ref T m0 = ref MemoryMarshal.GetReference(m);
        ref T v0 = ref MemoryMarshal.GetReference(v);
        Vector256<T> decay = Vector256.Create(s.Decay), b1 = Vector256.Create(s.Beta1), c1 = Vector256.Create(s.OneMinusBeta1);
        Vector256<T> b2 = Vector256.Create(s.Beta2), c2 = Vector256.Create(s.OneMinusBeta2), stepSize = Vector256.Create(s.StepSize);
        Vector256<T> bc2Sqrt = Vector256.Create(s.BiasCorrection2Sqrt), eps = Vector256.Create(s.Epsilon);
        int n = param.Length, i = 0;
        for (; i <= n - Vector256<T>.Count; i += Vector256<T>.Count)
        {
            nuint k = (nuint)i;
            Vector256<T> g = Vector256.LoadUnsafe(ref g0, k);
            Vector256<T> p = Vector256.LoadUnsafe(ref p0, k) * decay;
            Vector256<T> mi = b1 * Vector256.LoadUnsafe(ref m0, k) + c1 * g;
            Vector256<T> vi = b2 * Vector256.LoadUnsafe(ref v0, k) + c2 * g * g;
            Vector256<T> denom = Vector256.Sqrt(vi) / bc2Sqrt + eps;
            p -= stepSize * mi / denom;
            p.StoreUnsafe(ref p0, k);
            mi.StoreUnsafe(ref m0, k);
            vi.StoreUnsafe(ref v0, k);
        }
        return i;
    }

    private static int Vector128Body<T>(Span<T> param, ReadOnlySpan<T> grad, Span<T> m, Span<T> v, in Scalars<T> s)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!Vector128.IsHardwareAccelerated || !Vector128<T>.IsSupported)
            throw new PlatformNotSupportedException("Vector128 is not accelerated here.");
        ref T p0 = ref MemoryMarshal.GetReference(param);
        ref T g0 = ref MemoryMarshal.GetReference(grad);
        ref T m0 = ref MemoryMarshal.GetReference(m);
        ref T v0 = ref MemoryMarshal.GetReference(v);
        Vector128<T> decay = Vector128.Create(s.Decay), b1 = Vector128.Create(s.Beta1), c1 = Vector128.Create(s.OneMinusBeta1);
        Vector128<T> b2 = Vector128.Create(s.Beta2), c2 = Vector128.Create(s.OneMinusBeta2), stepSize = Vector128.Create(s.StepSize);
        Vector128<T> bc2Sqrt = Vector128.Create(s.BiasCorrection2Sqrt), eps = Vector128.Create(s.Epsilon);
        int n = param.Length, i = 0;
        for (; i <= n - Vector128<T>.Count; i += Vector128<T>.Count)
        {
            nuint k = (nuint)i;
            Vector128<T> g = Vector128.LoadUnsafe(ref g0, k);
            Vector128<T> p = Vector128.LoadUnsafe(ref p0, k) * decay;
            Vector128<T> mi = b1 * Vector128.LoadUnsafe(ref m0, k) + c1 * g;
            Vector128<T> vi = b2 * Vector128.LoadUnsafe(ref v0, k) + c2 * g * g;
            Vector128<T> denom = Vector128.Sqrt(vi) / bc2Sqrt + eps;
            p -= stepSize * mi / denom;
            p.StoreUnsafe(ref p0, k);
            mi.StoreUnsafe(ref m0, k);
            vi.StoreUnsafe(ref v0, k);
        }
        return i;
    }

    private readonly record struct Scalars<T>(
        T Decay, T Beta1, T OneMinusBeta1, T Beta2, T OneMinusBeta2, T StepSize, T BiasCorrection2Sqrt, T Epsilon);
}
