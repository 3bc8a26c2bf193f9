using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Models;

namespace LatentSymmetry.Core.Discovery;

/// <summary>
/// Gradients of a function of the points: of a network through the tape (all points in one batch), or of a field
/// in closed form (<see cref="IDifferentiableField"/>) or by fourth-order central differences.
/// </summary>
public static class InputGradients
{
    /// <summary>
    /// ∇f at each row of <paramref name="points"/> for the network <paramref name="model"/> (scalar output): one forward
    /// and one backward pass of the whole batch. The rows do not interact, so the gradient of the sum of the outputs
    /// with respect to row i is that row's own gradient.
    /// </summary>
    public static double[] Of(Module<double> model, double[] points, int n)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(points);
        if (points.Length == 0 || points.Length % n != 0) throw new ArgumentException($"{points.Length} coordinates do not make rows of {n}", nameof(points));
        int rows = points.Length / n;
        var x = Variable<double>.FromSpan(rows, n, points, requiresGrad: true);
        var tape = new Tape<double>();
        var y = model.Forward(tape, x);
        if (y.Cols != 1) throw new ArgumentException($"discovery needs a scalar model; this one has {y.Cols} outputs", nameof(model));
        tape.Backward(tape.Sum(y));
        return x.Grad!.Span.ToArray();
    }

    /// <summary>
    /// ∇f of <paramref name="field"/> at each row of <paramref name="points"/>, and an estimate of its error: null for a
    /// field that knows its gradient (<see cref="IDifferentiableField"/>, exact to rounding); otherwise the gradient is the
    /// fourth-order central difference with step h and the error estimate is its difference from the step-2h one
    /// (whose truncation error is 16 times larger, so the estimate bounds the error from above).
    /// </summary>
    /// <param name="field">The field.</param>
    /// <param name="points">Rows of the field's dimension.</param>
    /// <param name="step">The step h of the differences (ignored for a closed-form gradient).</param>
    public static (double[] Gradients, double[]? Errors) Of(IScalarField field, double[] points, double step)
    {
        ArgumentNullException.ThrowIfNull(field);
        int n = field.Dimension;
        if (points.Length == 0 || points.Length % n != 0) throw new ArgumentException($"{points.Length} coordinates do not make rows of {n}", nameof(points));
        var gradients = new double[points.Length];
        if (field is IDifferentiableField exact)
        {
            for (int i = 0; i < points.Length; i += n) exact.Gradient(points.AsSpan(i, n), gradients.AsSpan(i, n));
            return (gradients, null);
        }
        if (!(step > 0) || !double.IsFinite(step)) throw new ArgumentOutOfRangeException(nameof(step), step, "the step must be finite and > 0");
        var errors = new double[points.Length];
        var p = new double[n];
        for (int i = 0; i < points.Length; i += n)
            for (int a = 0; a < n; a++)
            {
                points.AsSpan(i, n).CopyTo(p);
                double fine = Difference(field, p, a, step), coarse = Difference(field, p, a, 2 * step);
                gradients[i + a] = fine;
                errors[i + a] = fine - coarse;
            }
        return (gradients, errors);
    }

    // (-f(x + 2h) + 8 f(x + h) - 8 f(x - h) + f(x - 2h)) / 12h along coordinate a: error O(h⁴).
    static double Difference(IScalarField field, double[] p, int a, double h)
    {
        double x = p[a];
        p[a] = x + 2 * h; double f2 = field.Evaluate(p);
        p[a] = x + h; double f1 = field.Evaluate(p);
        p[a] = x - h; double m1 = field.Evaluate(p);
        p[a] = x - 2 * h; double m2 = field.Evaluate(p);
        p[a] = x;
        return (-f2 + 8 * f1 - 8 * m1 + m2) / (12 * h);
    }
}
