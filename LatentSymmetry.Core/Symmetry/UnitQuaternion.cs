using LatentSymmetry.Core.Numerics;
using System.Numerics;

namespace LatentSymmetry.Core.Symmetry;

/// <summary>
/// An immutable quaternion W + Xi + Yj + Zk in double, meant as a rotation: a unit quaternion q rotates v
/// to q·v·q*; q and -q give the same rotation. (Named so it does not clash with System.Numerics.Quaternion
/// for code that opens both namespaces; intermediate products such as q·(0, v) need not have unit norm.) In a product q1·q2 the rotation q2 is applied first, as with matrices.
/// </summary>
/// <param name="W">Real (scalar) part.</param>
/// <param name="X">Coefficient of i.</param>
/// <param name="Y">Coefficient of j.</param>
/// <param name="Z">Coefficient of k.</param>
public readonly record struct UnitQuaternion(double W, double X, double Y, double Z)
{
    /// <summary>The identity rotation 1 + 0i + 0j + 0k.</summary>
    public static UnitQuaternion Identity => new(1, 0, 0, 0);

    /// <summary>
    /// The rotation by <paramref name="angle"/> radians about the axis (ax, ay, az), counter-clockwise when
    /// the axis points at the viewer: cos(θ/2) + sin(θ/2)·n̂. The axis need not be normalised but must not be zero.
    /// </summary>
    public static UnitQuaternion FromAxisAngle(double ax, double ay, double az, double angle)
    {
        double length = Math.Sqrt(ax * ax + ay * ay + az * az);
        if (!(length > 0) || !double.IsFinite(length))
            throw new ArgumentException($"The axis ({ax}, {ay}, {az}) must be finite and non-zero.", nameof(ax));
        double s = CrMath.Sin(0.5 * angle) / length;
        return new UnitQuaternion(CrMath.Cos(0.5 * angle), ax * s, ay * s, az * s);
    }

    /// <summary>The Hamilton product; as rotations, <paramref name="b"/> is applied first, then <paramref name="a"/>.</summary>
    public static UnitQuaternion operator *(UnitQuaternion a, UnitQuaternion b) => new(
        a.W * b.W - a.X * b.X - a.Y * b.Y - a.Z * b.Z,
        a.W * b.X + a.X * b.W + a.Y * b.Z - a.Z * b.Y,
        a.W * b.Y - a.X * b.Z + a.Y * b.W + a.Z * b.X,
        a.W * b.Z + a.X * b.Y - a.Y * b.X + a.Z * b.W);

    /// <summary>The conjugate W - Xi - Yj - Zk; for a unit quaternion, the inverse rotation.</summary>
    public UnitQuaternion Conjugate() => new(W, -X, -Y, -Z);

    /// <summary>The Euclidean norm sqrt(W² + X² + Y² + Z²).</summary>
    public double Norm => Math.Sqrt(W * W + X * X + Y * Y + Z * Z);

    /// <summary>This quaternion divided by its norm; throws for the zero quaternion.</summary>
    public UnitQuaternion Normalized()
    {
        double n = Norm;
        if (!(n > 0))
            throw new InvalidOperationException("The zero quaternion has no direction.");
        return new UnitQuaternion(W / n, X / n, Y / n, Z / n);
    }

    /// <summary>The vector part of q·(0, v)·q*; a rotation of v when this quaternion has unit norm.</summary>
    public (double X, double Y, double Z) Rotate(double x, double y, double z)
    {
        UnitQuaternion r = this * new UnitQuaternion(0, x, y, z) * Conjugate();
        return (r.X, r.Y, r.Z);
    }

    /// <summary>
    /// Writes the 3×3 rotation matrix of this unit quaternion, row-major, into the first nine entries of
    /// <paramref name="matrix"/> (computed in double, rounded to T), so that R·v = q·v·q*.
    /// </summary>
    public void ToMatrix<T>(Span<T> matrix)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (matrix.Length < 9)
            throw new ArgumentException($"A 3×3 matrix needs 9 values; got {matrix.Length}.", nameof(matrix));
        double xx = X * X, yy = Y * Y, zz = Z * Z;
        double xy = X * Y, xz = X * Z, yz = Y * Z;
        double wx = W * X, wy = W * Y, wz = W * Z;
        matrix[0] = T.CreateTruncating(1 - 2 * (yy + zz));
        matrix[1] = T.CreateTruncating(2 * (xy - wz));
        matrix[2] = T.CreateTruncating(2 * (xz + wy));
        matrix[3] = T.CreateTruncating(2 * (xy + wz));
        matrix[4] = T.CreateTruncating(1 - 2 * (xx + zz));
        matrix[5] = T.CreateTruncating(2 * (yz - wx));
        matrix[6] = T.CreateTruncating(2 * (xz - wy));
        matrix[7] = T.CreateTruncating(2 * (yz + wx));
        matrix[8] = T.CreateTruncating(1 - 2 * (xx + yy));
    }
}
