using System.Globalization;
using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Orbits;

/// <summary>
/// Checks that a model (or any tap of it) is equivariant, f(ρ_in(R) x) = ρ_out(R) f(x) for Haar-random R of a group, in
/// the shape of e3nn's <c>assert_equivariant</c>: invariance is the case ρ_out trivial. Points are turned in double and
/// rounded once to the model's precision, so the check measures the model's own rounding.
/// </summary>
public static class EquivarianceCheck
{
    /// <summary>The default tolerance of a precision, as e3nn's: 1e-3 for float32, 1e-10 for float64 (relative to max(1, max |f|)).</summary>
    public static double DefaultTolerance<T>() where T : unmanaged, IFloatingPointIeee754<T> => typeof(T) == typeof(double) ? 1e-10 : 1e-3;

    /// <summary>
    /// max over points i and components j of |f(ρ_in(R_i) x_i) − ρ_out(R_i) f(x_i)|_j, one rotation R_i per point from
    /// <paramref name="group"/>'s sampler seeded with <paramref name="seed"/>, with the point where it is largest.
    /// <paramref name="input"/> defaults to the group's vector representation (points), <paramref name="output"/> to the
    /// trivial one on the tap's width; <paramref name="tap"/> is a module path (empty: the output).
    /// </summary>
    public static (double Error, int Point, double Scale) MaxError<T>(Module<T> model, SymmetryGroup group, ReadOnlySpan<T> points,
        GroupRepresentation? input = null, GroupRepresentation? output = null, string tap = "", int seed = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(group);
        input ??= group.Vector;
        int d = group.Dimension, w = input.Width;
        if (input.GroupDimension != d) throw new ArgumentException($"the input representation is of a {input.GroupDimension}-D group; {group.Name} is {d}-D", nameof(input));
        if (points.Length % w != 0) throw new ArgumentException($"points hold rows of {w} values; {points.Length} is not a multiple of {w}", nameof(points));
        int n = points.Length / w;
        if (n == 0) return (0, -1, 1);
        var rotations = new double[n * d * d];
        group.CreateSampler(seed).Sample<double>(rotations);
        var turned = new T[points.Length];
        var v = new double[w];
        var y = new double[w];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < w; k++) v[k] = double.CreateChecked(points[i * w + k]);
            input.Apply(rotations.AsSpan(i * d * d, d * d), v, y);
            for (int k = 0; k < w; k++) turned[i * w + k] = T.CreateTruncating(y[k]);
        }
        var fx = Evaluate(model, tap, points.ToArray(), n, w);
        var fturned = Evaluate(model, tap, turned, n, w);
        int m = fx.Length / n;
        output ??= GroupRepresentation.Trivial(m, d);
        if (output.Width != m) throw new ArgumentException($"the output representation acts on {output.Width} values; tap '{tap}' gives {m}", nameof(output));
        var expected = new double[m];
        var value = new double[m];
        double worst = 0, scale = 1;
        int where = -1;
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < m; k++) value[k] = fx[i * m + k];
            output.Apply(rotations.AsSpan(i * d * d, d * d), value, expected);
            for (int k = 0; k < m; k++)
            {
                scale = Math.Max(scale, Math.Abs(value[k]));
                double e = Math.Abs(fturned[i * m + k] - expected[k]);
                if (!(e <= worst)) { worst = e; where = i; } // NaN is the worst
            }
        }
        return (worst, where, scale);
    }

    /// <summary>
    /// Throws <see cref="InvariantViolationException"/> when <see cref="MaxError{T}"/> exceeds <paramref name="tolerance"/>
    /// (default <see cref="DefaultTolerance{T}"/>) times max(1, max |f|); the message names the deviation and the point.
    /// </summary>
    public static void AssertEquivariant<T>(Module<T> model, SymmetryGroup group, ReadOnlySpan<T> points,
        GroupRepresentation? input = null, GroupRepresentation? output = null, string tap = "", double? tolerance = null, int seed = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double tol = tolerance ?? DefaultTolerance<T>();
        var (error, point, scale) = MaxError(model, group, points, input, output, tap, seed);
        if (!(error <= tol * scale))
            throw new InvariantViolationException(string.Create(CultureInfo.InvariantCulture,
                $"{(tap.Length == 0 ? "the output" : $"tap '{tap}'")} is not equivariant under {group.Name} ({input ?? group.Vector} -> {output?.ToString() ?? "trivial"}): |f(ρ(R) x) - ρ(R) f(x)| reaches {error:G4} at point {point} (tolerance {tol:G3} x {scale:G4})"), error);
    }

    static double[] Evaluate<T>(Module<T> model, string tap, T[] points, int n, int w) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var tape = new Tape<T>();
        using var _ = tape.NoGrad();
        var x = Variable<T>.FromSpan(n, w, points);
        var taps = new TapSet<T>(model, [tap]);
        taps.Forward(tape, x);
        return Array.ConvertAll(taps[0].ToArray(), v => double.CreateChecked(v));
    }
}
