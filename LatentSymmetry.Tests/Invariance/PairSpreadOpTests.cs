using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Autograd.Verification;

namespace LatentSymmetry.Tests.Invariance;

/// <summary>The pair-spread and ratio operations the normalised penalties are built from.</summary>
public class PairSpreadOpTests
{
    [Test]
    public void Pair_spread_equals_the_pair_loop()
    {
        var d = new TestData(710);
        var x = d.Variable<double>(9, 4, lo: -3, hi: 5);
        double sum = 0;
        for (int i = 0; i < 9; i++)
            for (int j = 0; j < 9; j++)
                for (int c = 0; c < 4; c++) sum += Math.Pow(x[i, c] - x[j, c], 2);
        Assert.That(new Tape<double>().PairSpread(x).Item(), Is.EqualTo(sum / (9 * 8)).Within(1e-13));
        Assert.Throws<ArgumentException>(() => new Tape<double>().PairSpread(Variable<double>.Zeros(1, 3)));
    }

    [Test]
    public void Pair_spread_and_ratio_gradients_match_finite_differences()
    {
        var d = new TestData(711);
        var x = d.Variable<double>(6, 3, requiresGrad: true);
        var y = d.Variable<double>(6, 3, requiresGrad: true);
        var r = GradientCheck.Elementwise(t => t.PairSpread(x), [x]);
        Assert.That(r.Passes, Is.True, $"{r}");
        r = GradientCheck.Elementwise(t => t.Ratio(t.Sum(t.Square(y)), t.PairSpread(x), 1e-3), [x, y]);
        Assert.That(r.Passes, Is.True, $"{r}");
        Assert.That(GradientCheck.Directional(t => t.Ratio(t.Sum(t.Square(y)), t.PairSpread(x), 1e-3), [x, y], seed: 712), Is.LessThan(1e-7));
    }

    [Test]
    public void A_denominator_computed_without_gradient_is_a_constant()
    {
        var d = new TestData(713);
        var x = d.Variable<double>(5, 2, requiresGrad: true);
        var tape = new Tape<double>();
        Variable<double> spread;
        using (tape.NoGrad()) spread = tape.PairSpread(x);
        var loss = tape.Ratio(tape.Sum(tape.Square(x)), spread, 0);
        tape.Backward(loss);
        // Only the numerator's gradient 2x / spread remains.
        double s = spread.Item();
        var g = x.Grad!.ToArray();
        var v = x.ToArray();
        for (int i = 0; i < g.Length; i++) Assert.That(g[i], Is.EqualTo(2 * v[i] / s).Within(1e-14));
    }
}
