using System.Numerics;

namespace LatentSymmetry.Core.Symmetry;

/// <summary>
/// A source of Haar-random rotations of a group acting on R^d: each draw is a row-major d×d matrix.
/// Samplers own a random stream and are not thread-safe.
/// </summary>
public interface IRotationSampler
{
    /// <summary>The dimension d of the points the rotations act on (each matrix holds d² values).</summary>
    int Dimension { get; }

    /// <summary>
    /// Fills <paramref name="matrices"/> with Length / d² rotations, each row-major d×d; the length must be a
    /// multiple of d². Allocates nothing.
    /// </summary>
    void Sample<T>(Span<T> matrices) where T : unmanaged, IFloatingPointIeee754<T>;
}
