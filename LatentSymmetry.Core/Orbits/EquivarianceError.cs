using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Orbits;

/// <summary>
/// The equivariance error of a model's output, eps_eq = RMS(f(R x) − ρ(R) f(x)) / RMS(f(x)) over points x and one
/// Haar rotation R per point: 0 for an exactly equivariant model, up to its rounding (about 1e-7 in float32, 1e-16 in
/// float64); for a scalar invariant output (ρ trivial) it is the invariance error. The rotations are drawn and applied in
/// double and the turned points rounded once to T, so the float32 and float64 copies of one model see the same points.
/// </summary>
public static class EquivarianceError
{
    const int Chunk = 1024;

    /// <summary>
    /// eps_eq of <paramref name="model"/> at <paramref name="points"/> (rows of the input's width: d for points, C·d for
    /// states of C vectors when <paramref name="input"/> is <c>vectors:C</c>; default the group's vector), the output
    /// turned by <paramref name="output"/>; NaN without points.
    /// </summary>
    public static double Measure<T>(Module<T> model, SymmetryGroup group, ReadOnlySpan<T> points, GroupRepresentation output, int seed,
        GroupRepresentation? input = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(output);
        input ??= group.Vector;
        int d = group.Dimension, m = input.Width, c = input.Vectors, n = points.Length / m, w = output.Width;
        if (points.Length != n * m) throw new ArgumentException($"points hold rows of {m}; got {points.Length} values", nameof(points));
        if (n == 0) return double.NaN;
        var rotations = new double[n * d * d];
        group.CreateSampler(seed).Sample<double>(rotations);
        var turned = new T[n * m];
        for (int i = 0; i < n; i++)
            for (int b = 0; b < c; b++)
                for (int j = 0; j < d; j++)
                {
                    double sum = 0;
                    for (int k = 0; k < d; k++) sum += rotations[i * d * d + j * d + k] * double.CreateChecked(points[i * m + b * d + k]);
                    turned[i * m + b * d + j] = T.CreateTruncating(sum);
                }
        for (int i = 0; i < n; i++)
            for (int k = c * d; k < m; k++) turned[i * m + k] = points[i * m + k];
        var fx = Outputs(model, points.ToArray(), n, m);
        var fr = Outputs(model, turned, n, m);
        if (fx.Length != n * w) throw new ArgumentException($"the output representation acts on {w} values; the model gives {fx.Length / n}", nameof(output));
        double error = 0, scale = 0;
        var expected = new double[w];
        for (int i = 0; i < n; i++)
        {
            output.Apply(rotations.AsSpan(i * d * d, d * d), fx.AsSpan(i * w, w), expected);
            for (int k = 0; k < w; k++)
            {
                double e = fr[i * w + k] - expected[k];
                error += e * e;
                scale += fx[i * w + k] * fx[i * w + k];
            }
        }
        return Math.Sqrt(error / scale);
    }

    static double[] Outputs<T>(Module<T> model, T[] points, int n, int d) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var tape = new Tape<T>();
        var result = new List<double>();
        for (int start = 0; start < n; start += Chunk)
        {
            int rows = Math.Min(Chunk, n - start);
            tape.Reset();
            using var _ = tape.NoGrad();
            var x = Variable<T>.FromSpan(rows, d, points.AsSpan(start * d, rows * d));
            foreach (var v in model.Forward(tape, x).Span) result.Add(double.CreateChecked(v));
        }
        return [.. result];
    }
}
