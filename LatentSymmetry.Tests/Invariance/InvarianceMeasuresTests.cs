using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Invariance;
using LatentSymmetry.Core.Orbits;

namespace LatentSymmetry.Tests.Invariance;

/// <summary>SL, Q_h, Q and RSL against hand-computed values, the training loss, the O(n²) pair loop, and known laws.</summary>
public class InvarianceMeasuresTests
{
    // Three points in the plane; hand-computed below.
    static readonly Variable<double> Clean = Variable<double>.FromSpan(3, 2, [0, 0, 1, 0, 0, 1]);
    static readonly Variable<double> Turned1 = Variable<double>.FromSpan(3, 2, [1, 0, 0, 0, 0, 0]);
    static readonly Variable<double> Turned2 = Variable<double>.FromSpan(3, 2, [0, 0, 0, 0, 0, 2]);

    [Test]
    public void Hand_computed_values_on_three_points()
    {
        // Orbit terms ‖t1 − t2‖² = 1, 0, 4 (mean 5/3); the distinct pairs of h(x) are 1, 1 and 2 apart
        // squared (mean 4/3); RSL terms 1/(1 + ε), 0/ε, 4/(4 + ε).
        Assert.That(InvarianceMeasures.SymmetryLoss(Turned1, Turned2), Is.EqualTo(5.0 / 6).Within(1e-15));
        Assert.That(InvarianceMeasures.PairSpread(Clean), Is.EqualTo(4.0 / 3).Within(1e-15));
        Assert.That(InvarianceMeasures.Qh(Clean, Turned1, Turned2), Is.EqualTo(5.0 / 4).Within(1e-15));
        Assert.That(InvarianceMeasures.RelativeSymmetryLoss(Turned1, Turned2), Is.EqualTo((1 / (1 + 1e-8) + 0 + 4 / (4 + 1e-8)) / 3).Within(1e-15));
        // The covariance [[1/3, −1/6], [−1/6, 1/3]] has eigenvalues 1/2 along (1, −1)/√2 and 1/6 along
        // (1, 1)/√2. At 95% both are kept and Q = Q_h; at 70% only the first: projected orbit terms 1/2, 0, 2
        // (mean 5/6) over projected pair spread 1, so Q = 5/6.
        Assert.That(InvarianceMeasures.Q(Clean, Turned1, Turned2), Is.EqualTo(5.0 / 4).Within(1e-14));
        Assert.That(InvarianceMeasures.Q(Clean, Turned1, Turned2, explainedVariance: 0.7), Is.EqualTo(5.0 / 6).Within(1e-14));
    }

    [Test]
    public void SL_equals_the_training_loss_on_the_same_inputs()
    {
        var d = new TestData(700);
        var a = d.Variable<double>(64, 33);
        var b = d.Variable<double>(64, 33);
        double loss = OrbitVarianceLoss.Compute(new Tape<double>(), a, b).Item();
        Assert.That(InvarianceMeasures.SymmetryLoss(a, b), Is.EqualTo(loss).Within(1e-15 * loss));
        // float32 activations: the measure (in double) and the float32 loss agree to float rounding.
        var af = Variable<float>.FromSpan(64, 33, a.ToArray().Select(v => (float)v).ToArray());
        var bf = Variable<float>.FromSpan(64, 33, b.ToArray().Select(v => (float)v).ToArray());
        float lossF = OrbitVarianceLoss.Compute(new Tape<float>(), af, bf).Item();
        Assert.That(InvarianceMeasures.SymmetryLoss(af, bf), Is.EqualTo(lossF).Within(1e-6 * lossF));
        Assert.That(InvarianceMeasures.Measure(a, a, b).SL.Value, Is.EqualTo(loss).Within(1e-15 * loss));
    }

    [Test]
    public void Pair_spread_equals_the_double_loop_over_distinct_pairs()
    {
        // Offset far from zero: the O(n·d) form must not lose the spread to cancellation.
        var d = new TestData(701);
        var h = d.Variable<double>(57, 7, lo: 1000, hi: 1003);
        var x = h.ToArray();
        double sum = 0;
        for (int i = 0; i < 57; i++)
            for (int j = 0; j < 57; j++)
            {
                if (i == j) continue;
                for (int c = 0; c < 7; c++) sum += (x[7 * i + c] - x[7 * j + c]) * (x[7 * i + c] - x[7 * j + c]);
            }
        double loop = sum / (57 * 56);
        Assert.That(InvarianceMeasures.PairSpread(h), Is.EqualTo(loop).Within(1e-12 * loop));
    }

    [Test]
    public void Identity_map_gives_Q_and_Qh_of_one_within_sampling_error()
    {
        // h = x on points uniform in a ball, turned by independent Haar rotations: E‖g1 x − g2 x‖² = 2E‖x‖²
        // (E⟨g1 x, g2 x⟩ = 0) and E‖x − x'‖² = 2E‖x‖² for a centred law, so both ratios are 1.
        var s = new OrbitSamples(702);
        var x = s.Ball(2000);
        var m = InvarianceMeasures.Measure(OrbitSamples.Rows(x, 3), OrbitSamples.Rows(s.Turn(x), 3), OrbitSamples.Rows(s.Turn(x), 3));
        Assert.That(m.Qh.Value, Is.EqualTo(1).Within(0.1), $"{m}");
        Assert.That(m.Q.Value, Is.EqualTo(1).Within(0.1), $"{m}");
        Assert.That(m.Qh.Contains(1) && m.Q.Contains(1), $"1 lies outside the 95% intervals: {m}");
        Assert.That(m.PrincipalComponents, Is.EqualTo(3), "an isotropic cloud needs all three directions for 95%");
    }

    [Test]
    public void Squared_norm_gives_Q_and_Qh_of_zero_to_rounding()
    {
        var s = new OrbitSamples(703);
        var x = s.Ball(2000);
        var m = InvarianceMeasures.Measure(OrbitSamples.SquaredNorms(x), OrbitSamples.SquaredNorms(s.Turn(x)), OrbitSamples.SquaredNorms(s.Turn(x)));
        Assert.That(m.Qh.Value, Is.LessThan(1e-28));
        Assert.That(m.Q.Value, Is.LessThan(1e-28));
        Assert.That(m.Qh.Upper, Is.LessThan(1e-28));
        Assert.That(m.SL.Value, Is.LessThan(1e-30));
        Assert.That(m.Rsl.Value, Is.LessThan(1e-28));
    }

    [Test]
    public void A_constant_layer_is_invariant_not_undefined()
    {
        var zero = Variable<double>.Zeros(10, 4);
        var m = InvarianceMeasures.Measure(zero, zero, zero);
        Assert.That((m.SL.Value, m.Qh.Value, m.Q.Value, m.Rsl.Value), Is.EqualTo((0.0, 0.0, 0.0, 0.0)));
        Assert.That((m.Qh.Lower, m.Qh.Upper), Is.EqualTo((0.0, 0.0)));
    }

    [Test]
    public void Intervals_are_deterministic_and_match_normal_theory_for_SL()
    {
        // SL is a mean of per-point terms: its bootstrap interval must be close to mean ± 1.96 sd/√n.
        var d = new TestData(704);
        var a = d.Variable<double>(2000, 5);
        var b = d.Variable<double>(2000, 5);
        var h = d.Variable<double>(2000, 5);
        var m1 = InvarianceMeasures.Measure(h, a, b);
        var m2 = InvarianceMeasures.Measure(h, a, b);
        var m3 = InvarianceMeasures.Measure(h, a, b, new InvarianceMeasureOptions { Seed = 5 });
        Assert.That(m2, Is.EqualTo(m1));
        Assert.That(m3.SL.Lower, Is.Not.EqualTo(m1.SL.Lower));
        var terms = Enumerable.Range(0, 2000).Select(i => 0.5 * Enumerable.Range(0, 5).Sum(c => Math.Pow(a[i, c] - b[i, c], 2))).ToArray();
        double mean = terms.Average(), sd = Math.Sqrt(terms.Sum(t => (t - mean) * (t - mean)) / 1999);
        double half = 1.959964 * sd / Math.Sqrt(2000);
        Assert.That(m1.SL.Value, Is.EqualTo(mean).Within(1e-14));
        Assert.That(m1.SL.Upper - m1.SL.Lower, Is.EqualTo(2 * half).Within(0.15 * 2 * half));
        Assert.That(m1.SL.Contains(mean) && m1.Qh.Contains(m1.Qh.Value) && m1.Q.Contains(m1.Q.Value) && m1.Rsl.Contains(m1.Rsl.Value), $"{m1}");
    }

    [Test]
    public void Mismatched_shapes_are_refused()
    {
        var a = Variable<double>.Zeros(4, 3);
        var b = Variable<double>.Zeros(4, 2);
        Assert.Throws<ArgumentException>(() => InvarianceMeasures.Measure(a, a, b));
        Assert.Throws<ArgumentException>(() => InvarianceMeasures.Measure(Variable<double>.Zeros(5, 3), a, a));
        Assert.Throws<ArgumentException>(() => InvarianceMeasures.Measure(Variable<double>.Zeros(1, 3), Variable<double>.Zeros(1, 3), Variable<double>.Zeros(1, 3)));
    }
}
