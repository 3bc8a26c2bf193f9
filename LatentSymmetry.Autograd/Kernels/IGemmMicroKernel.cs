using System.Numerics;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>
/// A register-tiled GEMM micro-kernel: C[MR, NR] (+)= Ã·B̃ over packed panels, Ã laid out [p][MR] and
/// B̃ laid out [p][NR]. Implemented by structs so the blocked driver is specialised and the call inlined.
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
    static abstract void Run(int kc, ref T a, ref T b, ref T c, nint ldc, bool loadC);
}
