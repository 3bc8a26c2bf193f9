using System.Numerics;
using System.Text.Json;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Autograd.Verification;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Evaluation;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Optim;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Training;

/// <summary>A penalty summed over several layers (<c>--symmetry-layer 2,4,-1</c>): its value, its gradient, and one layer's bits.</summary>
public class MultiLayerPenaltyTests
{
    /// <summary>Always the same rotations, whichever call draws them: a penalty recomputed many times (gradcheck) sees one function.</summary>
    sealed class FixedRotations(double[] matrices) : IRotationSampler
    {
        public int Dimension => 3;

        public void Sample<T>(Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T>
        {
            for (int i = 0; i < destination.Length; i++) destination[i] = T.CreateChecked(matrices[i % matrices.Length]);
        }
    }

    static readonly SymmetryLayers Three = SymmetryLayers.Of(SymmetryLayer.Hidden(1), SymmetryLayer.Hidden(3), SymmetryLayer.Output);

    static Mlp<double> Model(int seed)
    {
        var model = new Mlp<double>(3, 6, 3, 1);
        model.Initialize(new RandomStream(seed));
        return model;
    }

    [TestCase("raw")]
    [TestCase("normalized")]
    [TestCase("pca")]
    [TestCase("pca-normalized")]
    public void The_sum_is_the_sum_of_single_layer_penalties_on_the_same_batch_and_rotations(string kindName)
    {
        var kind = PenaltyKindText.Parse(kindName);
        var d = new TestData(901);
        var model = Model(7);
        var x = d.Variable<double>(12, 3, lo: -2, hi: 2);
        var kindOf = OrbitPenalties.Of<double>(kind);
        var tape = new Tape<double>();
        var activations = new OrbitActivations<double>[Three.Count];
        var perLayer = new double[Three.Count];
        // Two samplers of one seed draw the same R1, R2 for the summed pass and for each single-layer pass.
        new OrbitEngine<double>(new HaarSo3Sampler(33), kindOf).Forward(tape, model, x, model.CheckDepths(Three), withOriginal: true, activations);
        double sum = new OrbitEngine<double>(new HaarSo3Sampler(33), kindOf).Compute(tape, activations, perLayer).Item();

        double separate = 0;
        for (int i = 0; i < Three.Count; i++)
        {
            var single = new OrbitEngine<double>(new HaarSo3Sampler(33), kindOf);
            var t = new Tape<double>();
            double value = single.Compute(t, single.Forward(t, model, x, model.CheckDepth(Three[i]), withOriginal: false)).Item();
            Assert.That(perLayer[i], Is.EqualTo(value).Within(1e-12).Percent, $"layer {Three[i]}");
            separate += value;
        }
        Assert.That(separate, Is.GreaterThan(0));
        Assert.That(sum, Is.EqualTo(separate).Within(1e-12).Percent);
    }

    [TestCase("raw", false)]
    [TestCase("normalized", false)]
    [TestCase("pca-normalized", false)]
    [TestCase("normalized", true)]
    public void The_summed_penalty_passes_the_gradient_check(string kindName, bool gradThroughDenominator)
    {
        var kind = PenaltyKindText.Parse(kindName);
        var d = new TestData(902);
        var model = Model(8);
        var x = d.Variable<double>(6, 3, lo: -2, hi: 2);
        var orbit = new OrbitEngine<double>(new FixedRotations(d.Rotations(6)), OrbitPenalties.Of<double>(kind, gradThroughDenominator));
        int[] depths = model.CheckDepths(Three);
        var activations = new OrbitActivations<double>[depths.Length];
        Variable<double> Loss(Tape<double> t)
        {
            orbit.Forward(t, model, x, depths, withOriginal: false, activations);
            return orbit.Compute(t, activations);
        }
        var parameters = model.Parameters().ToArray();
        var r = GradientCheck.Elementwise(Loss, parameters);
        Assert.That(r.Passes, Is.True, $"{r}");
        Assert.That(GradientCheck.Directional(Loss, parameters, seed: 903), Is.LessThan(1e-6));
    }

    [Test]
    public void A_list_of_one_layer_trains_bit_for_bit_as_the_single_layer_step_did()
    {
        // The step as it was before layer lists, written out: one stacked pass to the layer, the task from the
        // clean rows above it, ½ E‖h1 − h2‖², loss = task + λ · penalty.
        const int B = 16, Depth = 2, Steps = 5;
        const float Lambda = 0.7f;
        var data = new FieldDataset<float>(4, 200);
        var reference = new Mlp<float>(3, 8, 3, 1);
        var model = new Mlp<float>(3, 8, 3, 1);
        reference.Initialize(new RandomStream(9));
        model.Initialize(new RandomStream(9));
        var referenceOptimizer = new AdamW<float>(reference.Parameters(), AdamWOptions.Default with { LearningRate = 3e-3 });
        var referenceSampler = new HaarSo3Sampler(21);
        var step = new TrainingStep<float>(model, new AdamW<float>(model.Parameters(), AdamWOptions.Default with { LearningRate = 3e-3 }),
            SymmetryLayers.Of(SymmetryLayer.Hidden(Depth)), new HaarSo3Sampler(21));
        var tape = new Tape<float>();
        for (int s = 0; s < Steps; s++)
        {
            var points = data.Train.Points.Slice(3 * B * s, 3 * B);
            var targets = data.Train.Targets.Slice(B * s, B);
            var (task, sym) = step.Run(points, targets, Lambda);

            tape.Reset();
            referenceOptimizer.ZeroGrad();
            var x = tape.NewScratch(B, 3);
            var y = tape.NewScratch(B, 1);
            points.CopyTo(x.Span);
            targets.CopyTo(y.Span);
            var r1 = tape.NewScratch(B, 9);
            var r2 = tape.NewScratch(B, 9);
            referenceSampler.Sample(r1.Span);
            referenceSampler.Sample(r2.Span);
            int depth = reference.CheckDepth(SymmetryLayer.Hidden(Depth));
            var h = reference.Forward(tape, tape.ConcatRows(x, tape.RotateRows(x, r1), tape.RotateRows(x, r2)), 0, depth);
            var referenceTask = tape.MseLoss(reference.Forward(tape, tape.SliceRows(h, 0, B), depth, reference.StageCount), y);
            var penalty = OrbitVarianceLoss.Compute(tape, tape.SliceRows(h, B, B), tape.SliceRows(h, 2 * B, B));
            tape.Backward(tape.Add(referenceTask, tape.Scale(penalty, Lambda)), referenceOptimizer);

            Assert.That(task, Is.EqualTo((double)referenceTask.Item()), $"step {s}");
            Assert.That(sym, Is.EqualTo((double)penalty.Item()), $"step {s}");
        }
        var expected = reference.Parameters().SelectMany(p => p.ToArray()).ToArray();
        Assert.That(model.Parameters().SelectMany(p => p.ToArray()).ToArray(), Is.EqualTo(expected));
    }

    static readonly TrainingOptions Small = new()
    {
        HiddenLayers = 3, HiddenDim = 8, Epochs = 2, Samples = 300, BatchSize = 32, RunSeed = 6,
        LearningRate = 3e-3, LambdaSymMax = 0.5, SymmetryLayers = SymmetryLayers.Of(SymmetryLayer.Hidden(2), SymmetryLayer.Output),
    };

    [Test]
    public void A_run_reports_the_sum_and_its_terms_and_its_config_reads_back()
    {
        var r = new Trainer(Small).Run();
        Assert.That(r.TestSymLossByLayer, Has.Count.EqualTo(2));
        Assert.That(r.TestSymLossByLayer[0] + r.TestSymLossByLayer[1], Is.EqualTo(r.TestSymLoss!.Value).Within(1e-4).Percent); // float32 sums, double terms
        Assert.That(r.History[^1].TrainSymLoss, Is.GreaterThan(0));

        using var config = JsonDocument.Parse(RunArtifacts.ConfigJson(Small));
        Assert.That(config.RootElement.GetProperty("symmetry_layer").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(new[] { 2, -1 }));
        using var metrics = JsonDocument.Parse(RunArtifacts.MetricsJson(r, null));
        var byLayer = metrics.RootElement.GetProperty("test_sym_loss_by_layer");
        Assert.That(byLayer.GetProperty("2").GetDouble(), Is.EqualTo(r.TestSymLossByLayer[0]));
        Assert.That(byLayer.GetProperty("-1").GetDouble(), Is.EqualTo(r.TestSymLossByLayer[1]));

        var dir = Path.Combine(Path.GetTempPath(), "latsym-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "config.json"), RunArtifacts.ConfigJson(Small));
            Assert.That(SavedRun.ReadConfig(Path.Combine(dir, "config.json")).Options.SymmetryLayers, Is.EqualTo(Small.SymmetryLayers));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Test]
    public void One_layer_keeps_the_number_old_configs_hold()
    {
        using var config = JsonDocument.Parse(RunArtifacts.ConfigJson(Small with { SymmetryLayers = SymmetryLayer.Hidden(2) }));
        Assert.That(config.RootElement.GetProperty("symmetry_layer").ValueKind, Is.EqualTo(JsonValueKind.Number));
        Assert.That(config.RootElement.GetProperty("symmetry_layer").GetInt32(), Is.EqualTo(2));
        using var none = JsonDocument.Parse(RunArtifacts.ConfigJson(Small with { SymmetryLayers = SymmetryLayers.None }));
        Assert.That(none.RootElement.GetProperty("symmetry_layer").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }
}
