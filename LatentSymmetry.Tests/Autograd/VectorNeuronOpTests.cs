using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Autograd.Verification;

namespace LatentSymmetry.Tests.Autograd;

/// <summary>The Vector-Neuron and basis-combination operations: backward rules against finite differences (float64), forward against loops.</summary>
public class VectorNeuronOpTests
{
    static Variable<double> Weighted(Tape<double> tape, Variable<double> y, ulong seed)
        => tape.Sum(tape.Multiply(y, new TestData(seed).Variable<double>(y.Rows, y.Cols)));

    static void Check(Func<Tape<double>, Variable<double>> f, params Variable<double>[] inputs)
    {
        var r = GradientCheck.Elementwise(f, inputs);
        Assert.That(r.Passes, Is.True, $"gradcheck failed: {r}");
        Assert.That(r.MaxRelativeError, Is.LessThan(1e-6), $"{r}");
    }

    [Test]
    public void VnLinear_gradients_match_finite_differences()
    {
        var d = new TestData(1);
        var x = d.Variable<double>(4, 3 * 5, true);
        var w = d.Variable<double>(2, 5, true);
        Check(t => Weighted(t, t.VnLinear(x, w, 3), 2), x, w);
    }

    [Test]
    public void VnLinear_mixes_channels_of_each_coordinate()
    {
        var d = new TestData(3);
        var x = d.Variable<double>(2, 3 * 4);
        var w = d.Variable<double>(5, 4);
        var y = new Tape<double>().VnLinear(x, w, 3);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                for (int o = 0; o < 5; o++)
                {
                    double sum = 0;
                    for (int c = 0; c < 4; c++) sum += w[o, c] * x[i, j * 4 + c];
                    Assert.That(y[i, j * 5 + o], Is.EqualTo(sum).Within(1e-14));
                }
    }

    [Test]
    public void VnRelu_gradients_match_finite_differences_on_both_sides()
    {
        var d = new TestData(4);
        var q = d.Variable<double>(6, 3 * 4, true);
        var k = d.Variable<double>(6, 3 * 4, true);
        // Both branches must occur, and no channel may sit within the finite difference of the switch <q, k> = 0.
        int kept = 0, cut = 0;
        for (int i = 0; i < 6; i++)
            for (int c = 0; c < 4; c++)
            {
                double s = 0;
                for (int j = 0; j < 3; j++) s += q[i, j * 4 + c] * k[i, j * 4 + c];
                Assert.That(Math.Abs(s), Is.GreaterThan(1e-3));
                if (s >= 0) kept++; else cut++;
            }
        Assert.That(kept > 0 && cut > 0, Is.True);
        Check(t => Weighted(t, t.VnRelu(q, k, 3), 5), q, k);
    }

    [Test]
    public void VnRelu_removes_the_component_along_k_where_q_points_against_it()
    {
        var tape = new Tape<double>();
        // One row, d = 2, one channel: q = (1, -1), k = (0, 1): <q, k> = -1 < 0, so y = q - (-1 / (|k|^2 + 0.1 |q|^2)) k, |k|^2 + 0.1 |q|^2 = 1.2.
        var y = tape.VnRelu(Variable<double>.FromSpan(1, 2, [1, -1]), Variable<double>.FromSpan(1, 2, [0, 1]), 2);
        Assert.That(y.ToArray(), Is.EqualTo(new[] { 1, -1 + 1 / 1.2 }).Within(1e-15));
        var kept = tape.VnRelu(Variable<double>.FromSpan(1, 2, [1, 2]), Variable<double>.FromSpan(1, 2, [0, 1]), 2);
        Assert.That(kept.ToArray(), Is.EqualTo(new double[] { 1, 2 }));
    }

    [Test]
    public void VnRelu_is_lipschitz_in_k_where_k_passes_through_zero_and_homogeneous()
    {
        // k = t u runs through 0 against q (u = -q + a side part): with the reference's absolute eps = 1e-6 the output
        // jumps by |q| within |t| ~ 1e-3 (a slope of ~500 |q|); the relative eps bounds |dy/dk| by 2 / sqrt(0.1) = 6.3.
        double[] q = [0.6, -0.3, 0.8], u = [-0.6, 0.5, -0.5];
        double worst = 0;
        // Finely where the reference jumps, coarsely out to |k| ~ |q|, where the damping lets the projection in.
        foreach (var (count, step) in new[] { (300, 1e-5), (500, 2e-3) })
        {
            double[]? previous = null;
            for (int i = -count; i <= count; i++)
            {
                double t = i * step;
                var y = new Tape<double>().VnRelu(Variable<double>.FromSpan(1, 3, q), Variable<double>.FromSpan(1, 3, [t * u[0], t * u[1], t * u[2]]), 3).ToArray();
                if (previous is not null)
                {
                    double dy = Math.Sqrt(y.Zip(previous, (a, b) => (a - b) * (a - b)).Sum()), dk = step * Math.Sqrt(u.Sum(v => v * v));
                    worst = Math.Max(worst, dy / dk);
                }
                previous = y;
            }
        }
        Assert.That(worst, Is.LessThan(2 / Math.Sqrt(VectorNeuronOps.RelativeEpsilon)));
        Assert.That(worst, Is.GreaterThan(0.5), "the path must cross the cut side");
        // y(2q, 2k) = 2 y(q, k) bit for bit (a power of two scales every product exactly).
        var d = new TestData(12);
        var qs = d.Array<double>(4 * 6);
        var ks = d.Array<double>(4 * 6);
        var y1 = new Tape<double>().VnRelu(Variable<double>.FromSpan(4, 6, qs), Variable<double>.FromSpan(4, 6, ks), 3).ToArray();
        var y2 = new Tape<double>().VnRelu(Variable<double>.FromSpan(4, 6, Array.ConvertAll(qs, v => 2 * v)), Variable<double>.FromSpan(4, 6, Array.ConvertAll(ks, v => 2 * v)), 3).ToArray();
        Assert.That(y2, Is.EqualTo(Array.ConvertAll(y1, v => 2 * v)));
    }

    [Test]
    public void VnLift_gradients_match_finite_differences_and_it_gives_x_and_its_direction()
    {
        var x = new TestData(8).Variable<double>(5, 3, true);
        Check(t => Weighted(t, t.VnLift(x), 9), x);
        var y = new Tape<double>().VnLift(Variable<double>.FromSpan(1, 2, [3, 4]));
        Assert.That(y.ToArray(), Is.EqualTo(new[] { 3, 0.6, 4, 0.8 }).Within(1e-12));
    }

    [Test]
    public void CombineBasis_gradients_match_finite_differences()
    {
        var d = new TestData(6);
        var x = d.Variable<double>(5, 3, true);
        var c = d.Variable<double>(5, 3, true);
        // Two maps (a random one and the identity) and one vector.
        double[] basis = [.. d.Array<double>(9), 1, 0, 0, 0, 1, 0, 0, 0, 1, .. d.Array<double>(3)];
        Check(t => Weighted(t, t.CombineBasis(x, c, basis, 2), 7), x, c);
    }

    [Test]
    public void CombineBasis_is_the_sum_of_maps_of_the_point_and_vectors()
    {
        // y = 2 * I x + 3 * J x + 0.5 * v on the plane, J the quarter turn.
        double[] basis = [1, 0, 0, 1, 0, -1, 1, 0, 4, 6];
        var y = new Tape<double>().CombineBasis(Variable<double>.FromSpan(1, 2, [1, 2]), Variable<double>.FromSpan(1, 3, [2, 3, 0.5]), basis, 2);
        Assert.That(y.ToArray(), Is.EqualTo(new double[] { 2 * 1 + 3 * -2 + 2, 2 * 2 + 3 * 1 + 3 }));
    }
}
