using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>
/// BLIS-style blocked GEMM: column blocks of NC (jc), k-blocks of KC (pc, B packed into NR-wide panels),
/// row blocks of MC (ic, A packed into MR-tall panels), then MR×NR tiles by the micro-kernel. Packing
/// zero-pads the edges and hides the form, so one micro-kernel serves NN, NT and TN.
/// </summary>
internal static class GemmPacked
{
    // KC·NR of B (32 KiB for 12×32 floats) stays in L1 while the MC×KC block of A (~120 KiB) streams from L2.
    private const int KC = 256;
    private const int MCTarget = 120;
    private const int NCTarget = 4096;

    /// <summary>Runs the blocked product with micro-kernel <typeparamref name="TKernel"/>. Sizes are already checked and non-zero.</summary>
    public static void Run<T, TKernel>(GemmForm form, int m, int n, int k, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : struct, IGemmMicroKernel<T>
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        int mcMax = Math.Max(1, MCTarget / mr) * mr;
        int ncMax = Math.Max(1, NCTarget / nr) * nr;
        int kcMax = Math.Min(KC, k);
        int mcCap = Math.Min(mcMax, RoundUp(m, mr));
        int ncCap = Math.Min(ncMax, RoundUp(n, nr));

        Span<T> packA = GemmScratch<T>.PackA(mr * kcMax);
        Span<T> packB = GemmScratch<T>.PackB(ncCap * kcMax);
        Span<T> tile = GemmScratch<T>.Tile(mr * nr);
        ref T a0 = ref MemoryMarshal.GetReference(a);
        ref T packA0 = ref MemoryMarshal.GetReference(packA);
        ref T packB0 = ref MemoryMarshal.GetReference(packB);
        ref T c0 = ref MemoryMarshal.GetReference(c);
        // Full row panels read A in place (broadcasts need no contiguity); only a ragged last panel is
        // packed, zero-padded to MR rows, so no read runs past A.
        nint rowStrideA = form == GemmForm.TN ? 1 : k;
        nint stepA = form == GemmForm.TN ? m : 1;

        for (int jc = 0; jc < n; jc += ncMax)
        {
            int nc = Math.Min(ncMax, n - jc);
            for (int pc = 0; pc < k; pc += KC)
            {
                int kc = Math.Min(KC, k - pc);
                // After the first k-block the partial sums in C are the chain's running value.
                bool loadC = accumulate || pc > 0;
                PackB(form, n, k, b, jc, nc, pc, kc, nr, packB);
                for (int ic = 0; ic < m; ic += mcMax)
                {
                    int mc = Math.Min(mcMax, m - ic);
                    int mcFull = mc - mc % mr;
                    if (mcFull < mc)
                        PackA(form, m, k, a, ic + mcFull, mc - mcFull, pc, kc, mr, packA);
                    for (int jr = 0; jr < nc; jr += nr)
                    {
                        int nrValid = Math.Min(nr, nc - jr);
                        ref T bPanel = ref Unsafe.Add(ref packB0, jr * kc);
                        for (int ir = 0; ir < mc; ir += mr)
                        {
                            int i = ic + ir;
                            ref T cTile = ref Unsafe.Add(ref c0, (nint)i * n + jc + jr);
                            if (ir < mcFull)
                            {
                                ref T aPanel = ref Unsafe.Add(ref a0, i * rowStrideA + pc * stepA);
                                if (nrValid == nr)
                                    TKernel.Run(kc, ref aPanel, rowStrideA, stepA, ref bPanel, ref cTile, n, loadC);
                                else
                                    RunEdge<T, TKernel>(kc, ref aPanel, rowStrideA, stepA, ref bPanel, ref cTile, n, loadC, mr, nrValid, tile);
                            }
                            else
                                RunEdge<T, TKernel>(kc, ref packA0, 1, mr, ref bPanel, ref cTile, n, loadC, mc - ir, nrValid, tile);
                        }
                    }
                }
            }
        }
    }

    // A partial tile runs the full micro-kernel on a scratch tile; the padded rows and columns are discarded.
    private static void RunEdge<T, TKernel>(int kc, ref T aPanel, nint rowStrideA, nint stepA, ref T bPanel, ref T cTile, int ldc, bool loadC, int mrValid, int nrValid, Span<T> tile)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : struct, IGemmMicroKernel<T>
    {
        int nr = TKernel.NR;
        ref T t0 = ref MemoryMarshal.GetReference(tile);
        if (loadC)
            for (int i = 0; i < mrValid; i++)
                MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref cTile, (nint)i * ldc), nrValid)
                    .CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref t0, i * nr), nrValid));
        TKernel.Run(kc, ref aPanel, rowStrideA, stepA, ref bPanel, ref t0, nr, loadC);
        for (int i = 0; i < mrValid; i++)
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref t0, i * nr), nrValid)
                .CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref cTile, (nint)i * ldc), nrValid));
    }

    /// <summary>Packs op(A)[ic..ic+mc, pc..pc+kc] into MR-tall panels laid out [panel][p][MR], zero-padding the last panel.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void PackA<T>(GemmForm form, int m, int k, ReadOnlySpan<T> a, int ic, int mc, int pc, int kc, int mr, Span<T> dst)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T a0 = ref MemoryMarshal.GetReference(a);
        ref T d0 = ref MemoryMarshal.GetReference(dst);
        for (int ir = 0; ir < mc; ir += mr)
        {
            int rows = Math.Min(mr, mc - ir);
            ref T panel = ref Unsafe.Add(ref d0, ir * kc);
            if (form == GemmForm.TN)
            {
                // op(A)[i, p] = A[p, i]: each p contributes a contiguous run of rows.
                for (int p = 0; p < kc; p++)
                {
                    ref T src = ref Unsafe.Add(ref a0, (nint)(pc + p) * m + ic + ir);
                    ref T d = ref Unsafe.Add(ref panel, p * mr);
                    for (int ii = 0; ii < rows; ii++)
                        Unsafe.Add(ref d, ii) = Unsafe.Add(ref src, ii);
                    for (int ii = rows; ii < mr; ii++)
                        Unsafe.Add(ref d, ii) = T.Zero;
                }
            }
            else
            {
                // op(A)[i, p] = A[i, p]: a transpose of each row into the panel's column.
                for (int ii = 0; ii < rows; ii++)
                {
                    ref T src = ref Unsafe.Add(ref a0, (nint)(ic + ir + ii) * k + pc);
                    ref T d = ref Unsafe.Add(ref panel, ii);
                    for (int p = 0; p < kc; p++)
                        Unsafe.Add(ref d, p * mr) = Unsafe.Add(ref src, p);
                }
                for (int ii = rows; ii < mr; ii++)
                    for (int p = 0; p < kc; p++)
                        Unsafe.Add(ref panel, p * mr + ii) = T.Zero;
            }
        }
    }

    /// <summary>Packs op(B)[pc..pc+kc, jc..jc+nc] into NR-wide panels laid out [panel][p][NR], zero-padding the last panel.</summary>
    private static void PackB<T>(GemmForm form, int n, int k, ReadOnlySpan<T> b, int jc, int nc, int pc, int kc, int nr, Span<T> dst)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ref T b0 = ref MemoryMarshal.GetReference(b);
        ref T d0 = ref MemoryMarshal.GetReference(dst);
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            ref T panel = ref Unsafe.Add(ref d0, jr * kc);
            if (form == GemmForm.NT)
            {
                // op(B)[p, j] = B[j, p]: a transpose. Four rows of B at a time turn the scattered column
                // writes into runs of four, which roughly halves the cost of this pack.
                int jj = 0;
                for (; jj <= cols - 4; jj += 4)
                {
                    ref T s0 = ref Unsafe.Add(ref b0, (nint)(jc + jr + jj) * k + pc);
                    ref T s1 = ref Unsafe.Add(ref s0, k);
                    ref T s2 = ref Unsafe.Add(ref s1, k);
                    ref T s3 = ref Unsafe.Add(ref s2, k);
                    ref T d = ref Unsafe.Add(ref panel, jj);
                    for (int p = 0; p < kc; p++)
                    {
                        d = Unsafe.Add(ref s0, p);
                        Unsafe.Add(ref d, 1) = Unsafe.Add(ref s1, p);
                        Unsafe.Add(ref d, 2) = Unsafe.Add(ref s2, p);
                        Unsafe.Add(ref d, 3) = Unsafe.Add(ref s3, p);
                        d = ref Unsafe.Add(ref d, nr);
                    }
                }
                for (; jj < cols; jj++)
                {
                    ref T src = ref Unsafe.Add(ref b0, (nint)(jc + jr + jj) * k + pc);
                    ref T d = ref Unsafe.Add(ref panel, jj);
                    for (int p = 0; p < kc; p++)
                        Unsafe.Add(ref d, p * nr) = Unsafe.Add(ref src, p);
                }
                for (int pad = cols; pad < nr; pad++)
                    for (int p = 0; p < kc; p++)
                        Unsafe.Add(ref panel, p * nr + pad) = T.Zero;
            }
            else
            {
                for (int p = 0; p < kc; p++)
                {
                    ref T src = ref Unsafe.Add(ref b0, (nint)(pc + p) * n + jc + jr);
                    Span<T> d = MemoryMarshal.CreateSpan(ref Unsafe.Add(ref panel, p * nr), nr);
                    MemoryMarshal.CreateReadOnlySpan(ref src, cols).CopyTo(d);
                    d[cols..].Clear();
                }
            }
        }
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
