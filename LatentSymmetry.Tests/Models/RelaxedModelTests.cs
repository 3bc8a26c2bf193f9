using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Autograd.Verification;
using LatentSymmetry.Core.Evaluation;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Tests.Models;

public class RelaxedModelTests
{
    static double[] Points(int n, int d, int seed, double half = 1)
    {
        var stream = new RandomStream(seed);
        var p = new double[n * d];
        for (int i = 0; i < p.Length; i++) p[i] = stream.NextUniform(-half, half);
        return p;
    }

    static float[] Output(Module<float> model, float[] points)
    {
        var tape = new Tape<float>();
        return model.Forward(tape, Variable<float>.FromSpan(points.Length / 3, 3, points)).ToArray();
    }

    [TestCase(RelaxBranch.Quadratic)]
    [TestCase(RelaxBranch.Mlp)]
    public void With_the_branch_zeroed_the_output_is_the_invariant_models_bit_for_bit(RelaxBranch branch)
    {
        var kind = RelaxedModelKind.With(branch, RelaxPenalty.L2, 1e-3);
        var relaxed = kind.Create<float>(SymmetryGroup.So3, 16, 3, 1);
        relaxed.Initialize(new RandomStream(11));
        var invariant = ModelKind.Invariant.Create<float>(SymmetryGroup.So3, 16, 3, 1);
        invariant.Initialize(new RandomStream(11));
        foreach (var p in relaxed.Find("branch")!.Parameters()) p.Span.Clear();
        var points = Array.ConvertAll(Points(50, 3, 5, half: 3), v => (float)v);
        var a = Output(relaxed, points);
        var b = Output(invariant, points);
        Assert.That(a.Select(BitConverter.SingleToInt32Bits), Is.EqualTo(b.Select(BitConverter.SingleToInt32Bits)));
        Assert.That(relaxed.NamedParameters().Select(p => p.Name).Take(2), Is.EqualTo(new[] { "invariant.layers.0.weight", "invariant.layers.0.bias" }));
    }

    [Test]
    public void The_quadratic_branch_starts_at_zero_and_the_mlp_branch_s_output_layer_at_a_thousandth_of_pytorchs_scale()
    {
        var quadratic = RelaxedModelKind.Default.Create<float>(SymmetryGroup.So3, 8, 2, 1);
        quadratic.Initialize(new RandomStream(3));
        Assert.That(quadratic.Find("branch")!.Parameters().Single().ToArray(), Is.All.EqualTo(0f));
        var mlp = RelaxedModelKind.With(RelaxBranch.Mlp, RelaxPenalty.L2, 1e-3).Create<float>(SymmetryGroup.So3, 8, 2, 1);
        mlp.Initialize(new RandomStream(3));
        // The hidden layers keep PyTorch's bound, 1/sqrt(fan_in): 1/sqrt(3) for the first.
        var first = (Linear<float>)mlp.Find("branch.layers.0")!;
        float bound = (float)(1 / Math.Sqrt(3));
        Assert.That(first.Weight.ToArray().Max(Math.Abs), Is.LessThanOrEqualTo(bound).And.GreaterThan(bound / 4));
        // The output layer (32 inputs) is scaled by 1e-3, weight and bias.
        var output = (Linear<float>)mlp.Find("branch.layers.4")!;
        float outputBound = (float)(1e-3 / Math.Sqrt(MlpBranch<float>.Width));
        Assert.That(output.Weight.ToArray().Max(Math.Abs), Is.LessThanOrEqualTo(outputBound).And.GreaterThan(outputBound / 4));
        Assert.That(output.Bias.ToArray().Max(Math.Abs), Is.LessThanOrEqualTo(outputBound));
    }

    [Test]
    public void The_monomials_are_named_in_column_order_and_read_by_name()
    {
        var branch = new QuadraticBranch<double>(3, 1);
        Assert.That(branch.MonomialNames, Is.EqualTo(new[] { "x", "y", "z", "x^2", "y^2", "z^2", "x*y", "x*z", "y*z" }));
        Assert.That(new QuadraticBranch<double>(2, 1).MonomialNames, Is.EqualTo(new[] { "x", "y", "x^2", "y^2", "x*y" }));
        double[] w = [1, 2, 3, 4, 5, 6, 7, 8, 9];
        w.CopyTo(branch.Weight.Span);
        Assert.That(branch.Coefficients()["z^2"], Is.EqualTo(6));
        Assert.That(branch.SquareContrast(), Is.EqualTo(6 - (4 + 5) / 2.0));
        // Its output at (1, 2, 3): 1 + 4 + 9 + 4*1 + 5*4 + 6*9 + 7*2 + 8*3 + 9*6, by hand.
        var y = branch.Forward(new Tape<double>(), Variable<double>.FromSpan(1, 3, [1, 2, 3]));
        Assert.That(y.Item(), Is.EqualTo(1 * 1 + 2 * 2 + 3 * 3 + 4 * 1 + 5 * 4 + 6 * 9 + 7 * 2 + 8 * 3 + 9 * 6));
    }

    [Test]
    public void The_quadratic_branch_recovers_an_exactly_quadratic_breaking()
    {
        // Target: an invariant part (0.2 + 0.7 |x|^2) plus a breaking eps z^2 + 0.3 x - 0.2 x y. Since
        // z^2 = (z^2 - (x^2 + y^2)/2) * 2/3 + |x|^2 / 3, the identifiable coefficient z^2 - mean(x^2, y^2) of any exact fit
        // is eps, whatever share of |x|^2 the invariant part takes (closed form). The model is linear in its parameters,
        // so full-batch gradient descent converges to an exact fit on noiseless points.
        const double eps = 0.1;
        int n = 64;
        var x = Points(n, 3, 21);
        var t = new double[n];
        for (int i = 0; i < n; i++)
        {
            double a = x[3 * i], b = x[3 * i + 1], c = x[3 * i + 2];
            t[i] = 0.2 + 0.7 * (a * a + b * b + c * c) + eps * c * c + 0.3 * a - 0.2 * a * b;
        }
        var branch = new QuadraticBranch<double>(3, 1);
        var model = new Sum<double>(("invariant", new Sequential<double>(("invariants", new Invariants<double>(SymmetryGroup.So3)), ("linear", new Linear<double>(1, 1)))),
            ("branch", branch));
        var points = Variable<double>.FromSpan(n, 3, x);
        var targets = Variable<double>.FromSpan(n, 1, t);
        var parameters = model.Parameters().ToArray();
        var tape = new Tape<double>();
        double loss = double.NaN;
        for (int step = 0; step < 30000 && !(loss < 1e-24); step++)
        {
            tape.Reset();
            foreach (var p in parameters) p.Grad?.Span.Clear();
            var l = tape.MseLoss(model.Forward(tape, points), targets);
            loss = l.Item();
            tape.Backward(l);
            foreach (var p in parameters)
            {
                var v = p.Span;
                var g = p.Grad!.Span;
                for (int i = 0; i < v.Length; i++) v[i] -= 0.08 * g[i];
            }
        }
        Assert.That(branch.SquareContrast(), Is.EqualTo(eps).Within(1e-6), $"final loss {loss:E2}");
        Assert.That(branch.Coefficients()["x"], Is.EqualTo(0.3).Within(1e-6));
        Assert.That(branch.Coefficients()["x*y"], Is.EqualTo(-0.2).Within(1e-6));
    }

    [Test]
    public void The_quadratic_branch_has_correct_gradients_for_weights_and_points()
    {
        var branch = new QuadraticBranch<double>(3, 2);
        Points(9, 2, 4).CopyTo(branch.Weight.Span);
        var x = Variable<double>.FromSpan(5, 3, Points(5, 3, 6, half: 2), requiresGrad: true);
        var y = Variable<double>.FromSpan(5, 2, Points(5, 2, 7));
        var check = GradientCheck.Elementwise(t => t.MseLoss(branch.Forward(t, x), y), [branch.Weight, x]);
        Assert.That(check.Passes, Is.True, $"max relative error {check.MaxRelativeError:E2}");
    }

    [TestCase(RelaxBranch.Quadratic, RelaxPenalty.L2)]
    [TestCase(RelaxBranch.Quadratic, RelaxPenalty.L1)]
    [TestCase(RelaxBranch.Mlp, RelaxPenalty.L2)]
    [TestCase(RelaxBranch.Mlp, RelaxPenalty.L1)]
    public void The_branch_penalty_has_its_closed_form_value_and_correct_gradients(RelaxBranch kindOfBranch, RelaxPenalty norm)
    {
        var kind = RelaxedModelKind.With(kindOfBranch, norm, 0.5);
        var model = kind.Create<double>(SymmetryGroup.So3, 4, 1, 1);
        model.Initialize(new RandomStream(2));
        var branchParameters = model.Find("branch")!.Parameters().ToArray();
        int seed = 30;
        // Weights away from 0, where |w| is differentiable.
        foreach (var p in branchParameters) Points(p.Length, 1, seed++).Select(v => v + Math.Sign(v) * 0.1).ToArray().CopyTo(p.Span);
        var penalty = kind.PenaltyOf(model);
        double expected = branchParameters.Sum(p => p.ToArray().Sum(w => norm == RelaxPenalty.L2 ? w * w : Math.Abs(w)));
        Assert.That(penalty(new Tape<double>()).Item(), Is.EqualTo(expected).Within(1e-12));
        var check = GradientCheck.Elementwise(t => penalty(t), branchParameters);
        Assert.That(check.Passes, Is.True, $"max relative error {check.MaxRelativeError:E2}");
        // The whole relaxed network, along a random direction of its parameters and points.
        var x = Variable<double>.FromSpan(4, 3, Points(4, 3, 9, half: 2), requiresGrad: true);
        var y = Variable<double>.FromSpan(4, 1, Points(4, 1, 10));
        double error = GradientCheck.Directional(t => t.Add(t.MseLoss(model.Forward(t, x), y), penalty(t)), [.. model.Parameters(), x], seed: 3);
        Assert.That(error, Is.LessThan(1e-5));
    }

    [TestCase(RelaxBranch.Quadratic, RelaxPenalty.L2)]
    [TestCase(RelaxBranch.Mlp, RelaxPenalty.L1)]
    public void A_warm_relaxed_step_with_its_branch_penalty_allocates_nothing(RelaxBranch kindOfBranch, RelaxPenalty norm)
    {
        var kind = RelaxedModelKind.With(kindOfBranch, norm, 0.1);
        var model = kind.Create<float>(SymmetryGroup.So3, 16, 2, 1);
        model.Initialize(new RandomStream(1));
        var optimizer = new LatentSymmetry.Core.Optim.AdamW<float>(model.Parameters());
        var step = new TrainingStep<float>(model, optimizer, SymmetryLayer.Output, SymmetryGroup.So3.CreateSampler(seed: 4))
        {
            Terms = ModelTerms.With<float>(kind, model, []),
        };
        var points = Array.ConvertAll(Points(32, 3, 12, half: 3), v => (float)v);
        var targets = Array.ConvertAll(Points(32, 1, 13), v => (float)v);
        for (int i = 0; i < 3; i++) step.Run(points, targets, 0.5, 0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) step.Run(points, targets, 0.5, 0);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(step.TermValues[0], Is.GreaterThan(0));
    }

    [Test]
    public void The_l1_penalty_sends_no_gradient_to_a_zero_weight()
    {
        var tape = new Tape<double>();
        var w = Variable<double>.FromSpan(1, 3, [-2, 0, 3], requiresGrad: true);
        tape.Backward(tape.Sum(tape.Abs(w)));
        Assert.That(w.Grad!.ToArray(), Is.EqualTo(new double[] { -1, 0, 1 }));
    }

    [Test]
    public void A_relaxed_run_records_its_branch_penalty_and_its_settings_round_trip_through_config_json_and_the_saved_weights()
    {
        var kind = RelaxedModelKind.With(RelaxBranch.Mlp, RelaxPenalty.L1, 0.25);
        var options = new TrainingOptions { Model = kind, Epochs = 2, Samples = 300, HiddenLayers = 2, HiddenDim = 8, SymmetryLayers = SymmetryLayers.None };
        var result = new Trainer(options).Run();
        Assert.That(result.LossTermNames, Is.EqualTo(new[] { "branch_penalty" }));
        Assert.That(result.History.All(h => h.TrainTerms[0] > 0), Is.True);
        string dir = Directory.CreateTempSubdirectory("latsym-relaxed-").FullName;
        try
        {
            RunArtifacts.Write(dir, result);
            Assert.That(File.ReadAllText(Path.Combine(dir, "history.csv")), Does.StartWith("epoch,").And.Contain(",train_branch_penalty\n"));
            var run = SavedRun.Open(dir);
            Assert.That(run.Options.Model, Is.EqualTo(kind));
            Assert.That(run.Options with { Field = null }, Is.EqualTo(options)); // config.json names the default field
            var loaded = run.LoadModel<float>();
            var points = Array.ConvertAll(Points(7, 3, 8, half: 4), v => (float)v);
            Assert.That(Output(loaded, points), Is.EqualTo(Output(result.Model, points)));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Test]
    public void The_default_settings_are_the_registered_kind_and_other_kinds_write_no_settings()
    {
        Assert.That(ModelKind.TryParse("relaxed", out var parsed) && ReferenceEquals(parsed, RelaxedModelKind.Default), Is.True);
        Assert.That(RelaxedModelKind.With(RelaxBranch.Quadratic, RelaxPenalty.L2, RelaxedModelKind.DefaultWeight), Is.SameAs(RelaxedModelKind.Default));
        Assert.That(RunArtifacts.ConfigJson(new TrainingOptions()), Does.Not.Contain("relax_"));
        Assert.That(RunArtifacts.ConfigJson(new TrainingOptions { Model = ModelKind.Relaxed, SymmetryLayers = SymmetryLayers.None }),
            Does.Contain("\"relax_branch\": \"quadratic\"").And.Contain("\"relax_penalty\": \"l2\"").And.Contain("\"relax_weight\": 0.001"));
        Assert.That(new TrainingOptions { Model = ModelKind.Relaxed, HiddenLayers = 3, SymmetryLayers = SymmetryLayer.Hidden(2) }.Validate(),
            Does.StartWith("symmetry-layer 2 is a hidden layer"));
    }

    [Test]
    public void A_bad_setting_in_config_json_is_a_one_line_error_naming_it()
    {
        string dir = Directory.CreateTempSubdirectory("latsym-relaxed-").FullName;
        try
        {
            string path = Path.Combine(dir, "config.json");
            File.WriteAllText(path, RunArtifacts.ConfigJson(new TrainingOptions { Model = ModelKind.Relaxed, SymmetryLayers = SymmetryLayers.None })
                .Replace("\"relax_weight\": 0.001", "\"relax_weight\": -2", StringComparison.Ordinal));
            var e = Assert.Throws<RunDirectoryException>(() => SavedRun.ReadConfig(path));
            Assert.That(e!.Message, Is.EqualTo($"{path}: relax_weight must be a finite number >= 0, got -2"));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
