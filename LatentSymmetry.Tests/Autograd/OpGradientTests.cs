using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Kernels;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Autograd.Verification;

namespace LatentSymmetry.Tests.Autograd;

/// <summary>Every operation's backward rule against central finite differences in float64.</summary>
public class OpGradientTests
{
    const double MaxRelativeError = 1e-6;

    // Reduces a non-scalar output to a scalar with fixed random weights, so the whole Jacobian is exercised.
    static Variable<double> Weighted(Tape<double> tape, Variable<double> y, ulong seed)
        => tape.Sum(tape.Multiply(y, new TestData(seed).Variable<double>(y.Rows, y.Cols)));

    static void Check(Func<Tape<double>, Variable<double>> f, params Variable<double>[] inputs)
    {
        var r = GradientCheck.Elementwise(f, inputs);
        Assert.That(r.Passes, Is.True, $"gradcheck failed: {r}");
        Assert.That(r.MaxRelativeError, Is.LessThan(MaxRelativeError), $"{r}");
    }

    [TestCase(GemmForm.NN)]
    [TestCase(GemmForm.NT)]
    [TestCase(GemmForm.TN)]
    public void MatMul_gradients_match_finite_differences(GemmForm form)
    {
        var d = new TestData(1);
        // op(A) is [4 x 5], op(B) is [5 x 3].
        var a = form == GemmForm.TN ? d.Variable<double>(5, 4, true) : d.Variable<double>(4, 5, true);
        var b = form == GemmForm.NT ? d.Variable<double>(3, 5, true) : d.Variable<double>(5, 3, true);
        Check(t => Weighted(t, t.MatMul(a, b, form), 2), a, b);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Linear_gradients_match_finite_differences(bool relu)
    {
        var d = new TestData(70);
        var x = d.Variable<double>(5, 4, true);
        var w = d.Variable<double>(3, 4, true);
        var b = d.Variable<double>(1, 3, true);
        Check(t => Weighted(t, t.Linear(x, w, b, relu), 71), x, w, b);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Linear_equals_its_composition_from_primitives(bool relu)
    {
        var d = new TestData(72);
        var x = d.Variable<double>(6, 4, true);
        var w = d.Variable<double>(3, 4, true);
        var b = d.Variable<double>(1, 3, true);
        var t = new Tape<double>();
        var fused = t.Linear(x, w, b, relu).ToArray();
        var pre = t.AddBias(t.MatMul(x, w, GemmForm.NT), b);
        Assert.That(fused, Is.EqualTo((relu ? t.Relu(pre) : pre).ToArray()));
    }

    [Test]
    public void AddBias_gradients_match_finite_differences()
    {
        var d = new TestData(3);
        var x = d.Variable<double>(4, 6, true);
        var b = d.Variable<double>(1, 6, true);
        Check(t => Weighted(t, t.AddBias(x, b), 4), x, b);
    }

    [Test]
    public void Add_subtract_multiply_scale_gradients_match_finite_differences()
    {
        var d = new TestData(5);
        var a = d.Variable<double>(3, 4, true);
        var b = d.Variable<double>(3, 4, true);
        Check(t => Weighted(t, t.Add(a, b), 6), a, b);
        Check(t => Weighted(t, t.Subtract(a, b), 7), a, b);
        Check(t => Weighted(t, t.Multiply(a, b), 8), a, b);
        Check(t => Weighted(t, t.Scale(a, -2.5), 9), a);
    }

    [Test]
    public void Activation_gradients_match_finite_differences()
    {
        var d = new TestData(10);
        var x = d.AwayFromZero(5, 7);
        Check(t => Weighted(t, t.Relu(x), 11), x);
        Check(t => Weighted(t, t.Tanh(x), 12), x);
        Check(t => Weighted(t, t.Exp(x), 13), x);
        Check(t => Weighted(t, t.Cos(x), 14), x);
        Check(t => Weighted(t, t.Square(x), 15), x);
    }

    [Test]
    public void Reduction_gradients_match_finite_differences()
    {
        var d = new TestData(20);
        var x = d.Variable<double>(4, 9, true);
        Check(t => t.Sum(t.Square(x)), x);
        Check(t => t.Mean(t.Square(x)), x);
        Check(t => Weighted(t, t.SumRows(t.Square(x)), 21), x);
        Check(t => Weighted(t, t.MeanRows(t.Square(x)), 22), x);
    }

    [Test]
    public void Concat_and_slice_gradients_match_finite_differences()
    {
        var d = new TestData(30);
        var a = d.Variable<double>(2, 3, true);
        var b = d.Variable<double>(4, 3, true);
        var c = d.Variable<double>(1, 3, true);
        Check(t => Weighted(t, t.ConcatRows(a, b), 31), a, b);
        Check(t => Weighted(t, t.ConcatRows(a, b, c), 32), a, b, c);
        Check(t => Weighted(t, t.SliceRows(t.ConcatRows(a, b, c), 1, 4), 33), a, b, c);
    }

    [Test]
    public void RotateRows_gradients_match_finite_differences()
    {
        var d = new TestData(40);
        var x = d.Variable<double>(5, 3, true);
        var r = Variable<double>.FromSpan(5, 9, d.Rotations(5), requiresGrad: true);
        Check(t => Weighted(t, t.RotateRows(x, r), 41), x, r);
    }

    [Test]
    public void MseLoss_gradients_match_finite_differences()
    {
        var d = new TestData(50);
        var p = d.Variable<double>(6, 1, true);
        var y = d.Variable<double>(6, 1, true);
        Check(t => t.MseLoss(p, y), p, y);
    }

    [Test]
    public void Mlp_with_orbit_term_gradients_match_finite_differences()
    {
        // A 3-layer ReLU MLP, an MSE task loss, and an orbit-style penalty: two rotated copies of the batch
        // through the same layers and the squared difference of their hidden activations. Weights, biases
        // and the inputs all get checked, elementwise and along a random direction.
        var d = new TestData(60);
        const int n = 6;
        var x = d.Variable<double>(n, 3, requiresGrad: true, lo: -2, hi: 2);
        var target = d.Variable<double>(n, 1);
        var r1 = Variable<double>.FromSpan(n, 9, d.Rotations(n));
        var r2 = Variable<double>.FromSpan(n, 9, d.Rotations(n));
        Variable<double>[] w = [d.Variable<double>(8, 3, true), d.Variable<double>(8, 8, true), d.Variable<double>(1, 8, true)];
        Variable<double>[] b = [d.Variable<double>(1, 8, true), d.Variable<double>(1, 8, true), d.Variable<double>(1, 1, true)];

        Variable<double> Hidden(Tape<double> t, Variable<double> input)
            => t.Relu(t.AddBias(t.MatMul(t.Relu(t.AddBias(t.MatMul(input, w[0], GemmForm.NT), b[0])), w[1], GemmForm.NT), b[1]));

        Variable<double> Loss(Tape<double> t)
        {
            var all = Hidden(t, t.ConcatRows(x, t.RotateRows(x, r1), t.RotateRows(x, r2)));
            var prediction = t.AddBias(t.MatMul(t.SliceRows(all, 0, n), w[2], GemmForm.NT), b[2]);
            var orbit = t.Scale(t.Mean(t.SumRows(t.Square(t.Subtract(t.SliceRows(all, n, n), t.SliceRows(all, 2 * n, n))))), 0.5);
            return t.Add(t.MseLoss(prediction, target), t.Scale(orbit, 0.7));
        }

        Variable<double>[] inputs = [x, .. w, .. b];
        var r = GradientCheck.Elementwise(Loss, inputs);
        Assert.That(r.Passes, Is.True, $"{r}");
        Assert.That(r.MaxRelativeError, Is.LessThan(1e-5), $"{r}");
        Assert.That(GradientCheck.Directional(Loss, inputs, seed: 61), Is.LessThan(1e-6));
    }
}
