using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Orbits;

/// <summary>
/// Checks how invariant a model's activation is under rotations of its input, in the spirit of e3nn's
/// <c>assert_equivariant</c>: h(R x) against h(x) for Haar-random R, one rotation per point.
/// </summary>
public static class InvarianceCheck
{
    /// <summary>
    /// max over points i, components j and both rotations of |h(R_i x_i)_j − h(x_i)_j| for the activation at
    /// <paramref name="layer"/>, with two rotations per point drawn from <paramref name="sampler"/> (through
    /// <see cref="OrbitEngine{T}"/>, as training draws them). <paramref name="points"/> holds rows of the
    /// sampler's dimension.
    /// </summary>
    public static double MaxDeviation<T>(Module<T> model, SymmetryLayer layer, ReadOnlySpan<T> points, IRotationSampler sampler)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = sampler.Dimension;
        if (points.Length % d != 0) throw new ArgumentException($"points hold rows of {d} coordinates; {points.Length} values is not a multiple of {d}", nameof(points));
        int n = points.Length / d;
        if (n == 0) return 0;
        var tape = new Tape<T>();
        using var _ = tape.NoGrad();
        var x = Variable<T>.FromSpan(n, d, points);
        var h = new OrbitEngine<T>(sampler).Forward(tape, model, x, model.CheckDepth(layer), withOriginal: true);
        ReadOnlySpan<T> original = h.Original!.Span, first = h.First.Span, second = h.Second.Span;
        double worst = 0;
        for (int i = 0; i < original.Length; i++)
            worst = Math.Max(worst, Math.Max(
                Math.Abs(double.CreateChecked(first[i] - original[i])),
                Math.Abs(double.CreateChecked(second[i] - original[i]))));
        return worst;
    }

    /// <summary>
    /// Throws <see cref="InvariantViolationException"/> when <see cref="MaxDeviation"/> exceeds
    /// <paramref name="tolerance"/>; the message gives the deviation found.
    /// </summary>
    public static void AssertInvariant<T>(Module<T> model, SymmetryLayer layer, ReadOnlySpan<T> points, IRotationSampler sampler, double tolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double deviation = MaxDeviation(model, layer, points, sampler);
        if (!(deviation <= tolerance))
            throw new InvariantViolationException($"activation at layer {layer} changes by up to {deviation:G4} under rotation (tolerance {tolerance:G4})", deviation);
    }
}
