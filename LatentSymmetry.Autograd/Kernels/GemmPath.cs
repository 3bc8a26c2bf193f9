namespace LatentSymmetry.Autograd.Kernels;

/// <summary>
/// Which micro-kernel <see cref="Gemm"/> runs. <see cref="Auto"/> takes the widest accelerated vector;
/// the others exist so tests and benchmarks can force a path (a width the hardware lacks falls back to
/// the next narrower accelerated one).
/// </summary>
internal enum GemmPath
{
    /// <summary>4×4 scalar tiles with <c>T.FusedMultiplyAdd</c>; also the path for element types other than float and double.</summary>
    Scalar,
    /// <summary>6 rows × 2 Vector128 columns.</summary>
    Vector128,
    /// <summary>6 rows × 2 Vector256 columns.</summary>
    Vector256,
    /// <summary>12 rows × 2 Vector512 columns; fewer rows left over go to an 8- or 4-row tile.</summary>
    Vector512,
    /// <summary>The widest path <c>IsHardwareAccelerated</c> reports.</summary>
    Auto,
}
