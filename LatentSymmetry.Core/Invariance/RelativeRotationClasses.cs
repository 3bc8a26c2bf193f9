using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Core.Invariance;

/// <summary>
/// The classes of the relative rotation g2·g1⁻¹ that MI's classifier predicts. SO(2): the K angles
/// 2π·i/K, a pair (i1, i2) has class (i2 − i1) mod K (the authors' <c>generate_mi_dataset</c>). SO(3):
/// the angle of g2·g1ᵀ binned at the quantiles of the Haar angle law (<see cref="HaarAngleLaw"/>), so that
/// for independent Haar g1, g2 every class is equally likely, as the K SO(2) classes are.
/// </summary>
public static class RelativeRotationClasses
{
    /// <summary>The angle 2π·<paramref name="index"/>/K of the SO(2) angle set.</summary>
    public static double So2Angle(int index, int classCount) => 2 * Math.PI * index / classCount;

    /// <summary>(i2 − i1) mod K, in [0, K).</summary>
    public static int So2Class(int index1, int index2, int classCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        int c = (index2 - index1) % classCount;
        return c < 0 ? c + classCount : c;
    }

    /// <summary>
    /// Draws <paramref name="pairsPerPoint"/> angle pairs (i1, i2), uniform on the K angles, for each of
    /// <paramref name="points"/> points, laid out point by point (pair p of point j is row j·P + p, the
    /// layout <see cref="RotationInformation"/> expects), with their classes.
    /// </summary>
    public static RotationPairPlan So2Pairs(int points, int pairsPerPoint, int classCount, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pairsPerPoint);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        var stream = new RandomStream(seed);
        int m = points * pairsPerPoint;
        var first = new int[m];
        var second = new int[m];
        var classes = new int[m];
        for (int r = 0; r < m; r++)
        {
            first[r] = stream.NextInt(classCount);
            second[r] = stream.NextInt(classCount);
            classes[r] = So2Class(first[r], second[r], classCount);
        }
        return new RotationPairPlan(first, second, classes, pairsPerPoint, classCount);
    }

    /// <summary>
    /// The rotation angle in [0, π] of g2·g1ᵀ for two 3x3 row-major rotation matrices, from
    /// atan2(sin, cos) of its axis vector and trace (accurate near 0 and π, where acos of the trace is not).
    /// </summary>
    public static double So3RelativeAngle(ReadOnlySpan<double> g1, ReadOnlySpan<double> g2)
    {
        if (g1.Length != 9 || g2.Length != 9) throw new ArgumentException($"rotation matrices have 9 entries, got {g1.Length} and {g2.Length}");
        Span<double> r = stackalloc double[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                r[3 * i + j] = g2[3 * i] * g1[3 * j] + g2[3 * i + 1] * g1[3 * j + 1] + g2[3 * i + 2] * g1[3 * j + 2]; // (g2 g1ᵀ)_ij
        double x = r[7] - r[5], y = r[2] - r[6], z = r[3] - r[1];
        return Math.Atan2(0.5 * Math.Sqrt(x * x + y * y + z * z), 0.5 * (r[0] + r[4] + r[8] - 1));
    }

    /// <summary>
    /// The classes of the relative rotations of m pairs: <paramref name="first"/> and <paramref name="second"/>
    /// hold m rotation matrices each, [m x 9] row-major, pair r being (first_r, second_r).
    /// </summary>
    public static int[] So3Classes(ReadOnlySpan<double> first, ReadOnlySpan<double> second, int classCount)
    {
        if (first.Length != second.Length || first.Length % 9 != 0)
            throw new ArgumentException($"two lists of 3x3 matrices of equal length expected, got {first.Length} and {second.Length} values");
        var boundaries = HaarAngleLaw.ClassBoundaries(classCount);
        var classes = new int[first.Length / 9];
        for (int r = 0; r < classes.Length; r++)
            classes[r] = HaarAngleLaw.ClassOf(So3RelativeAngle(first.Slice(9 * r, 9), second.Slice(9 * r, 9)), boundaries);
        return classes;
    }
}
