using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Autograd.Verification;

namespace LatentSymmetry.Tests.Autograd;

/// <summary>The operations on phase-space states (r, v): backward rules against finite differences (float64), forward against hand values.</summary>
public class StateOpTests
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
    public void PairInvariants_and_CombinePair_gradients_match_finite_differences()
    {
        var d = new TestData(11);
        var x = d.Variable<double>(4, 6, true);
        var c = d.Variable<double>(4, 6, true);
        Check(t => Weighted(t, t.PairInvariants(x), 2), x);
        Check(t => Weighted(t, t.CombinePair(x, c), 3), x, c);
    }

    [Test]
    public void PairInvariants_are_the_squared_lengths_and_the_dot_product_and_CombinePair_adds_the_cross_product()
    {
        var x = Variable<double>.FromSpan(1, 6, [1, 2, 3, -1, 0.5, 2]);
        Assert.That(new Tape<double>().PairInvariants(x).ToArray(), Is.EqualTo(new[] { 14, 5.25, 6 }));
        // r × v = (2*2 - 3*0.5, 3*(-1) - 1*2, 1*0.5 - 2*(-1)) = (2.5, -5, 2.5).
        var c = Variable<double>.FromSpan(1, 6, [2, 0, 0, 0, 1, 3]);
        var y = new Tape<double>().CombinePair(x, c).ToArray();
        Assert.That(y, Is.EqualTo(new[] { 2, 4, 6, -1 + 7.5, 0.5 - 15, 2 + 7.5 }).Within(1e-15));
    }

    [Test]
    public void VnLift_of_states_and_VnToBlocks_gradients_match_finite_differences()
    {
        var d = new TestData(12);
        var x = d.Variable<double>(3, 6, true);
        Check(t => Weighted(t, t.VnLift(x, 2), 4), x);
        var h = d.Variable<double>(3, 6, true);
        Check(t => Weighted(t, t.VnToBlocks(h, 3), 5), h);
    }

    [Test]
    public void VnLift_of_states_lays_out_the_vectors_then_their_directions_coordinate_major_and_VnToBlocks_undoes_it()
    {
        // r = (3, 0, 4), v = (0, 2, 0): channels r, v, r/5, v/2; coordinate j holds [r_j, v_j, r_j/5, v_j/2].
        var y = new Tape<double>().VnLift(Variable<double>.FromSpan(1, 6, [3, 0, 4, 0, 2, 0]), 2).ToArray();
        Assert.That(y, Is.EqualTo(new[] { 3, 0, 0.6, 0, 0, 2, 0, 1, 4, 0, 0.8, 0 }).Within(1e-12));
        var back = new Tape<double>().VnToBlocks(Variable<double>.FromSpan(1, 6, [1, 4, 2, 5, 3, 6]), 3).ToArray();
        Assert.That(back, Is.EqualTo(new double[] { 1, 2, 3, 4, 5, 6 }));
    }
}
