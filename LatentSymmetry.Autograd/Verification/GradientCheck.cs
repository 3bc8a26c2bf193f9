namespace LatentSymmetry.Autograd.Verification;

/// <summary>
/// Verifies a tape's gradients against central finite differences in float64, with PyTorch's
/// <c>gradcheck</c> defaults (eps 1e-6, atol 1e-5, rtol 1e-3): elementwise for small graphs, and along a
/// random direction for whole networks (uᵀ∇f against (f(x + εu) − f(x − εu)) / 2ε).
/// </summary>
public static class GradientCheck
{
    /// <summary>
    /// Compares d f / d input for every element of every input. <paramref name="f"/> must build a scalar
    /// from <paramref name="inputs"/> on the tape it is given (it is called many times).
    /// </summary>
    public static GradientCheckResult Elementwise(Func<Tape<double>, Variable<double>> f, IReadOnlyList<Variable<double>> inputs,
        double eps = 1e-6, double atol = 1e-5, double rtol = 1e-3)
    {
        var tape = new Tape<double>();
        var analytic = Analytic(f, inputs, tape);
        double maxAbs = 0, maxRel = 0, worstExcess = double.NegativeInfinity;
        int worstInput = -1, worstElement = -1;
        bool passes = true;
        for (int t = 0; t < inputs.Count; t++)
        {
            var x = inputs[t].Span;
            for (int i = 0; i < x.Length; i++)
            {
                double saved = x[i];
                x[i] = saved + eps;
                double plus = Evaluate(f, tape);
                x[i] = saved - eps;
                double minus = Evaluate(f, tape);
                x[i] = saved;
                double numeric = (plus - minus) / (2 * eps);
                double a = analytic[t][i];
                double err = Math.Abs(a - numeric);
                maxAbs = Math.Max(maxAbs, err);
                maxRel = Math.Max(maxRel, err / Math.Max(Math.Max(Math.Abs(a), Math.Abs(numeric)), 1e-8));
                double excess = err - (atol + rtol * Math.Abs(numeric));
                if (excess > 0 || double.IsNaN(err)) passes = false;
                if (excess > worstExcess) (worstExcess, worstInput, worstElement) = (excess, t, i);
            }
        }
        return new GradientCheckResult(maxAbs, maxRel, worstInput, worstElement, passes);
    }

    /// <summary>
    /// Compares the directional derivative uᵀ∇f along a random unit direction u (over all inputs together,
    /// drawn from <paramref name="seed"/>) with a central difference: one check for a whole network.
    /// Returns the relative error |analytic − numeric| / max(|analytic|, |numeric|, 1e-8).
    /// </summary>
    public static double Directional(Func<Tape<double>, Variable<double>> f, IReadOnlyList<Variable<double>> inputs, ulong seed, double eps = 1e-6)
    {
        var tape = new Tape<double>();
        var analytic = Analytic(f, inputs, tape);
        var direction = new double[inputs.Count][];
        var state = seed;
        double norm2 = 0;
        for (int t = 0; t < inputs.Count; t++)
        {
            direction[t] = new double[inputs[t].Length];
            for (int i = 0; i < direction[t].Length; i++)
            {
                direction[t][i] = 2 * NextUnit(ref state) - 1;
                norm2 += direction[t][i] * direction[t][i];
            }
        }
        double scale = 1 / Math.Sqrt(norm2), dot = 0;
        for (int t = 0; t < inputs.Count; t++)
            for (int i = 0; i < direction[t].Length; i++)
            {
                direction[t][i] *= scale;
                dot += direction[t][i] * analytic[t][i];
            }
        var saved = inputs.Select(x => x.ToArray()).ToArray();
        Shift(inputs, saved, direction, eps);
        double plus = Evaluate(f, tape);
        Shift(inputs, saved, direction, -eps);
        double minus = Evaluate(f, tape);
        Shift(inputs, saved, direction, 0);
        double numeric = (plus - minus) / (2 * eps);
        return Math.Abs(dot - numeric) / Math.Max(Math.Max(Math.Abs(dot), Math.Abs(numeric)), 1e-8);
    }

    static double[][] Analytic(Func<Tape<double>, Variable<double>> f, IReadOnlyList<Variable<double>> inputs, Tape<double> tape)
    {
        foreach (var x in inputs)
        {
            if (!x.RequiresGrad) throw new ArgumentException($"every checked input must require grad; {x} does not", nameof(inputs));
            x.ZeroGrad();
        }
        tape.Reset();
        tape.Backward(f(tape));
        return inputs.Select(x => x.Grad!.ToArray()).ToArray();
    }

    static double Evaluate(Func<Tape<double>, Variable<double>> f, Tape<double> tape)
    {
        tape.Reset();
        using (tape.NoGrad()) return f(tape).Item();
    }

    static void Shift(IReadOnlyList<Variable<double>> inputs, double[][] saved, double[][] direction, double eps)
    {
        for (int t = 0; t < inputs.Count; t++)
        {
            var x = inputs[t].Span;
            for (int i = 0; i < x.Length; i++) x[i] = saved[t][i] + eps * direction[t][i];
        }
    }

    // SplitMix64 (Steele, Lea, Flood 2014): a fixed, documented stream, so a check repeats exactly.
    static double NextUnit(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
