using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Autograd.Verification;

namespace LatentSymmetry.Tests.Autograd;

/// <summary>The softmax cross-entropy operation against a naive formula, at extreme logits, and against finite differences.</summary>
public class SoftmaxCrossEntropyOpTests
{
    // −log(exp(z_y) / Σ exp(z_j)) straight from the definition, in double, for logits where nothing overflows.
    static double Naive(double[] z, int rows, int k, int[] labels)
    {
        double total = 0;
        for (int i = 0; i < rows; i++)
        {
            double sum = 0;
            for (int j = 0; j < k; j++) sum += Math.Exp(z[i * k + j]);
            total += -Math.Log(Math.Exp(z[i * k + labels[i]]) / sum);
        }
        return total / rows;
    }

    [Test]
    public void Value_matches_the_definition()
    {
        var d = new TestData(900);
        int[] labels = [0, 3, 2, 2, 1];
        var z = d.Variable<double>(5, 4, lo: -3, hi: 3);
        var loss = new Tape<double>().SoftmaxCrossEntropy(z, labels).Item();
        Assert.That(loss, Is.EqualTo(Naive(z.ToArray(), 5, 4, labels)).Within(1e-14));
    }

    [Test]
    public void Hand_computed_value_for_two_classes()
    {
        // logits (0, ln 3): softmax (1/4, 3/4); label 1 gives −ln(3/4), label 0 gives ln 4; mean = ln 4 − ln(3)/2.
        var z = Variable<double>.FromSpan(2, 2, [0, Math.Log(3), 0, Math.Log(3)]);
        var loss = new Tape<double>().SoftmaxCrossEntropy(z, [1, 0]).Item();
        Assert.That(loss, Is.EqualTo(Math.Log(4) - Math.Log(3) / 2).Within(1e-15));
    }

    [Test]
    public void Uniform_logits_cost_log_K()
    {
        var z = Variable<float>.FromSpan(3, 16, new float[48]);
        Assert.That(new Tape<float>().SoftmaxCrossEntropy(z, [0, 7, 15]).Item(), Is.EqualTo(MathF.Log(16)).Within(1e-6f));
    }

    [Test]
    public void Large_logits_stay_finite_and_shift_invariant()
    {
        // exp(1000) overflows a double: a naive softmax gives NaN. The shifted form gives the same loss as
        // the logits minus 1000, and in float32 as well as in float64.
        double[] small = [0.5, -1.25, 2.0, 0.0, 3.0, -2.0];
        var shifted = small.Select(v => v + 1000).ToArray();
        int[] labels = [2, 0];
        double expected = Naive(small, 2, 3, labels);
        Assert.That(new Tape<double>().SoftmaxCrossEntropy(Variable<double>.FromSpan(2, 3, shifted), labels).Item(), Is.EqualTo(expected).Within(1e-12));
        var f = Variable<float>.FromSpan(2, 3, shifted.Select(v => (float)v).ToArray());
        Assert.That(new Tape<float>().SoftmaxCrossEntropy(f, labels).Item(), Is.EqualTo((float)expected).Within(1e-4f));
        // and a hugely negative logit contributes nothing but stays finite
        var g = Variable<double>.FromSpan(1, 3, [0, -1e300, 0]);
        Assert.That(new Tape<double>().SoftmaxCrossEntropy(g, [0]).Item(), Is.EqualTo(Math.Log(2)).Within(1e-15));
    }

    [Test]
    public void Gradients_match_finite_differences()
    {
        var d = new TestData(901);
        var z = d.Variable<double>(7, 5, requiresGrad: true, lo: -4, hi: 4);
        int[] labels = [4, 0, 1, 1, 3, 2, 4];
        var r = GradientCheck.Elementwise(t => t.SoftmaxCrossEntropy(z, labels), [z]);
        Assert.That(r.Passes, Is.True, $"{r}");
        // Finite differences of a loss of order 1 carry ~1e-10 of rounding noise, which is what is left.
        Assert.That(r.MaxAbsoluteError, Is.LessThan(1e-8), $"{r}");
    }

    [Test]
    public void Gradients_through_a_linear_layer_match_finite_differences()
    {
        // The classifier's shape: features -> Linear -> logits -> cross-entropy, scaled after the loss so
        // the incoming gradient is not 1.
        var d = new TestData(902);
        var x = d.Variable<double>(6, 4, requiresGrad: true);
        var w = d.Variable<double>(3, 4, requiresGrad: true);
        var b = d.Variable<double>(1, 3, requiresGrad: true);
        int[] labels = [0, 2, 1, 1, 0, 2];
        Variable<double> Loss(Tape<double> t) => t.Scale(t.SoftmaxCrossEntropy(t.Linear(x, w, b, relu: false), labels), 1.7);
        var r = GradientCheck.Elementwise(Loss, [x, w, b]);
        Assert.That(r.Passes, Is.True, $"{r}");
        Assert.That(GradientCheck.Directional(Loss, [x, w, b], seed: 903), Is.LessThan(1e-7));
    }

    [Test]
    public void Gradient_rows_sum_to_zero_and_accumulate()
    {
        // Σ_j (softmax_j − onehot_j) = 0 for every row; a second use of the same logits adds a second copy.
        var d = new TestData(904);
        var z = d.Variable<double>(4, 6, requiresGrad: true);
        int[] labels = [5, 0, 3, 3];
        var tape = new Tape<double>();
        tape.Backward(tape.SoftmaxCrossEntropy(z, labels));
        var once = z.Grad!.ToArray();
        for (int i = 0; i < 4; i++) Assert.That(once.Skip(6 * i).Take(6).Sum(), Is.EqualTo(0).Within(1e-15));
        z.ZeroGrad();
        tape.Reset();
        tape.Backward(tape.Add(tape.SoftmaxCrossEntropy(z, labels), tape.SoftmaxCrossEntropy(z, labels)));
        Assert.That(z.Grad!.ToArray(), Is.EqualTo(once.Select(v => 2 * v).ToArray()).Within(1e-15));
    }

    [Test]
    public void Bad_labels_are_refused_with_the_offending_value()
    {
        var z = Variable<double>.FromSpan(2, 3, new double[6]);
        var tape = new Tape<double>();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => tape.SoftmaxCrossEntropy(z, [0, 3]));
        Assert.That(e!.Message, Does.Contain("label 1 is 3"));
        Assert.Throws<ArgumentOutOfRangeException>(() => tape.SoftmaxCrossEntropy(z, [-1, 0]));
        Assert.That(() => tape.SoftmaxCrossEntropy(z, [0]), Throws.ArgumentException.With.Message.Contains("1 labels"));
    }
}
