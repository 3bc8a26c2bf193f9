using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Models;

public class ModuleTreeTests
{
    static Sum<T> TwoBranch<T>(int seed) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var model = new Sum<T>(("invariant", new InvariantMlp<T>(SymmetryGroup.So3, 16, 2, 1)), ("branch", new Mlp<T>(3, 4, 1, 1)));
        model.Initialize(new RandomStream(seed));
        return model;
    }

    [Test]
    public void Parameters_recurse_into_children_with_dotted_names()
    {
        var model = TwoBranch<float>(1);
        Assert.That(model.NamedParameters().Select(p => p.Name), Is.EqualTo(new[]
        {
            "invariant.layers.0.weight", "invariant.layers.0.bias", "invariant.layers.2.weight", "invariant.layers.2.bias",
            "invariant.layers.4.weight", "invariant.layers.4.bias", "branch.layers.0.weight", "branch.layers.0.bias",
            "branch.layers.2.weight", "branch.layers.2.bias",
        }));
        Assert.That(model.TapPaths(), Does.Contain("invariant.invariants").And.Contain("branch.layers.1"));
    }

    [Test]
    public void Child_names_are_path_segments_unique_in_their_container()
    {
        Assert.Throws<ArgumentException>(() => new Sequential<float>(("a", new ReLU<float>()), ("a", new ReLU<float>())));
        Assert.Throws<ArgumentException>(() => new Sum<float>(("a.b", new Linear<float>(3, 1))));
        Assert.Throws<ArgumentException>(() => new Sum<float>());
        Assert.Throws<ArgumentException>(() => new Sum<float>(("a", new Linear<float>(3, 1)), ("b", new Linear<float>(3, 2))), "one output width");
        Assert.That(new Sequential<float>(new Linear<float>(3, 4), new ReLU<float>()).Children.Select(c => c.Name), Is.EqualTo(new[] { "0", "1" }));
    }

    [Test]
    public void The_invariant_models_input_gradient_through_the_tape_is_the_analytic_one()
    {
        // f(x) = v · relu(W q + b) + c with q = (x² + y², z): ∂f/∂x = Σ_j v_j [pre_j > 0] (W_j0 · 2x, W_j0 · 2y, W_j1).
        var model = new InvariantMlp<double>(SymmetryGroup.So2z, 3, 1, 1);
        model.Initialize(new RandomStream(5));
        var points = new TestData(17).Array<double>(3 * 20, -2, 2);
        var x = Variable<double>.FromSpan(20, 3, points, requiresGrad: true);
        var tape = new Tape<double>();
        tape.Backward(tape.Sum(model.Forward(tape, x)));
        var w = model.Layers[0].Weight.Span.ToArray();
        var b = model.Layers[0].Bias.Span.ToArray();
        var v = model.Layers[1].Weight.Span.ToArray();
        var grad = x.Grad!.Span.ToArray();
        for (int i = 0; i < 20; i++)
        {
            double px = points[3 * i], py = points[3 * i + 1], pz = points[3 * i + 2];
            double q0 = px * px + py * py;
            double gx = 0, gy = 0, gz = 0;
            for (int j = 0; j < 3; j++)
            {
                if (w[2 * j] * q0 + w[2 * j + 1] * pz + b[j] <= 0) continue;
                gx += v[j] * w[2 * j] * 2 * px;
                gy += v[j] * w[2 * j] * 2 * py;
                gz += v[j] * w[2 * j + 1];
            }
            Assert.That(grad[3 * i], Is.EqualTo(gx).Within(1e-12), $"point {i}, x");
            Assert.That(grad[3 * i + 1], Is.EqualTo(gy).Within(1e-12), $"point {i}, y");
            Assert.That(grad[3 * i + 2], Is.EqualTo(gz).Within(1e-12), $"point {i}, z");
        }
    }

    [Test]
    public void To_double_of_a_trained_float_model_gives_its_outputs_to_float_rounding()
    {
        var options = new TrainingOptions { Epochs = 2, Samples = 600, HiddenLayers = 2, HiddenDim = 16, RunSeed = 3 };
        var result = new Trainer(options).Run();
        var model32 = result.Model;
        var model64 = model32.To<double>();
        Assert.That(model64.NamedParameters().Select(p => p.Name), Is.EqualTo(model32.NamedParameters().Select(p => p.Name)));
        var points = new TestData(2).Array<float>(3 * 64, -5, 5);
        var y32 = new Evaluator<float>().Predict(model32, points);
        var y64 = new Evaluator<double>().Predict(model64, Array.ConvertAll(points, p => (double)p));
        for (int i = 0; i < y32.Length; i++)
            Assert.That(y32[i], Is.EqualTo(y64[i]).Within(1e-5 * Math.Max(1, Math.Abs(y64[i]))), $"point {i}");
        // And back: float → double → float is the identity on every weight.
        var back = model64.To<float>();
        Assert.That(back.Parameters().SelectMany(p => p.ToArray()), Is.EqualTo(model32.Parameters().SelectMany(p => p.ToArray())));
    }

    [Test]
    public void A_tap_inside_a_branch_reads_that_branchs_output()
    {
        var model = TwoBranch<double>(4);
        var x = new TestData(9).Variable<double>(8, 3);
        var tape = new Tape<double>();
        var taps = new TapSet<double>(model, ["branch", "invariant.layers.1", ""]);
        var y = taps.Forward(tape, x);
        var branch = (Mlp<double>)model.Find("branch")!;
        var invariant = (InvariantMlp<double>)model.Find("invariant")!;
        Assert.That(taps[0].ToArray(), Is.EqualTo(branch.Forward(tape, x).ToArray()));
        Assert.That(taps[1].ToArray(), Is.EqualTo(invariant.Activation(tape, x, SymmetryLayer.Hidden(1)).ToArray()));
        Assert.That(taps[2].ToArray(), Is.EqualTo(model.Forward(tape, x).ToArray()));
        Assert.That(y.ToArray(), Is.EqualTo(tape.Add(invariant.Forward(tape, x), branch.Forward(tape, x)).ToArray()));
        Assert.That(model.StageDepth("branch"), Is.EqualTo(-1), "inside a branch there is no stage boundary");
        Assert.Throws<ArgumentException>(() => new TapSet<double>(model, ["nowhere"]));
    }

    [Test]
    public void The_fused_chain_gives_the_bits_of_the_unfused_one()
    {
        // Forward fuses Linear + ReLU; a TapSet runs every child on its own. Same bits.
        var model = new Mlp<float>(3, 32, 3, 1);
        model.Initialize(new RandomStream(8));
        var x = new TestData(3).Variable<float>(50, 3);
        var tape = new Tape<float>();
        var taps = new TapSet<float>(model, ["layers.0"]);
        Assert.That(taps.Forward(tape, x).ToArray(), Is.EqualTo(model.Forward(tape, x).ToArray()));
    }

    [Test]
    public void A_two_branch_model_trains_one_epoch_through_the_trainer()
    {
        var options = new TrainingOptions { Epochs = 1, Samples = 800, HiddenLayers = 2, HiddenDim = 16, SymmetryLayers = SymmetryLayers.Output };
        var trainer = new Trainer(options);
        var model = TwoBranch<float>(11);
        var invariantBefore = model.Find("invariant")!.Parameters().SelectMany(p => p.ToArray()).ToArray();
        var branchBefore = model.Find("branch")!.Parameters().SelectMany(p => p.ToArray()).ToArray();
        var result = new Trainer(options, trainer.CreateDataset(), model).Run();
        Assert.That(result.Diverged, Is.False);
        Assert.That(double.IsFinite(result.TestTaskLoss) && result.TestSymLoss is double sym && double.IsFinite(sym), Is.True);
        Assert.That(model.Find("invariant")!.Parameters().SelectMany(p => p.ToArray()).ToArray(), Is.Not.EqualTo(invariantBefore), "the invariant branch trained");
        Assert.That(model.Find("branch")!.Parameters().SelectMany(p => p.ToArray()).ToArray(), Is.Not.EqualTo(branchBefore), "the small branch trained");
    }
}
