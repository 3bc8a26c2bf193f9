using System.Numerics;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>
/// A register-tiled GEMM micro-kernel: C[MR, NR] (+)= A·B where element (i, p) of A sits at
/// <c>a[i·rowStrideA + p·stepA]</c> and row p of B is the NR contiguous elements at <c>b[p·stepB]</c>, so
/// either operand is read in place or from a packed panel ([p][MR] for A, [p][NR] for B). Implemented by
/// structs so the blocked driver is specialised for each.
/// </summary>
internal interface IGemmMicroKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rows of C per tile (broadcast from the packed A panel).</summary>
    static abstract int MR { get; }

    /// <summary>Columns of C per tile (vector loads from the packed B panel).</summary>
    static abstract int NR { get; }

    /// <summary>
    /// Runs <paramref name="kc"/> steps of the FMA chain for one tile. Accumulators start from C when
    /// <paramref name="loadC"/> is set (accumulating, or a later k-block), else from zero, so every element
    /// stays one sequential FMA chain over p whatever the K blocking.
    /// </summary>
    static abstract void Run(int kc, ref T a, nint rowStrideA, nint stepA, ref T b, nint stepB, ref T c, nint ldc, bool loadC);

    /// <summary>Whether <see cref="RunBiasActivation"/> is this kernel's own (fused); else the driver runs the bias pass itself.</summary>
    static virtual bool FusesBiasActivation => false;

    /// <summary>
    /// As <see cref="Run"/> for a tile's last k-block, adding <paramref name="bias"/>[0..NR) to every row (then
    /// max(·, 0) when <paramref name="relu"/>) before the store: the operations of a bias pass over the stored
    /// tile, in the same order, so the same bits, without reading the tile back.
    /// </summary>
    static virtual void RunBiasActivation(int kc, ref T a, nint rowStrideA, nint stepA, ref T b, nint stepB, ref T c, nint ldc, bool loadC,
        ref T bias, bool relu) => throw new NotSupportedException("this micro-kernel has no fused bias; check FusesBiasActivation");
}
