using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Tests.Training;

public class GradientAlignmentTests
{
    [Test]
    public void The_cosine_of_two_known_gradients_is_the_hand_computed_one()
    {
        // (1, 2, 2) . (2, 0, 1) = 4; |a| = 3, |b| = sqrt 5.
        Assert.That(GradientAlignment<double>.Cosine([1, 2, 2], [2, 0, 1]), Is.EqualTo(4 / (3 * Math.Sqrt(5))).Within(1e-15));
        Assert.That(GradientAlignment<double>.Cosine([1, 0], [-3, 0]), Is.EqualTo(-1));
        Assert.That(GradientAlignment<double>.Cosine([1, 0], [0, 0]), Is.NaN);
    }

    [TestCase(-1)]
    [TestCase(1)]
    public void The_probe_is_the_cosine_of_the_central_difference_gradients(int layer)
    {
        var model = new Mlp<double>(3, 4, 2, 1);
        model.Initialize(new RandomStream(5));
        var stream = new RandomStream(6);
        var points = new double[8 * 3];
        var targets = new double[8];
        for (int i = 0; i < points.Length; i++) points[i] = stream.NextUniform(-1, 1);
        for (int i = 0; i < targets.Length; i++) targets[i] = stream.NextUniform(-1, 1);
        var symmetryLayer = layer == -1 ? SymmetryLayer.Output : SymmetryLayer.Hidden(layer);
        OrbitEngine<double> Engine() => new(SymmetryGroup.So3.CreateSampler(seed: 77));
        var probe = new GradientAlignment<double>(model, symmetryLayer, Engine());
        double measured = probe.Measure(points, targets);

        // Independently: central differences of the task loss and of the penalty (each evaluation draws the same rotations).
        var tape = new Tape<double>();
        double Task()
        {
            tape.Reset();
            return tape.MseLoss(model.Forward(tape, Variable<double>.FromSpan(8, 3, points)), Variable<double>.FromSpan(8, 1, targets)).Item();
        }
        double Penalty()
        {
            tape.Reset();
            var engine = Engine();
            var h = engine.Forward(tape, model, Variable<double>.FromSpan(8, 3, points), model.CheckDepth(symmetryLayer), withOriginal: false);
            return engine.Compute(tape, h).Item();
        }
        var task = new List<double>();
        var penalty = new List<double>();
        const double eps = 1e-6;
        foreach (var p in model.Parameters())
        {
            var span = p.Span;
            for (int i = 0; i < span.Length; i++)
            {
                double saved = span[i];
                span[i] = saved + eps;
                double tPlus = Task(), pPlus = Penalty();
                span[i] = saved - eps;
                double tMinus = Task(), pMinus = Penalty();
                span[i] = saved;
                task.Add((tPlus - tMinus) / (2 * eps));
                penalty.Add((pPlus - pMinus) / (2 * eps));
            }
        }
        double expected = GradientAlignment<double>.Cosine(task.ToArray(), penalty.ToArray());
        Assert.That(measured, Is.EqualTo(expected).Within(1e-6));
        Assert.That(model.Parameters().All(p => p.Grad is null || p.Grad.ToArray().All(g => g == 0)), Is.True, "the probe leaves no gradient behind");
    }

    [Test]
    public void A_run_that_probes_keeps_its_bits_and_records_the_mean_cosine_per_epoch()
    {
        var options = new TrainingOptions { Epochs = 3, Samples = 400, HiddenLayers = 2, HiddenDim = 8, BatchSize = 32, SymmetryLayers = SymmetryLayer.Hidden(1) };
        var plain = new Trainer(options).Run();
        var probed = new Trainer(options with { GradAlignInterval = 2 }).Run();
        Assert.That(probed.BatchTaskLosses, Is.EqualTo(plain.BatchTaskLosses));
        Assert.That(probed.Model.Parameters().SelectMany(p => p.ToArray()), Is.EqualTo(plain.Model.Parameters().SelectMany(p => p.ToArray())));
        Assert.That(plain.History.All(h => h.GradAlignment is null), Is.True);
        Assert.That(probed.History.Select(h => h.GradAlignment!.Value), Is.All.InRange(-1.0, 1.0));
        Assert.That(RunArtifacts.HistoryCsv(plain.History, options.SymmetryLayers, []), Does.Not.Contain("grad_align"));
        var csv = RunArtifacts.HistoryCsv(probed.History, options.SymmetryLayers, []).Split('\n');
        Assert.That(csv[0], Does.EndWith(",grad_align"));
        Assert.That(RunArtifacts.ConfigJson(options), Does.Not.Contain("grad_align"));
        Assert.That(RunArtifacts.ConfigJson(options with { GradAlignInterval = 2 }), Does.Contain("\"grad_align_interval\": 2"));
        Assert.That((options with { GradAlignInterval = 2, SymmetryLayers = SymmetryLayers.None }).Validate(), Does.StartWith("grad-align-interval 2 compares"));
    }
}
