using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Models;

namespace LatentSymmetry.Core.Symmetry;

/// <summary>
/// Checks how invariant a model's activation is under rotations of its input, in the spirit of e3nn's
/// <c>assert_equivariant</c>: h(R x) against h(x) for Haar-random R, one rotation per point.
/// </summary>
public static class InvarianceCheck
{
    /// <summary>
    /// max over points i and components j of |h(R_i x_i)_j − h(x_i)_j| for the activation at
    /// <paramref name="layer"/>, with one rotation R_i per point drawn from <paramref name="sampler"/>.
    /// <paramref name="points"/> holds rows of three coordinates.
    /// </summary>
    public static double MaxDeviation<T>(Mlp<T> model, SymmetryLayer layer, ReadOnlySpan<T> points, HaarSo3Sampler sampler)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (points.Length % 3 != 0) throw new ArgumentException($"points hold rows of three coordinates; {points.Length} values is not a multiple of 3", nameof(points));
        int n = points.Length / 3;
        if (n == 0) return 0;
        var tape = new Tape<T>();
        using var _ = tape.NoGrad();
        var x = Tensor<T>.FromSpan(n, 3, points);
        var r = tape.NewScratch(n, 9);
        sampler.Sample(r.Span);
        var both = model.Activation(tape, tape.ConcatRows(x, tape.RotateRows(x, r)), layer).Span;
        int half = both.Length / 2;
        double worst = 0;
        for (int i = 0; i < half; i++)
            worst = Math.Max(worst, Math.Abs(double.CreateChecked(both[half + i] - both[i])));
        return worst;
    }

    /// <summary>
    /// Throws <see cref="InvariantViolationException"/> when <see cref="MaxDeviation"/> exceeds
    /// <paramref name="tolerance"/>; the message gives the deviation found.
    /// </summary>
    public static void AssertInvariant<T>(Mlp<T> model, SymmetryLayer layer, ReadOnlySpan<T> points, HaarSo3Sampler sampler, double tolerance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double deviation = MaxDeviation(model, layer, points, sampler);
        if (!(deviation <= tolerance))
            throw new InvariantViolationException($"activation at layer {layer} changes by up to {deviation:G4} under rotation (tolerance {tolerance:G4})", deviation);
    }
}
