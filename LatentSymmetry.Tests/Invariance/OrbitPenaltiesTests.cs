using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Verification;
using LatentSymmetry.Core.Invariance;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Invariance;

/// <summary>The training penalties: values against the measures, raw's bits, and float64 gradient checks.</summary>
public class OrbitPenaltiesTests
{
    const int B = 7, D = 5;

    // A batch with distinct spreads per direction, so the 95% PCA keeps fewer than all columns.
    static (Variable<double> Clean, Variable<double> Turned1, Variable<double> Turned2) Batch(ulong seed, int rows = B)
    {
        var d = new TestData(seed);
        double[] scale = [4, 2, 1, 0.3, 0.1];
        Variable<double> Make()
        {
            var t = d.Variable<double>(rows, D, requiresGrad: true);
            var s = t.Span;
            for (int i = 0; i < s.Length; i++) s[i] *= scale[i % D];
            return t;
        }
        return (Make(), Make(), Make());
    }

    static void Check(Func<Tape<double>, Variable<double>> f, params Variable<double>[] inputs)
    {
        var r = GradientCheck.Elementwise(f, inputs);
        Assert.That(r.Passes, Is.True, $"{r}");
        Assert.That(GradientCheck.Directional(f, inputs, seed: 751), Is.LessThan(1e-6));
    }

    [Test]
    public void Raw_is_the_training_loss_bit_for_bit()
    {
        var d = new TestData(750);
        var a = d.Variable<float>(128, 64);
        var b = d.Variable<float>(128, 64);
        var h = d.Variable<float>(128, 64);
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
        var h = d.Variable<float>(32, 1);
        var a = d.Variable<float>(32, 1);
        var b = d.Variable<float>(32, 1);
        Assert.That(OrbitPenalties.Compute(new Tape<float>(), PenaltyKind.Pca, h, a, b).Item(), Is.EqualTo(OrbitVarianceLoss.Compute(new Tape<float>(), a, b).Item()));
    }

    [TestCase("raw")]
    [TestCase("normalized")]
    [TestCase("pca")]
    [TestCase("pca-normalized")]
    public void Stopped_denominator_gradients_match_finite_differences(string kindName)
    {
        var kind = PenaltyKindText.Parse(kindName);
        // With the denominator and projection computed without gradient from h(x), the penalty is a smooth
        // function of the turned activations, and h(x) receives nothing.
        var (h, a, b) = Batch(760 + (ulong)PenaltyKind.All.ToList().IndexOf(kind));
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
        foreach (var k in PenaltyKind.All)
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
        var a = Variable<double>.Zeros(4, 3);
        Assert.Throws<ArgumentException>(() => OrbitPenalties.Compute(tape, PenaltyKind.Normalized, Variable<double>.Zeros(4, 2), a, a));
        Assert.Throws<ArgumentException>(() => OrbitPenalties.Compute(tape, PenaltyKind.Pca, Variable<double>.Zeros(1, 3), a, a));
    }

    [Test]
    public void Penalty_kinds_plug_into_the_training_seam()
    {
        Assert.That(OrbitPenalties.Of<float>(PenaltyKind.Raw), Is.SameAs(RawOrbitPenalty<float>.Instance), "raw keeps the existing penalty and its bits");
        var (h, a, b) = Batch(790);
        foreach (var kind in new[] { PenaltyKind.Normalized, PenaltyKind.Pca, PenaltyKind.PcaNormalized })
        {
            var seam = OrbitPenalties.Of<double>(kind, gradThroughDenominator: true);
            Assert.That(seam.Name, Is.EqualTo(PenaltyKindText.Format(kind)));
            Assert.That(seam.NeedsOriginal, Is.True);
            double direct = kind == PenaltyKind.Normalized ? OrbitPenalties.Normalized(new Tape<double>(), h, a, b, gradThroughDenominator: true).Item()
                : kind == PenaltyKind.Pca ? OrbitPenalties.Pca(new Tape<double>(), h, a, b).Item()
                : OrbitPenalties.PcaNormalized(new Tape<double>(), h, a, b, gradThroughDenominator: true).Item();
            Assert.That(seam.Compute(new Tape<double>(), new OrbitActivations<double>(h, a, b)).Item(), Is.EqualTo(direct));
            Assert.Throws<ArgumentNullException>(() => seam.Compute(new Tape<double>(), new OrbitActivations<double>(null, a, b)));
        }
        Assert.Throws<ArgumentNullException>(() => OrbitPenalties.Of<float>(null!));
    }

    [Test]
    public void A_normalised_penalty_trains_through_the_orbit_penalty_seam()
    {
        // The training path end to end: OrbitPenalty draws the turns and runs the stacked pass; the kind
        // computes Q_h of the layer on the batch, and the network's weights get its gradient.
        var model = new LatentSymmetry.Core.Models.Mlp<double>(3, 16, 2, 1);
        model.Initialize(new LatentSymmetry.Core.Seeding.RandomStream(1));
        var x = new TestData(791).Variable<double>(32, 3);
        var penalty = new OrbitEngine<double>(new HaarSo3Sampler(2), OrbitPenalties.Of<double>(PenaltyKind.Normalized));
        var tape = new Tape<double>();
        foreach (var p in model.Parameters()) p.ZeroGrad();
        var activations = penalty.Forward(tape, model, x, model.CheckDepth(LatentSymmetry.Core.Models.SymmetryLayer.Hidden(1)), withOriginal: false);
        Assert.That(activations.Original, Is.Not.Null, "the normalised kind asks for h(x)");
        var loss = penalty.Compute(tape, activations);
        double qh = InvarianceMeasures.Qh(activations.Original!, activations.First, activations.Second);
        Assert.That(loss.Item(), Is.EqualTo(qh).Within(1e-7 * qh));
        tape.Backward(loss);
        Assert.That(model.Parameters().First().Grad!.ToArray().Max(Math.Abs), Is.GreaterThan(0));
    }
}
