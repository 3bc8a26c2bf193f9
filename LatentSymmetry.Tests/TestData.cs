using System.Numerics;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Tests;

/// <summary>Seeded test inputs (SplitMix64), so every test sees the same numbers on every machine.</summary>
internal sealed class TestData(ulong seed)
{
    ulong _state = seed;

    public double NextDouble()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }

    public double Uniform(double lo, double hi) => lo + (hi - lo) * NextDouble();

    public T[] Array<T>(int length, double lo = -1, double hi = 1) where T : INumberBase<T>
    {
        var a = new T[length];
        for (int i = 0; i < length; i++) a[i] = T.CreateChecked(Uniform(lo, hi));
        return a;
    }

    public Variable<T> Variable<T>(int rows, int cols, bool requiresGrad = false, double lo = -1, double hi = 1)
        where T : unmanaged, IFloatingPointIeee754<T>
        => LatentSymmetry.Autograd.Variable<T>.FromSpan(rows, cols, Array<T>(rows * cols, lo, hi), requiresGrad);

    /// <summary>Values at least <paramref name="gap"/> away from zero (so ReLU's kink is never straddled by a finite difference).</summary>
    public Variable<double> AwayFromZero(int rows, int cols, double gap = 0.05)
    {
        var t = Variable<double>(rows, cols, requiresGrad: true);
        var s = t.Span;
        for (int i = 0; i < s.Length; i++) s[i] = Math.CopySign(gap + Math.Abs(s[i]), s[i]);
        return t;
    }

    /// <summary>A random 3×3 rotation per row (from a normalised random quaternion), [n x 9].</summary>
    public double[] Rotations(int n)
    {
        var r = new double[9 * n];
        for (int i = 0; i < n; i++)
        {
            double w = Uniform(-1, 1), x = Uniform(-1, 1), y = Uniform(-1, 1), z = Uniform(-1, 1);
            double norm = Math.Sqrt(w * w + x * x + y * y + z * z);
            (w, x, y, z) = (w / norm, x / norm, y / norm, z / norm);
            double[] m =
            [
                1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w),
                2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w),
                2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y),
            ];
            m.CopyTo(r, 9 * i);
        }
        return r;
    }
}
