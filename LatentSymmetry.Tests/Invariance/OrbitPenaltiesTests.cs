using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Verification;
using LatentSymmetry.Core.Invariance;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Tests.Invariance;

/// <summary>The training penalties: values against the measures, raw's bits, and float64 gradient checks.</summary>
public class OrbitPenaltiesTests
{
    const int B = 7, D = 5;

    // A batch with distinct spreads per direction, so the 95% PCA keeps fewer than all columns.
    static (Tensor<double> Clean, Tensor<double> Turned1, Tensor<double> Turned2) Batch(ulong seed, int rows = B)
    {
        var d = new TestData(seed);
        double[] scale = [4, 2, 1, 0.3, 0.1];
        Tensor<double> Make()
        {
            var t = d.Tensor<double>(rows, D, requiresGrad: true);
            var s = t.Span;
            for (int i = 0; i < s.Length; i++) s[i] *= scale[i % D];
            return t;
        }
        return (Make(), Make(), Make());
    }

    static void Check(Func<Tape<double>, Tensor<double>> f, params Tensor<double>[] inputs)
    {
        var r = GradientCheck.Elementwise(f, inputs);
        Assert.That(r.Passes, Is.True, $"{r}");
        Assert.That(GradientCheck.Directional(f, inputs, seed: 751), Is.LessThan(1e-6));
    }

    [Test]
    public void Raw_is_the_training_loss_bit_for_bit()
    {
        var d = new TestData(750);
        var a = d.Tensor<float>(128, 64);
        var b = d.Tensor<float>(128, 64);
        var h = d.Tensor<float>(128, 64);
        float expected = OrbitVarianceLoss.Compute(new Tape<float>(), a, b).Item();
        Assert.That(OrbitPenalties.Compute(new Tape<float>(), PenaltyKind.Raw, h, a, b).Item(), Is.EqualTo(expected));
    }

    [Test]
    public void Values_are_the_measures_on_the_batch()
    {
        var (h, a, b) = Batch(752, rows: 40);
        var tape = new Tape<double>();
        double sl = InvarianceMeasures.SymmetryLoss(a, b);
        Assert.That(OrbitPenalties.Compute(tape, PenaltyKind.Normalized, h, a, b).Item(), Is.EqualTo(InvarianceMeasures.Qh(h, a, b)).Within(1e-7));
        Assert.That(OrbitPenalties.Compute(tape, PenaltyKind.PcaNormalized, h, a, b).Item(), Is.EqualTo(InvarianceMeasures.Q(h, a, b)).Within(1e-7));
        // With ε: exactly SL / (½ spread + 1e-8).
        Assert.That(OrbitPenalties.Compute(tape, PenaltyKind.Normalized, h, a, b, gradThroughDenominator: true).Item(),
            Is.EqualTo(sl / (0.5 * InvarianceMeasures.PairSpread(h) + 1e-8)).Within(1e-13));
        // pca: ½ E‖(a − b)·U‖² with U from h; it keeps fewer columns, so less than SL.
        var p = PrincipalSubspace.Fit(h);
        Assert.That(p.Count, Is.LessThan(D));
        var za = p.Project(a);
        var zb = p.Project(b);
        double expected = 0;
        for (int i = 0; i < za.Length; i++) expected += (za[i] - zb[i]) * (za[i] - zb[i]);
        expected *= 0.5 / 40;
        double pca = OrbitPenalties.Compute(tape, PenaltyKind.Pca, h, a, b).Item();
        Assert.That(pca, Is.EqualTo(expected).Within(1e-12 * expected));
        Assert.That(pca, Is.LessThan(sl));
    }

    [Test]
    public void Pca_of_a_scalar_output_is_raw_bit_for_bit()
    {
        var d = new TestData(753);
        var h = d.Tensor<float>(32, 1);
        var a = d.Tensor<float>(32, 1);
        var b = d.Tensor<float>(32, 1);
        Assert.That(OrbitPenalties.Compute(new Tape<float>(), PenaltyKind.Pca, h, a, b).Item(), Is.EqualTo(OrbitVarianceLoss.Compute(new Tape<float>(), a, b).Item()));
    }

    [TestCase(PenaltyKind.Raw)]
    [TestCase(PenaltyKind.Normalized)]
    [TestCase(PenaltyKind.Pca)]
    [TestCase(PenaltyKind.PcaNormalized)]
    public void Stopped_denominator_gradients_match_finite_differences(PenaltyKind kind)
    {
        // With the denominator and projection computed without gradient from h(x), the penalty is a smooth
        // function of the turned activations, and h(x) receives nothing.
        var (h, a, b) = Batch(760 + (ulong)kind);
        Check(t => OrbitPenalties.Compute(t, kind, h, a, b), a, b);
        var tape = new Tape<double>();
        h.ZeroGrad();
        tape.Backward(OrbitPenalties.Compute(tape, kind, h, a, b));
        Assert.That(h.Grad!.ToArray(), Is.All.EqualTo(0.0));
    }

    [Test]
    public void Normalized_gradients_through_the_denominator_match_finite_differences()
    {
        var (h, a, b) = Batch(770);
        Check(t => OrbitPenalties.Normalized(t, h, a, b, gradThroughDenominator: true), h, a, b);
        // and the clean batch now gets a gradient: the optimiser could spread it out to lower the ratio
        var tape = new Tape<double>();
        h.ZeroGrad();
        tape.Backward(OrbitPenalties.Normalized(tape, h, a, b, gradThroughDenominator: true));
        Assert.That(h.Grad!.ToArray().Max(Math.Abs), Is.GreaterThan(1e-3));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Pca_normalized_gradients_with_a_fixed_projection_match_finite_differences(bool gradThroughDenominator)
    {
        // The projection is a non-differentiable function of h(x) (an eigendecomposition without gradient),
        // so a finite difference in h(x) must hold it fixed: the overload taking the projection does.
        var (h, a, b) = Batch(780);
        var p = PrincipalSubspace.FitLeading(h);
        double batchFitted = OrbitPenalties.PcaNormalized(new Tape<double>(), h, a, b, gradThroughDenominator).Item();
        Assert.That(OrbitPenalties.PcaNormalized(new Tape<double>(), h, a, b, p, gradThroughDenominator).Item(), Is.EqualTo(batchFitted));
        Assert.That(OrbitPenalties.PcaNormalized(new Tape<double>(), h, a, b, PrincipalSubspace.Fit(h), gradThroughDenominator).Item(), Is.EqualTo(batchFitted).Within(1e-12));
        if (gradThroughDenominator) Check(t => OrbitPenalties.PcaNormalized(t, h, a, b, p, true), h, a, b);
        else Check(t => OrbitPenalties.PcaNormalized(t, h, a, b, p, false), a, b);
    }

    [Test]
    public void Kinds_parse_from_their_command_line_names()
    {
        foreach (PenaltyKind k in Enum.GetValues<PenaltyKind>())
            Assert.That(PenaltyKindText.Parse(PenaltyKindText.Format(k)), Is.EqualTo(k));
        Assert.That(PenaltyKindText.Parse(" PCA-Normalized "), Is.EqualTo(PenaltyKind.PcaNormalized));
        Assert.That(PenaltyKindText.All, Is.EqualTo(new[] { "raw", "normalized", "pca", "pca-normalized" }));
        var e = Assert.Throws<FormatException>(() => PenaltyKindText.Parse("qz"));
        Assert.That(e!.Message, Is.EqualTo("unknown penalty 'qz': expected one of raw, normalized, pca, pca-normalized"));
    }

    [Test]
    public void Bad_shapes_are_refused()
    {
        var tape = new Tape<double>();
        var a = Tensor<double>.Zeros(4, 3);
        Assert.Throws<ArgumentException>(() => OrbitPenalties.Compute(tape, PenaltyKind.Normalized, Tensor<double>.Zeros(4, 2), a, a));
        Assert.Throws<ArgumentException>(() => OrbitPenalties.Compute(tape, PenaltyKind.Pca, Tensor<double>.Zeros(1, 3), a, a));
    }
}
