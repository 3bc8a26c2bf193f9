namespace LatentSymmetry.Tests.Fields;

/// <summary>Rotation matrices built here, independently of the library's samplers, to turn test points.</summary>
internal static class TestRotations
{
    /// <summary>A uniformly random 3-D rotation: a unit quaternion from four standard normals (Shoemake), as a row-major 3x3 matrix.</summary>
    public static double[] So3(TestData rng)
    {
        double w = Normal(rng), x = Normal(rng), y = Normal(rng), z = Normal(rng);
        double n = Math.Sqrt(w * w + x * x + y * y + z * z);
        w /= n; x /= n; y /= n; z /= n;
        return
        [
            1 - 2 * (y * y + z * z), 2 * (x * y - w * z), 2 * (x * z + w * y),
            2 * (x * y + w * z), 1 - 2 * (x * x + z * z), 2 * (y * z - w * x),
            2 * (x * z - w * y), 2 * (y * z + w * x), 1 - 2 * (x * x + y * y),
        ];
    }

    /// <summary>The rotation of 3-D space by <paramref name="angle"/> about the z axis.</summary>
    public static double[] AboutZ(double angle)
    {
        double c = Math.Cos(angle), s = Math.Sin(angle);
        return [c, -s, 0, s, c, 0, 0, 0, 1];
    }

    /// <summary>The rotation of the plane by <paramref name="angle"/>.</summary>
    public static double[] Plane(double angle)
    {
        double c = Math.Cos(angle), s = Math.Sin(angle);
        return [c, -s, s, c];
    }

    /// <summary>A random rotation of the named group (so3, so2z in 3-D; so2 on the plane).</summary>
    public static double[] Of(string group, TestData rng) => group switch
    {
        "so3" => So3(rng),
        "so2z" => AboutZ(rng.Uniform(0, 2 * Math.PI)),
        "so2" => Plane(rng.Uniform(0, 2 * Math.PI)),
        _ => throw new ArgumentException($"no test rotations for group '{group}'"),
    };

    /// <summary>The groups of a dimension.</summary>
    public static string[] GroupsOf(int dimension) => dimension == 3 ? ["so3", "so2z"] : ["so2"];

    /// <summary>m·p for a d x d row-major matrix.</summary>
    public static double[] Apply(double[] m, double[] p)
    {
        int d = p.Length;
        var q = new double[d];
        for (int i = 0; i < d; i++)
            for (int j = 0; j < d; j++) q[i] += m[i * d + j] * p[j];
        return q;
    }

    /// <summary>A point uniform in the box [-b, b]^3 or, in 2-D, uniform in the disk of radius b.</summary>
    public static double[] Point(int dimension, TestData rng, double b)
    {
        if (dimension == 3) return [rng.Uniform(-b, b), rng.Uniform(-b, b), rng.Uniform(-b, b)];
        double r = b * Math.Sqrt(rng.NextDouble()), t = rng.Uniform(0, 2 * Math.PI);
        return [r * Math.Cos(t), r * Math.Sin(t)];
    }

    static double Normal(TestData rng)
    {
        // Box-Muller; 1 - u keeps the logarithm's argument in (0, 1].
        double u = 1 - rng.NextDouble(), v = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
