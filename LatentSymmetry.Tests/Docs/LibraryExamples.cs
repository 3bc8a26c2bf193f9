using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Autograd.Verification;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Invariance;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Optim;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Tests.Docs;

/// <summary>
/// The examples of docs/library.md, each between markers that <see cref="DocExampleTextTests"/> holds the page's
/// blocks to, and run here with assertions on what the page says they do.
/// </summary>
public class LibraryExamples
{
    [Test]
    public void The_tape_example_takes_a_step_that_lowers_the_loss()
    {
        // begin example: tape
        var model = new Mlp<float>(inputDim: 3, hiddenDim: 16, hiddenLayers: 2, outputDim: 1);
        model.Initialize(new RandomStream(7));
        var optimizer = new AdamW<float>(model.Parameters());    // lr 3e-4, betas (0.9, 0.999), eps 1e-8
        var tape = new Tape<float>();
        var x = Variable<float>.FromSpan(4, 3, [0.1f, 0.2f, 0.3f, -1, 0, 1, 2, 2, 2, 0, -0.5f, 0.5f]);
        var y = Variable<float>.FromSpan(4, 1, [1, 0.5f, 0, 0.25f]);
        var loss = tape.MseLoss(model.Forward(tape, x), y);
        float before = loss.Item();
        tape.Backward(loss);                                      // each parameter's Grad += d loss / d parameter
        optimizer.Step();
        tape.Reset();                                             // the next step reuses the tape's buffers
        float after = tape.MseLoss(model.Forward(tape, x), y).Item();
        // end example

        Assert.That(after, Is.LessThan(before));
    }

    [Test]
    public void The_gradient_check_example_passes()
    {
        // begin example: gradcheck
        var w = Variable<double>.FromSpan(2, 2, [1, 2, 3, 4], requiresGrad: true);
        var target = Variable<double>.FromSpan(2, 2, [0, 1, 1, 0]);
        var check = GradientCheck.Elementwise(t => t.MseLoss(t.MatMul(w, w), target), [w]);
        Console.WriteLine($"passes {check.Passes}, max relative error {check.MaxRelativeError:E2}");
        // end example

        Assert.That(check.Passes, Is.True);
    }

    [Test]
    public void The_loss_term_example_trains_a_branch_under_its_own_penalty()
    {
        // begin example: loss-terms
        var options = new TrainingOptions { Epochs = 5, Samples = 400, LearningRate = 0.03 };
        var model = new Sum<float>(("main", new Mlp<float>(3, 16, 1, 1)), ("branch", new Linear<float>(3, 1)));
        model.Initialize(new RandomStream(1));
        var branch = model.Find("branch")!;
        var branchPenalty = LossTerm<float>.Of("branch_ms", LossWeight.Constant(10), (tape, step) =>
        {
            var b = branch.Forward(tape, step.Input);              // the branch's output on the batch, on the tape
            return tape.Mean(tape.Multiply(b, b));
        });
        var result = new Trainer(options, new Trainer(options).CreateDataset(), model) { LossTerms = [branchPenalty] }.Run();
        Console.WriteLine($"branch_ms by epoch: {string.Join(", ", result.History.Select(h => h.TrainTerms[0].ToString("G3")))}");
        // end example

        Assert.That(result.History[^1].TrainTerms[0], Is.LessThan(0.5 * result.History[0].TrainTerms[0]));
    }

    [Test]
    public void The_group_example_draws_rotations_and_computes_invariants()
    {
        // begin example: groups
        SymmetryGroup group = SymmetryGroup.So3;                  // or So2 (the plane), So2z (space, about z)
        IRotationSampler sampler = group.CreateSampler(seed: 1);  // Haar-random rotations
        var rotations = new double[2 * 9];
        sampler.Sample<double>(rotations);                        // two row-major 3 x 3 matrices
        float[] points = [1, 2, 3, 0, 0, 4];                      // two points, one per row
        var invariants = new float[2 * group.InvariantCount];
        group.Invariants<float>(points, invariants);              // |x|^2 of each point: 14, 16
        // end example

        Assert.That(invariants, Is.EqualTo(new float[] { 14, 16 }));
        for (int r = 0; r < 2; r++)
        {
            var m = rotations.AsSpan(r * 9, 9);
            double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6]);
            Assert.That(det, Is.EqualTo(1).Within(1e-12));
        }
    }

    [Test]
    public void The_modules_example_builds_a_two_branch_tree_whose_taps_add_up()
    {
        // begin example: modules
        var model = new Sum<float>(
            ("invariant", new InvariantMlp<float>(SymmetryGroup.So3, hiddenDim: 32, hiddenLayers: 2, outputDim: 1)),
            ("branch", new Mlp<float>(inputDim: 3, hiddenDim: 8, hiddenLayers: 1, outputDim: 1)));
        model.Initialize(new RandomStream(1));
        Console.WriteLine(string.Join(", ", model.NamedParameters().Select(p => p.Name).Take(3)));  // invariant.layers.0.weight, ...
        var x = Variable<float>.FromSpan(2, 3, [1, 2, 3, 0, 0, 4]);
        var taps = new TapSet<float>(model, ["invariant", "branch"]);
        var y = taps.Forward(new Tape<float>(), x);               // y = taps[0] + taps[1]
        Module<double> exact = model.To<double>();                // the same weights in float64
        var invariant = (Module<double>)exact.Find("invariant")!;
        EquivarianceCheck.AssertEquivariant<double>(invariant, SymmetryGroup.So3, [1, 2, 3, 0, 0, 4]);
        // end example

        Assert.That(model.NamedParameters().First().Name, Is.EqualTo("invariant.layers.0.weight"));
        for (int i = 0; i < 2; i++) Assert.That(y.Span[i], Is.EqualTo(taps[0].Span[i] + taps[1].Span[i]));
        Assert.That(exact.Parameters().SelectMany(p => p.ToArray()), Is.EqualTo(model.Parameters().SelectMany(p => p.ToArray()).Select(v => (double)v)));
    }

    [Test]
    public void The_penalty_and_measure_example_gives_finite_values_and_an_invariant_model_passes()
    {
        // begin example: penalty
        var model = new Mlp<float>(3, 32, 2, 1);
        model.Initialize(new RandomStream(3));
        var test = new FieldDataset<float>(dataSeed: 5, count: 320).Test;  // the default field's test split
        var batch = Variable<float>.FromSpan(test.Count, 3, test.Points);
        var tape = new Tape<float>();
        var penalty = new OrbitEngine<float>(SymmetryGroup.So3.CreateSampler(seed: 2),
            OrbitPenalties.Of<float>(PenaltyKind.Normalized));             // or null: the original's raw penalty
        var h = penalty.Forward(tape, model, batch, model.CheckDepth(SymmetryLayer.Hidden(1)), withOriginal: true);  // h(x), h(R1 x), h(R2 x) at hidden layer 1
        var loss = penalty.Compute(tape, h);                                 // Q_h of the batch, on the tape
        LayerInvariance measured = InvarianceMeasures.Measure(h.Original!, h.First, h.Second);
        Console.WriteLine($"penalty {loss.Item():G4}; Q_h {measured.Qh}, Q {measured.Q}");
        // end example

        Assert.That(float.IsFinite(loss.Item()) && loss.Item() > 0, Is.True);
        Assert.That(measured.Qh.Lower, Is.LessThanOrEqualTo(measured.Qh.Value));
    }

    [Test]
    public void The_invariance_check_example_accepts_the_invariant_model()
    {
        // begin example: assert-invariant
        var invariant = new InvariantMlp<float>(SymmetryGroup.So3, hiddenDim: 32, hiddenLayers: 2, outputDim: 1);
        invariant.Initialize(new RandomStream(4));
        float[] points = [1, 2, 3, -1, 0.5f, 2, 0, 0, 4];
        InvarianceCheck.AssertInvariant(invariant, SymmetryLayer.Output, points, SymmetryGroup.So3.CreateSampler(seed: 9), tolerance: 1e-4);
        // end example

        var mlp = new Mlp<float>(3, 32, 2, 1);
        mlp.Initialize(new RandomStream(4));
        Assert.Throws<InvariantViolationException>(() =>
            InvarianceCheck.AssertInvariant(mlp, SymmetryLayer.Output, points, SymmetryGroup.So3.CreateSampler(seed: 9), tolerance: 1e-4));
    }
}
