using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Optim;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Tests.Training;

public class TrainerComponentsTests
{
    /// <summary>Twice the raw penalty; it also checks that the engine hands it the rotations of every row.</summary>
    sealed class DoubledRaw : IOrbitPenaltyKind<float>
    {
        public int Calls;
        public string Name => "doubled";
        public bool NeedsOriginal => false;
        public Variable<float> Compute(Tape<float> tape, in OrbitActivations<float> orbit)
        {
            Calls++;
            if (orbit.R1 is null || orbit.R2 is null || orbit.R1.Rows != orbit.First.Rows || orbit.R1.Cols != 9)
                throw new InvalidOperationException("the engine did not pass R1 and R2");
            return tape.Scale(OrbitVarianceLoss.Compute(tape, orbit.First, orbit.Second), 2f);
        }
    }

    static TrainingOptions Small => new() { Epochs = 2, Samples = 600, HiddenLayers = 2, HiddenDim = 16, RunSeed = 5, SymmetryLayers = SymmetryLayers.Of(SymmetryLayer.Hidden(1)) };

    [Test]
    public void A_custom_penalty_kind_passed_to_the_trainer_is_the_one_the_history_records()
    {
        var raw = new Trainer(Small).Run();
        var kind = new DoubledRaw();
        var custom = new Trainer(Small) { Penalty = kind }.Run();
        // Epoch 0 trains at λ = 0 (the warm-up starts there), so both runs measure the same weights with the same rotations.
        Assert.That(custom.History[0].TrainSymLoss, Is.EqualTo(2 * raw.History[0].TrainSymLoss));
        Assert.That(custom.History[0].ValSymLoss, Is.EqualTo(2 * raw.History[0].ValSymLoss));
        Assert.That(kind.Calls, Is.GreaterThan(0));
        Assert.That(custom.History[1].TrainTaskLoss, Is.Not.EqualTo(raw.History[1].TrainTaskLoss), "epoch 1 trains on the doubled penalty");
    }

    sealed class CountingSgd(IEnumerable<Variable<float>> parameters, float lr) : IOptimizer<float>
    {
        readonly Variable<float>[] _parameters = [.. parameters];
        public int Steps;
        public void ZeroGrad() { foreach (var p in _parameters) p.ZeroGrad(); }
        public void Step() { foreach (var p in _parameters) GradientFinished(p); }
        public void BeginBackward() => Steps++;
        public void GradientFinished(Variable<float> leaf)
        {
            var w = leaf.Span;
            var g = leaf.Grad!.Span;
            for (int i = 0; i < w.Length; i++) w[i] -= lr * g[i];
        }
        public void EndBackward() { }
    }

    [Test]
    public void A_custom_optimizer_is_the_one_that_trains()
    {
        CountingSgd? sgd = null;
        var options = Small with { Epochs = 1 };
        var result = new Trainer(options) { Optimizer = m => sgd = new CountingSgd(m.Parameters(), 1e-3f) }.Run();
        Assert.That(sgd, Is.Not.Null);
        Assert.That(sgd!.Steps, Is.EqualTo(result.BatchTaskLosses.Count), "one step per batch");
        Assert.That(result.TestTaskLoss, Is.Not.EqualTo(new Trainer(options).Run().TestTaskLoss));
    }
}

public class GivenDataRecordTests
{
    [Test]
    public void A_run_on_given_data_says_so_in_config_json_and_a_saved_run_refuses_to_rebuild_them()
    {
        var options = new TrainingOptions { Epochs = 1, Samples = 600, HiddenLayers = 1, HiddenDim = 8, SymmetryLayers = SymmetryLayers.None };
        var own = new Trainer(options);
        // The options' own data, given explicitly, are not "given": config.json is as a plain run's.
        var plain = new Trainer(options, own.CreateDataset(), own.CreateModel()).Run();
        Assert.That(plain.DataGiven, Is.False);
        // 300 points of another seed in [-2, 2]^3: not what the options draw.
        var other = new LatentSymmetry.Core.Data.FieldDataset<float>(99, 300, LatentSymmetry.Core.Data.SamplingDomain.Box(3, 2),
            LatentSymmetry.Core.Fields.FieldCatalog.Default(3), LatentSymmetry.Core.Data.TrainRegion.Full);
        var given = new Trainer(options, other, own.CreateModel()).Run();
        Assert.That(given.DataGiven, Is.True);

        string dir = Directory.CreateTempSubdirectory("latsym-given-").FullName;
        try
        {
            RunArtifacts.Write(dir, given);
            Assert.That(File.ReadAllText(Path.Combine(dir, "config.json")), Does.Contain("\"data_given\": true"));
            var run = LatentSymmetry.Core.Evaluation.SavedRun.Open(dir);
            var e = Assert.Throws<LatentSymmetry.Core.Evaluation.RunDirectoryException>(() => run.CreateDataset())!;
            Assert.That(e.Message, Does.Contain("data a program gave"));
            Assert.That(RunArtifacts.ConfigJson(plain.Options), Does.Not.Contain("data_given"));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
