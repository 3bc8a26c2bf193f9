using System.Numerics;
using System.Runtime.CompilerServices;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>4×4 scalar GEMM micro-kernel with <c>T.FusedMultiplyAdd</c>, for any IEEE element type.</summary>
internal readonly struct GemmMicroKernelScalar<T> : IGemmMicroKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public static int MR => 4;

    /// <inheritdoc/>
    public static int NR => 4;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot from the first call: skip the slow unoptimised tier
    public static void Run(int kc, ref T a, nint rowStrideA, nint stepA, ref T b, nint stepB, ref T c, nint ldc, bool loadC)
    {
        T c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
        if (loadC)
        {
            c00 = c; c01 = Unsafe.Add(ref c, 1); c02 = Unsafe.Add(ref c, 2); c03 = Unsafe.Add(ref c, 3);
            c10 = Unsafe.Add(ref c, ldc); c11 = Unsafe.Add(ref c, ldc + 1); c12 = Unsafe.Add(ref c, ldc + 2); c13 = Unsafe.Add(ref c, ldc + 3);
            c20 = Unsafe.Add(ref c, 2 * ldc); c21 = Unsafe.Add(ref c, 2 * ldc + 1); c22 = Unsafe.Add(ref c, 2 * ldc + 2); c23 = Unsafe.Add(ref c, 2 * ldc + 3);
            c30 = Unsafe.Add(ref c, 3 * ldc); c31 = Unsafe.Add(ref c, 3 * ldc + 1); c32 = Unsafe.Add(ref c, 3 * ldc + 2); c33 = Unsafe.Add(ref c, 3 * ldc + 3);
        }
        else
        {
            c00 = T.Zero; c01 = T.Zero; c02 = T.Zero; c03 = T.Zero;
            c10 = T.Zero; c11 = T.Zero; c12 = T.Zero; c13 = T.Zero;
            c20 = T.Zero; c21 = T.Zero; c22 = T.Zero; c23 = T.Zero;
            c30 = T.Zero; c31 = T.Zero; c32 = T.Zero; c33 = T.Zero;
        }
        for (int p = 0; p < kc; p++)
        {
            T b0 = b; T b1 = Unsafe.Add(ref b, 1); T b2 = Unsafe.Add(ref b, 2); T b3 = Unsafe.Add(ref b, 3);
            T a0 = a; c00 = T.FusedMultiplyAdd(a0, b0, c00); c01 = T.FusedMultiplyAdd(a0, b1, c01); c02 = T.FusedMultiplyAdd(a0, b2, c02); c03 = T.FusedMultiplyAdd(a0, b3, c03);
            T a1 = Unsafe.Add(ref a, rowStrideA); c10 = T.FusedMultiplyAdd(a1, b0, c10); c11 = T.FusedMultiplyAdd(a1, b1, c11); c12 = T.FusedMultiplyAdd(a1, b2, c12); c13 = T.FusedMultiplyAdd(a1, b3, c13);
            T a2 = Unsafe.Add(ref a, 2 * rowStrideA); c20 = T.FusedMultiplyAdd(a2, b0, c20); c21 = T.FusedMultiplyAdd(a2, b1, c21); c22 = T.FusedMultiplyAdd(a2, b2, c22); c23 = T.FusedMultiplyAdd(a2, b3, c23);
            T a3 = Unsafe.Add(ref a, 3 * rowStrideA); c30 = T.FusedMultiplyAdd(a3, b0, c30); c31 = T.FusedMultiplyAdd(a3, b1, c31); c32 = T.FusedMultiplyAdd(a3, b2, c32); c33 = T.FusedMultiplyAdd(a3, b3, c33);
            a = ref Unsafe.Add(ref a, stepA);
            b = ref Unsafe.Add(ref b, stepB);
        }
        c = c00; Unsafe.Add(ref c, 1) = c01; Unsafe.Add(ref c, 2) = c02; Unsafe.Add(ref c, 3) = c03;
        Unsafe.Add(ref c, ldc) = c10; Unsafe.Add(ref c, ldc + 1) = c11; Unsafe.Add(ref c, ldc + 2) = c12; Unsafe.Add(ref c, ldc + 3) = c13;
        Unsafe.Add(ref c, 2 * ldc) = c20; Unsafe.Add(ref c, 2 * ldc + 1) = c21; Unsafe.Add(ref c, 2 * ldc + 2) = c22; Unsafe.Add(ref c, 2 * ldc + 3) = c23;
        Unsafe.Add(ref c, 3 * ldc) = c30; Unsafe.Add(ref c, 3 * ldc + 1) = c31; Unsafe.Add(ref c, 3 * ldc + 2) = c32; Unsafe.Add(ref c, 3 * ldc + 3) = c33;
    }
}
