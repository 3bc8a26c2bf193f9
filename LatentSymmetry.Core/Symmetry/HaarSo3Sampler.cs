using System.Numerics;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Symmetry;

/// <summary>
/// Rotations drawn uniformly from SO(3) (Haar measure): a standard Gaussian 4-vector (w, x, y, z) is
/// uniform in direction, so normalised it is a uniform unit quaternion, and because q and -q are the
/// same rotation the induced rotation is Haar-distributed (Shoemake, 1992). Same construction and
/// matrix layout as the original project's sampler.
/// </summary>
public sealed class HaarSo3Sampler : IRotationSampler
{
    // The original clamps the quaternion norm at 1e-8 before dividing; kept for parity.
    private const double MinimumNorm = 1e-8;

    private readonly RandomStream _stream;

    /// <summary>A sampler drawing from <paramref name="stream"/>, which it then owns.</summary>
    public HaarSo3Sampler(RandomStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
    }

    /// <summary>A sampler on a fresh stream of <paramref name="augmentationSeed"/> (<see cref="DerivedSeeds.Augmentation"/>).</summary>
    public HaarSo3Sampler(int augmentationSeed) : this(new RandomStream(augmentationSeed))
    {
    }

    /// <summary>3: the rotations act on points of R³.</summary>
    public int Dimension => 3;

    /// <summary>A uniform unit quaternion: four Gaussian draws (w, x, y, z, in that order), normalised.</summary>
    public UnitQuaternion NextQuaternion()
    {
        double w = _stream.NextGaussian(), x = _stream.NextGaussian(), y = _stream.NextGaussian(), z = _stream.NextGaussian();
        double norm = Math.Max(Math.Sqrt(w * w + x * x + y * y + z * z), MinimumNorm);
        return new UnitQuaternion(w / norm, x / norm, y / norm, z / norm);
    }

    /// <summary>
    /// Fills <paramref name="matrices"/> with Length / 9 rotations, each a row-major 3×3 matrix of
    /// <see cref="NextQuaternion"/>. The length must be a multiple of 9. Allocates nothing.
    /// </summary>
    public void Sample<T>(Span<T> matrices)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (matrices.Length % 9 != 0)
            throw new ArgumentException($"Rotations take 9 values each; {matrices.Length} is not a multiple of 9.", nameof(matrices));
        for (int i = 0; i < matrices.Length; i += 9)
            NextQuaternion().ToMatrix(matrices.Slice(i, 9));
    }

    /// <summary>
    /// The rotation angle in [0, π] of the row-major 3×3 rotation matrix <paramref name="matrix"/>:
    /// acos((trace - 1) / 2), the argument clamped to [-1, 1] against rounding.
    /// </summary>
    public static double RotationAngle(ReadOnlySpan<double> matrix)
    {
        if (matrix.Length < 9)
            throw new ArgumentException($"A 3×3 matrix needs 9 values; got {matrix.Length}.", nameof(matrix));
        double c = (matrix[0] + matrix[4] + matrix[8] - 1) / 2;
        return Math.Acos(Math.Clamp(c, -1, 1));
    }
}
