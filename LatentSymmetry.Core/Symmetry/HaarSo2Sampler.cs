using System.Numerics;
using LatentSymmetry.Core.Data;

namespace LatentSymmetry.Core.Symmetry;

/// <summary>
/// Rotations drawn uniformly from SO(2) (Haar measure: an angle θ = 2π u, u uniform in [0, 1)), either as
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

    /// <summary>The next angle, uniform in [0, 2π).</summary>
    public double NextAngle() => 2 * Math.PI * _stream.NextDouble();

    /// <inheritdoc />
    public void Sample<T>(Span<T> matrices) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int size = Dimension * Dimension;
        if (matrices.Length % size != 0)
            throw new ArgumentException($"Rotations take {size} values each; {matrices.Length} is not a multiple of {size}.", nameof(matrices));
        for (int i = 0; i < matrices.Length; i += size)
        {
            double angle = NextAngle();
            T c = T.CreateTruncating(CrMath.Cos(angle)), s = T.CreateTruncating(CrMath.Sin(angle));
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
