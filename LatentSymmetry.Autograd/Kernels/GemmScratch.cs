using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>
/// Per-thread packing buffers for <see cref="GemmPacked"/>, grown on demand and then reused, so a warm
/// GEMM allocates nothing. Pinned (they never move) and 64-byte aligned so packed panels load as whole
/// cache lines.
/// </summary>
internal static class GemmScratch<T> where T : unmanaged
{
    private const int Alignment = 64;

    [ThreadStatic] private static T[]? s_packA;
    [ThreadStatic] private static int s_packAOffset;
    [ThreadStatic] private static T[]? s_packB;
    [ThreadStatic] private static int s_packBOffset;
    [ThreadStatic] private static T[]? s_tile;
    [ThreadStatic] private static int s_tileOffset;

    /// <summary>An aligned buffer of at least <paramref name="length"/> elements for packed A panels.</summary>
    public static Span<T> PackA(int length) => Get(ref s_packA, ref s_packAOffset, length);

    /// <summary>An aligned buffer of at least <paramref name="length"/> elements for packed B panels.</summary>
    public static Span<T> PackB(int length) => Get(ref s_packB, ref s_packBOffset, length);

    /// <summary>An aligned buffer of at least <paramref name="length"/> elements for one edge tile of C.</summary>
    public static Span<T> Tile(int length) => Get(ref s_tile, ref s_tileOffset, length);

    private static unsafe Span<T> Get(ref T[]? array, ref int offset, int length)
    {
        if (array is null || array.Length - offset < length)
        {
            int size = Unsafe.SizeOf<T>();
            array = GC.AllocateUninitializedArray<T>(length + Alignment / size, pinned: true);
            nint address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
            offset = (int)((Alignment - (address & (Alignment - 1))) & (Alignment - 1)) / size;
        }
        return array.AsSpan(offset, length);
    }
}
