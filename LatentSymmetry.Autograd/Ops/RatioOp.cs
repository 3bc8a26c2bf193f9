using System.Numerics;

namespace LatentSymmetry.Autograd.Ops;

/// <summary>The quotient of two scalars with a guard against a zero denominator: a / (b + ε).</summary>
public static class RatioOp
{
    /// <summary>
    /// <paramref name="numerator"/> / (<paramref name="denominator"/> + <paramref name="epsilon"/>), both
    /// [1 x 1]. A denominator computed under <see cref="Tape{T}.NoGrad"/> is a constant: no gradient flows into it.
    /// </summary>
    public static Variable<T> Ratio<T>(this Tape<T> tape, Variable<T> numerator, Variable<T> denominator, T epsilon) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (numerator.Length != 1 || denominator.Length != 1)
            throw new ArgumentException($"Ratio: both operands must be [1 x 1], got {numerator.Shape} and {denominator.Shape}");
        var y = tape.NewOutput(1, 1, numerator, denominator);
        y.Span[0] = numerator.Span[0] / (denominator.Span[0] + epsilon);
        tape.Record(new TapeNode<T>(Backward, y, numerator, denominator, scalar: epsilon));
        return y;
    }

    // d(a / (b + ε))/da = 1 / (b + ε); d/db = −a / (b + ε)².
    static void Backward<T>(Tape<T> tape, in TapeNode<T> node) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T g = node.Output.Grad!.Span[0];
        T b = node.B!.Span[0] + node.Scalar;
        if (node.A!.RequiresGrad) tape.GradOf(node.A).Span[0] += g / b;
        if (node.B.RequiresGrad) tape.GradOf(node.B).Span[0] -= g * node.A.Span[0] / (b * b);
    }
}
