using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>
/// BLIS-style blocked GEMM: column blocks of NC (jc), k-blocks of Kc (pc, per CPU: <see cref="GemmTuning"/>), row blocks of MC (ic), then
/// MR×NR tiles by the micro-kernel. B is packed into NR-wide [p][NR] panels (a copy, or a transpose for NT)
/// and A is read in place through its strides (or packed into [p][MR] panels where the tuning says so); ragged edges are packed, zero-padded, so one
/// micro-kernel serves every form. Rows left over below MR go to the smallest of three kernels of the
/// same width that holds them (MR, then <c>TEdge</c>, then <c>TThin</c> rows), so that little of a tile is
/// padding. Skinny products (n ≪ m) are run as Cᵀ = op(B)ᵀ·op(A)ᵀ so the vector width lies along the long side.
/// </summary>
internal static class GemmPacked
{
    // Kc·NR of B stays in L1 while the MC×Kc block of A streams from L2; Kc is picked per CPU (GemmTuning).
    private const int MCTarget = 120;
    private const int NCTarget = 4096;

    /// <summary>Runs the blocked product with micro-kernel <typeparamref name="TKernel"/>. Sizes are already checked and non-zero.</summary>
    public static void Run<T, TKernel>(GemmForm form, int m, int n, int k, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate,
        ReadOnlySpan<T> bias, bool relu)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : struct, IGemmMicroKernel<T>
        => Run<T, TKernel, TKernel, TKernel>(form, m, n, k, a, b, c, accumulate, bias, relu);

    /// <summary>
    /// As <see cref="Run{T, TKernel}"/>, with a last row panel of fewer than MR rows run by <typeparamref name="TEdge"/>
    /// or <typeparamref name="TThin"/> (same NR, MR ≥ TEdge.MR ≥ TThin.MR) when one of them holds it.
    /// With a <paramref name="bias"/> (length n), every row of C gets it added, then max(·, 0) when
    /// <paramref name="relu"/>: tile by tile as each becomes final, or in one pass after a transposed product.
    /// </summary>
    public static void Run<T, TKernel, TEdge, TThin>(GemmForm form, int m, int n, int k, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate,
        ReadOnlySpan<T> bias, bool relu)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : struct, IGemmMicroKernel<T>
        where TEdge : struct, IGemmMicroKernel<T>
        where TThin : struct, IGemmMicroKernel<T>
    {
        Debug.Assert(TEdge.NR == TKernel.NR && TThin.NR == TKernel.NR && TKernel.MR >= TEdge.MR && TEdge.MR >= TThin.MR);
        // op(A)[i, p] = a[i·ars + p·aps], op(B)[p, j] = b[p·brs + j·bcs], C[i, j] = c[i·n + j].
        nint ars = form == GemmForm.TN ? 1 : k, aps = form == GemmForm.TN ? m : 1;
        nint brs = form == GemmForm.NT ? 1 : n, bcs = form == GemmForm.NT ? k : 1;
        ref T a0 = ref MemoryMarshal.GetReference(a);
        ref T b0 = ref MemoryMarshal.GetReference(b);
        ref T c0 = ref MemoryMarshal.GetReference(c);

        // Cᵀ[j, i] = Σp op(B)[p, j]·op(A)[i, p] is the same chain in the same order, so the transposed
        // problem gives identical bits; take it when it wastes much less of the zero-padded tiles.
        bool epilogue = !bias.IsEmpty;
        ref T bias0 = ref MemoryMarshal.GetReference(bias);
        if (PaddedArea<T, TKernel, TEdge, TThin>(m, n) > 2 * PaddedArea<T, TKernel, TEdge, TThin>(n, m))
        {
            Blocked<T, TKernel, TEdge, TThin>(n, m, k, ref b0, bcs, brs, ref a0, aps, ars, ref c0, 1, n, accumulate, ref bias0, false, false);
            if (epilogue)
                BiasActivationKernels.Forward(c, m, n, bias, relu);
        }
        else
            Blocked<T, TKernel, TEdge, TThin>(m, n, k, ref a0, ars, aps, ref b0, brs, bcs, ref c0, n, 1, accumulate, ref bias0, epilogue, relu);
    }

    private static long PaddedArea<T, TKernel, TEdge, TThin>(int rows, int cols)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : struct, IGemmMicroKernel<T>
        where TEdge : struct, IGemmMicroKernel<T>
        where TThin : struct, IGemmMicroKernel<T>
    {
        int leftover = rows % TKernel.MR;
        return ((long)rows - leftover + (leftover == 0 ? 0 : TileRows<T, TKernel, TEdge, TThin>(leftover))) * RoundUp(cols, TKernel.NR);
    }

    // Height of the tile that runs a row panel of 1..MR rows: the smallest kernel that holds it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int TileRows<T, TKernel, TEdge, TThin>(int rows)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : struct, IGemmMicroKernel<T>
        where TEdge : struct, IGemmMicroKernel<T>
        where TThin : struct, IGemmMicroKernel<T>
        => rows <= TThin.MR ? TThin.MR : rows <= TEdge.MR ? TEdge.MR : TKernel.MR;

    // C[i, j] = c[i·crs + j·ccs]; A and B as in Run. With an epilogue (only when ccs = 1), each tile gets
    // bias[j] (then the ReLU) once its last k-block is stored, while it is still in L1: the same operations
    // in the same order as a pass over C afterwards, so the same bits. This and the packers are compiled
    // fully optimised from the first call (no unoptimised tier), as the micro-kernels are.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Blocked<T, TKernel, TEdge, TThin>(int m, int n, int k, ref T a0, nint ars, nint aps, ref T b0, nint brs, nint bcs,
        ref T c0, nint crs, nint ccs, bool accumulate, ref T bias0, bool epilogue, bool relu)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : struct, IGemmMicroKernel<T>
        where TEdge : struct, IGemmMicroKernel<T>
        where TThin : struct, IGemmMicroKernel<T>
    {
        int mr = TKernel.MR, nr = TKernel.NR;
        int mcMax = Math.Max(1, MCTarget / mr) * mr;
        int ncMax = Math.Max(1, NCTarget / nr) * nr;
        GemmTuning tuning = GemmTuning.Current;
        int kcBlock = tuning.Kc;
        int kcMax = Math.Min(kcBlock, k);
        // Full row panels of A are packed only when enough B panels reuse each of them.
        bool packFullA = tuning.PackA && Math.Min(n, ncMax) >= tuning.PackAMinPanels * nr && m > mr;
        // With a single row panel each B panel is used once, so packing it would only copy it; B rows
        // that are contiguous are then read in place.
        bool directB = bcs == 1 && m <= mr;
        Span<T> packA = GemmScratch<T>.PackA((packFullA ? mcMax : mr) * kcMax);
        Span<T> packB = GemmScratch<T>.PackB((int)Math.Min(ncMax, RoundUp(n, nr)) * kcMax);
        Span<T> tile = GemmScratch<T>.Tile(mr * nr);
        ref T packA0 = ref MemoryMarshal.GetReference(packA);
        ref T packB0 = ref MemoryMarshal.GetReference(packB);
        ref T tile0 = ref MemoryMarshal.GetReference(tile);

        for (int jc = 0; jc < n; jc += ncMax)
        {
            int nc = Math.Min(ncMax, n - jc);
            for (int pc = 0; pc < k; pc += kcBlock)
            {
                int kc = Math.Min(kcBlock, k - pc);
                // After the first k-block the partial sums in C are the chain's running value.
                bool loadC = accumulate || pc > 0;
                bool finish = epilogue && pc + kc == k;
                for (int jr = 0; jr < nc; jr += nr)
                    if (!directB || nc - jr < nr)
                        PackBPanel<T, TKernel>(ref Unsafe.Add(ref b0, pc * brs + (jc + jr) * bcs), brs, bcs, kc, Math.Min(nr, nc - jr),
                            ref Unsafe.Add(ref packB0, jr * kc));

                for (int ic = 0; ic < m; ic += mcMax)
                {
                    int mc = Math.Min(mcMax, m - ic);
                    int mcFull = mc - mc % mr;
                    int lastRows = mc - mcFull, lastTileRows = lastRows == 0 ? 0 : TileRows<T, TKernel, TEdge, TThin>(lastRows);
                    // Row panels that fill their tile read A in place (broadcasts need no contiguity); one that
                    // does not is packed, zero-padded to the tile's rows, so no read runs past A.
                    bool packLast = lastRows != lastTileRows;
                    // Packed panels lie one after another, [ir / mr][p][rows]; the last may be shorter.
                    if (packFullA)
                        for (int ir = 0; ir < mcFull; ir += mr)
                            PackAPanel(ref Unsafe.Add(ref a0, (ic + ir) * ars + pc * aps), ars, aps, kc, mr, mr, ref Unsafe.Add(ref packA0, ir * kc));
                    if (packLast)
                        PackAPanel(ref Unsafe.Add(ref a0, (ic + mcFull) * ars + pc * aps), ars, aps, kc, lastRows, lastTileRows,
                            ref Unsafe.Add(ref packA0, packFullA ? mcFull * kc : 0));
                    for (int jr = 0; jr < nc; jr += nr)
                    {
                        int nrValid = Math.Min(nr, nc - jr);
                        bool bInPlace = directB && nrValid == nr;
                        ref T bPanel = ref bInPlace ? ref Unsafe.Add(ref b0, pc * brs + (jc + jr)) : ref Unsafe.Add(ref packB0, jr * kc);
                        nint stepB = bInPlace ? brs : nr;
                        for (int ir = 0; ir < mc; ir += mr)
                        {
                            int i = ic + ir;
                            bool fullRows = ir < mcFull;
                            int rows = fullRows ? mr : lastRows, tileRows = fullRows ? mr : lastTileRows;
                            bool aInPlace = fullRows ? !packFullA : !packLast;
                            ref T aPanel = ref aInPlace ? ref Unsafe.Add(ref a0, i * ars + pc * aps) : ref Unsafe.Add(ref packA0, packFullA ? ir * kc : 0);
                            nint rowStrideA = aInPlace ? ars : 1, stepA = aInPlace ? aps : tileRows;
                            ref T cTile = ref Unsafe.Add(ref c0, i * crs + (jc + jr) * ccs);
                            if (rows == tileRows && nrValid == nr && ccs == 1)
                            {
                                if (finish && TKernel.FusesBiasActivation && tileRows == TKernel.MR)
                                {
                                    TKernel.RunBiasActivation(kc, ref aPanel, rowStrideA, stepA, ref bPanel, stepB, ref cTile, crs, loadC, ref Unsafe.Add(ref bias0, jc + jr), relu);
                                    continue;
                                }
                                RunTile<T, TKernel, TEdge, TThin>(tileRows, kc, ref aPanel, rowStrideA, stepA, ref bPanel, stepB, ref cTile, crs, loadC);
                                if (finish)
                                    BiasActivationKernels.ForwardRows(ref cTile, crs, rows, nr, ref Unsafe.Add(ref bias0, jc + jr), relu);
                                continue;
                            }
                            // A partial (or transposed) tile runs a whole micro-kernel on a scratch tile;
                            // the padded rows and columns are discarded.
                            if (loadC)
                                CopyTile(ref cTile, crs, ccs, ref tile0, nr, 1, rows, nrValid);
                            RunTile<T, TKernel, TEdge, TThin>(tileRows, kc, ref aPanel, rowStrideA, stepA, ref bPanel, stepB, ref tile0, nr, loadC);
                            CopyTile(ref tile0, nr, 1, ref cTile, crs, ccs, rows, nrValid);
                            if (finish)
                                BiasActivationKernels.ForwardRows(ref cTile, crs, rows, nrValid, ref Unsafe.Add(ref bias0, jc + jr), relu);
                        }
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void RunTile<T, TKernel, TEdge, TThin>(int tileRows, int kc, ref T a, nint rowStrideA, nint stepA, ref T b, nint stepB, ref T c, nint ldc, bool loadC)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : struct, IGemmMicroKernel<T>
        where TEdge : struct, IGemmMicroKernel<T>
        where TThin : struct, IGemmMicroKernel<T>
    {
        if (tileRows == TKernel.MR)
            TKernel.Run(kc, ref a, rowStrideA, stepA, ref b, stepB, ref c, ldc, loadC);
        else if (tileRows == TEdge.MR)
            TEdge.Run(kc, ref a, rowStrideA, stepA, ref b, stepB, ref c, ldc, loadC);
        else
            TThin.Run(kc, ref a, rowStrideA, stepA, ref b, stepB, ref c, ldc, loadC);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CopyTile<T>(ref T src, nint srcRow, nint srcCol, ref T dst, nint dstRow, nint dstCol, int rows, int cols)
    {
        for (int i = 0; i < rows; i++)
        {
            ref T s = ref Unsafe.Add(ref src, i * srcRow);
            ref T d = ref Unsafe.Add(ref dst, i * dstRow);
            for (int j = 0; j < cols; j++)
                Unsafe.Add(ref d, j * dstCol) = Unsafe.Add(ref s, j * srcCol);
        }
    }

    /// <summary>Packs <paramref name="rows"/> &lt; <paramref name="mr"/> rows of A (element (i, p) at src[i·rs + p·ps]) into one [p][mr] panel, zero-padding the missing rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackAPanel<T>(ref T src, nint rs, nint ps, int kc, int rows, int mr, ref T dst)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int p = 0; p < kc; p++)
        {
            ref T s = ref Unsafe.Add(ref src, p * ps);
            ref T d = ref Unsafe.Add(ref dst, p * mr);
            for (int i = 0; i < rows; i++)
                Unsafe.Add(ref d, i) = Unsafe.Add(ref s, i * rs);
            for (int i = rows; i < mr; i++)
                Unsafe.Add(ref d, i) = T.Zero;
        }
    }

    /// <summary>Packs up to NR columns of B (element (p, j) at src[p·rs + j·cs]) into one [p][NR] panel, zero-padding the missing columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackBPanel<T, TKernel>(ref T src, nint rs, nint cs, int kc, int cols, ref T dst)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TKernel : struct, IGemmMicroKernel<T>
    {
        int nr = TKernel.NR;
        if (cs == 1)
        {
            for (int p = 0; p < kc; p++)
            {
                ref T s = ref Unsafe.Add(ref src, p * rs);
                ref T d = ref Unsafe.Add(ref dst, p * nr);
                if (cols == nr)
                {
                    // NR·sizeof(T) is a JIT-time constant, so this block copy unrolls into a few vector moves.
                    Unsafe.CopyBlockUnaligned(ref Unsafe.As<T, byte>(ref d), ref Unsafe.As<T, byte>(ref s), (uint)(nr * Unsafe.SizeOf<T>()));
                    continue;
                }
                for (int j = 0; j < cols; j++)
                    Unsafe.Add(ref d, j) = Unsafe.Add(ref s, j);
                for (int j = cols; j < nr; j++)
                    Unsafe.Add(ref d, j) = T.Zero;
            }
            return;
        }

        // A transpose (NT's B, or op(A)ᵀ of a skinny product). Four source columns at a time turn the
        // scattered writes into runs of four, several times faster than one column at a time; for float
        // on x86 with p contiguous, 4×4 blocks are transposed in SSE registers, faster again.
        int jj = 0;
        if (typeof(T) == typeof(float) && Sse.IsSupported && rs == 1)
            for (; jj <= cols - 4; jj += 4)
                Transpose4Rows(ref Unsafe.As<T, float>(ref Unsafe.Add(ref src, jj * cs)), cs, kc, ref Unsafe.As<T, float>(ref Unsafe.Add(ref dst, jj)), nr);
        for (; jj <= cols - 4; jj += 4)
        {
            ref T s0 = ref Unsafe.Add(ref src, jj * cs);
            ref T s1 = ref Unsafe.Add(ref s0, cs);
            ref T s2 = ref Unsafe.Add(ref s1, cs);
            ref T s3 = ref Unsafe.Add(ref s2, cs);
            ref T d = ref Unsafe.Add(ref dst, jj);
            for (int p = 0; p < kc; p++)
            {
                nint o = p * rs;
                d = Unsafe.Add(ref s0, o);
                Unsafe.Add(ref d, 1) = Unsafe.Add(ref s1, o);
                Unsafe.Add(ref d, 2) = Unsafe.Add(ref s2, o);
                Unsafe.Add(ref d, 3) = Unsafe.Add(ref s3, o);
                d = ref Unsafe.Add(ref d, nr);
            }
        }
        for (; jj < cols; jj++)
        {
            ref T s = ref Unsafe.Add(ref src, jj * cs);
            for (int p = 0; p < kc; p++)
                Unsafe.Add(ref dst, p * nr + jj) = Unsafe.Add(ref s, p * rs);
        }
        if (cols < nr)
            for (int p = 0; p < kc; p++)
                for (int j = cols; j < nr; j++)
                    Unsafe.Add(ref dst, p * nr + j) = T.Zero;
    }

    // Writes column p of four contiguous source rows (stride cs) to dst[p·nr .. p·nr+3].
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Transpose4Rows(ref float s0, nint cs, int kc, ref float dst, int nr)
    {
        ref float s1 = ref Unsafe.Add(ref s0, cs);
        ref float s2 = ref Unsafe.Add(ref s1, cs);
        ref float s3 = ref Unsafe.Add(ref s2, cs);
        nint step = nr;
        int p = 0;
        for (; p <= kc - 4; p += 4)
        {
            Vector128<float> r0 = Vector128.LoadUnsafe(ref s0, (nuint)p), r1 = Vector128.LoadUnsafe(ref s1, (nuint)p);
            Vector128<float> r2 = Vector128.LoadUnsafe(ref s2, (nuint)p), r3 = Vector128.LoadUnsafe(ref s3, (nuint)p);
            Vector128<float> t0 = Sse.UnpackLow(r0, r1), t1 = Sse.UnpackLow(r2, r3);
            Vector128<float> t2 = Sse.UnpackHigh(r0, r1), t3 = Sse.UnpackHigh(r2, r3);
            Sse.MoveLowToHigh(t0, t1).StoreUnsafe(ref dst);
            Sse.MoveHighToLow(t1, t0).StoreUnsafe(ref Unsafe.Add(ref dst, step));
            Sse.MoveLowToHigh(t2, t3).StoreUnsafe(ref Unsafe.Add(ref dst, 2 * step));
            Sse.MoveHighToLow(t3, t2).StoreUnsafe(ref Unsafe.Add(ref dst, 3 * step));
            dst = ref Unsafe.Add(ref dst, 4 * step);
        }
        for (; p < kc; p++)
        {
            dst = Unsafe.Add(ref s0, p);
            Unsafe.Add(ref dst, 1) = Unsafe.Add(ref s1, p);
            Unsafe.Add(ref dst, 2) = Unsafe.Add(ref s2, p);
            Unsafe.Add(ref dst, 3) = Unsafe.Add(ref s3, p);
            dst = ref Unsafe.Add(ref dst, step);
        }
    }

    private static long RoundUp(int value, int multiple) => ((long)value + multiple - 1) / multiple * multiple;
}
