using System.Numerics;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Symmetry;

/// <summary>
/// Rotations drawn uniformly from SO(2) (Haar measure: a uniform direction on the circle, see <see cref="NextCosSin"/>), either as
/// 2×2 matrices [cos θ, −sin θ; sin θ, cos θ] acting on the plane, or, with dimension 3, as the rotation by θ
/// about the z axis (the same block in x, y; z kept).
/// </summary>
public sealed class HaarSo2Sampler : IRotationSampler
{
    private readonly RandomStream _stream;

    /// <summary>A sampler drawing from <paramref name="stream"/> (which it then owns), for points of <paramref name="dimension"/> 2 or 3.</summary>
    public HaarSo2Sampler(RandomStream stream, int dimension = 2)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (dimension is not (2 or 3))
            throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "SO(2) acts on the plane (2) or about the z axis of space (3).");
        _stream = stream;
        Dimension = dimension;
    }

    /// <inheritdoc />
    public int Dimension { get; }

    /// <summary>
    /// The next rotation as (cos θ, sin θ) with θ uniform: a point drawn uniformly in the unit disk (rejection
    /// from the square [-1, 1]², about 1.27 draws of two uniforms) and scaled onto the circle. It takes only
    /// +, ×, / and √, which IEEE 754 rounds exactly, so the bits are the same on every OS and CPU, and it
    /// is about 30 times cheaper than a correctly rounded cos and sin of a uniform angle.
    /// </summary>
    public (double Cos, double Sin) NextCosSin()
    {
        while (true)
        {
            double u = 2 * _stream.NextDouble() - 1, v = 2 * _stream.NextDouble() - 1;
            double s = u * u + v * v;
            if (s is > 0 and < 1)
            {
                double r = Math.Sqrt(s);
                return (u / r, v / r);
            }
        }
    }

    /// <summary>The angle of the next rotation, in (−π, π] (atan2 of <see cref="NextCosSin"/>: the platform's libm).</summary>
    public double NextAngle()
    {
        var (c, s) = NextCosSin();
        return Math.Atan2(s, c);
    }

    /// <inheritdoc />
    public void Sample<T>(Span<T> matrices) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int size = Dimension * Dimension;
        if (matrices.Length % size != 0)
            throw new ArgumentException($"Rotations take {size} values each; {matrices.Length} is not a multiple of {size}.", nameof(matrices));
        for (int i = 0; i < matrices.Length; i += size)
        {
            var (cos, sin) = NextCosSin();
            T c = T.CreateTruncating(cos), s = T.CreateTruncating(sin);
            var m = matrices.Slice(i, size);
            if (Dimension == 2)
            {
                m[0] = c; m[1] = -s;
                m[2] = s; m[3] = c;
            }
            else
            {
                m.Clear();
                m[0] = c; m[1] = -s;
                m[3] = s; m[4] = c;
                m[8] = T.One;
            }
        }
    }
}
