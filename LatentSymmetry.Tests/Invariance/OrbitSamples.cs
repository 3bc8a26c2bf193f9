using LatentSymmetry.Autograd;

namespace LatentSymmetry.Tests.Invariance;

/// <summary>
/// Test points and Haar-random turns of them, drawn here independently of the library's own samplers:
/// a rotation from a normalised 4-D Gaussian quaternion (uniform on S³, hence Haar on SO(3)), points
/// uniform in the unit ball by rejection.
/// </summary>
internal sealed class OrbitSamples(ulong seed)
{
    readonly TestData _d = new(seed);

    public double Gaussian()
    {
        // Box–Muller; one of the pair is enough here.
        double u = 1 - _d.NextDouble(), v = _d.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }

    /// <summary>A Haar-random rotation, 3x3 row-major.</summary>
    public double[] Rotation()
    {
        double w = Gaussian(), x = Gaussian(), y = Gaussian(), z = Gaussian();
        double norm = Math.Sqrt(w * w + x * x + y * y + z * z);
        (w, x, y, z) = (w / norm, x / norm, y / norm, z / norm);
        return
        [
            1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
            2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
            2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y),
        ];
    }

    /// <summary>n points uniform in the unit ball, [n x 3] row-major.</summary>
    public double[] Ball(int n)
    {
        var p = new double[3 * n];
        for (int i = 0; i < n;)
        {
            double x = _d.Uniform(-1, 1), y = _d.Uniform(-1, 1), z = _d.Uniform(-1, 1);
            if (x * x + y * y + z * z > 1) continue;
            (p[3 * i], p[3 * i + 1], p[3 * i + 2]) = (x, y, z);
            i++;
        }
        return p;
    }

    /// <summary>Each point turned by its own fresh Haar rotation.</summary>
    public double[] Turn(double[] points)
    {
        var q = new double[points.Length];
        for (int i = 0; i < points.Length / 3; i++)
        {
            var r = Rotation();
            for (int a = 0; a < 3; a++)
                q[3 * i + a] = r[3 * a] * points[3 * i] + r[3 * a + 1] * points[3 * i + 1] + r[3 * a + 2] * points[3 * i + 2];
        }
        return q;
    }

    public static Variable<double> Rows(double[] values, int cols) => Variable<double>.FromSpan(values.Length / cols, cols, values);

    /// <summary>|p|² of every point, as a one-column matrix.</summary>
    public static Variable<double> SquaredNorms(double[] points)
    {
        var s = new double[points.Length / 3];
        for (int i = 0; i < s.Length; i++) s[i] = points[3 * i] * points[3 * i] + points[3 * i + 1] * points[3 * i + 1] + points[3 * i + 2] * points[3 * i + 2];
        return Variable<double>.FromSpan(s.Length, 1, s);
    }
}
