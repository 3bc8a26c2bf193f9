using LatentSymmetry.Core.Experiments.Grid;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Training;
using LatentSymmetry.Core.Orbits;

namespace LatentSymmetry.Tests.Training;

public class TrainerTests
{
    static readonly TrainingOptions Small = new()
    {
        HiddenLayers = 2, HiddenDim = 16, Epochs = 6, Samples = 600, BatchSize = 32, RunSeed = 7,
        LearningRate = 3e-3, SymmetryLayers = SymmetryLayer.Hidden(1), LambdaSymMax = 0.5,
    };

    // What a run records and ends with: the per-batch task losses, the test figures, divergence and the final weights.
    static void AssertSameOutcome(TrainingResult actual, TrainingResult expected)
    {
        Assert.That(actual.BatchTaskLosses, Is.EqualTo(expected.BatchTaskLosses));
        Assert.That(actual.TestTaskLoss, Is.EqualTo(expected.TestTaskLoss));
        Assert.That(actual.TestSymLoss, Is.EqualTo(expected.TestSymLoss));
        Assert.That(actual.TestSymLossByLayer, Is.EqualTo(expected.TestSymLossByLayer));
        Assert.That(actual.OrbitTaskLoss, Is.EqualTo(expected.OrbitTaskLoss));
        Assert.That((actual.Diverged, actual.History.Count), Is.EqualTo((expected.Diverged, expected.History.Count)));
        foreach (var ((_, ta), (_, tb)) in expected.Model.NamedParameters().Zip(actual.Model.NamedParameters()))
            Assert.That(tb.ToArray(), Is.EqualTo(ta.ToArray()));
    }

    [Test]
    public void A_short_run_lowers_the_test_loss()
    {
        var trainer = new Trainer(Small);
        var untrained = new Evaluator<float>().Evaluate(trainer.CreateModel(), trainer.CreateDataset().Test, SymmetryLayer.None, SymmetryGroup.So3, 0).Task;
        var result = trainer.Run();
        Assert.That(result.Diverged, Is.False);
        Assert.That(result.TestTaskLoss, Is.LessThan(0.7 * untrained));
        Assert.That(result.History, Has.Count.EqualTo(6));
        Assert.That(result.History[^1].ValTaskLoss, Is.LessThan(result.History[0].ValTaskLoss));
        Assert.That(result.TestSymLoss, Is.Not.Null.And.GreaterThanOrEqualTo(0));
    }

    [Test]
    public void The_same_seed_gives_bit_identical_runs()
    {
        var a = new Trainer(Small).Run();
        var b = new Trainer(Small).Run();
        Assert.That(b.BatchTaskLosses, Is.EqualTo(a.BatchTaskLosses));
        Assert.That(b.BatchSymLosses, Is.EqualTo(a.BatchSymLosses));
        Assert.That(b.TestTaskLoss, Is.EqualTo(a.TestTaskLoss));
        Assert.That(b.TestSymLoss, Is.EqualTo(a.TestSymLoss));
        foreach (var ((_, ta), (_, tb)) in a.Model.NamedParameters().Zip(b.Model.NamedParameters()))
            Assert.That(tb.ToArray(), Is.EqualTo(ta.ToArray()));
    }

    [Test]
    public void Runs_differing_in_lambda_or_layer_see_the_same_data_weights_and_batches()
    {
        // The fairness property: only the penalty differs between cells of a grid.
        var variants = new[]
        {
            Small,
            Small with { LambdaSymMax = 0 },
            Small with { SymmetryLayers = SymmetryLayer.Output, LambdaSymMax = 3 },
            Small with { SymmetryLayers = SymmetryLayer.None, LambdaSymMax = 0 },
        };
        var reference = new Trainer(Small);
        var data = reference.CreateDataset();
        var model = reference.CreateModel();
        var order = data.CreateBatchOrder(Small.BatchSize);
        order.NextEpoch();
        order.NextEpoch();
        foreach (var v in variants)
        {
            var t = new Trainer(v);
            var d = t.CreateDataset();
            Assert.That(d.Train.Points.ToArray(), Is.EqualTo(data.Train.Points.ToArray()));
            Assert.That(d.Test.Targets.ToArray(), Is.EqualTo(data.Test.Targets.ToArray()));
            foreach (var ((_, ta), (_, tb)) in t.CreateModel().NamedParameters().Zip(model.NamedParameters()))
                Assert.That(ta.ToArray(), Is.EqualTo(tb.ToArray()));
            var o = d.CreateBatchOrder(v.BatchSize);
            o.NextEpoch();
            o.NextEpoch();
            Assert.That(o.Order.ToArray(), Is.EqualTo(order.Order.ToArray()));
        }
    }

    [Test]
    public void Skipping_the_validation_penalty_changes_no_other_number()
    {
        // The grid turns it off; everything it records (and the validation task loss) must keep its bits.
        foreach (var options in new[] { Small, Small with { SymmetryLayers = SymmetryLayer.Output, LambdaSymMax = 3 } })
        {
            var full = new Trainer(options).Run();
            var lean = new Trainer(options) { Measurements = TrainingMeasurements.All with { ValidationSymLoss = false } }.Run();
            Assert.That(full.History.Select(h => h.ValSymLoss), Is.All.Not.Null.And.All.GreaterThan(0));
            Assert.That(lean.History.Select(h => h.ValSymLoss), Is.All.Null);
            Assert.That(lean.History.Select(h => h.ValTaskLoss), Is.EqualTo(full.History.Select(h => h.ValTaskLoss)));
            Assert.That(lean.History.Select(h => h.TrainSymLoss), Is.EqualTo(full.History.Select(h => h.TrainSymLoss)));
            Assert.That(lean.BatchSymLosses, Is.EqualTo(full.BatchSymLosses));
            AssertSameOutcome(lean, full);
        }
    }

    [Test]
    public void Without_penalty_weight_the_step_trains_exactly_like_the_baseline()
    {
        // λ_max = 0 at a hidden layer measures the penalty but must not change the optimisation at all.
        var baseline = new Trainer(Small with { SymmetryLayers = SymmetryLayer.None, LambdaSymMax = 0 }).Run();
        var measured = new Trainer(Small with { LambdaSymMax = 0 }).Run();
        Assert.That(measured.BatchTaskLosses, Is.EqualTo(baseline.BatchTaskLosses));
        Assert.That(measured.TestTaskLoss, Is.EqualTo(baseline.TestTaskLoss));
        Assert.That(baseline.TestSymLoss, Is.Null);
        Assert.That(measured.TestSymLoss, Is.GreaterThan(0));
    }

    [Test]
    public void Skipping_the_unweighted_training_penalty_changes_no_recorded_number()
    {
        // λ = 0 epochs (all of a λ_max = 0 run, the first of every run) skip the two rotated passes but still draw
        // their rotations, so later epochs see the same rotations and the weights keep every bit.
        foreach (var options in new[] { Small, Small with { LambdaSymMax = 0 }, Small with { SymmetryLayers = SymmetryLayer.Output, LambdaSymMax = 3 },
                     Small with { SymmetryLayers = SymmetryLayers.Of(SymmetryLayer.Hidden(1), SymmetryLayer.Output) } })
        {
            var full = new Trainer(options).Run();
            var lean = new Trainer(options) { Measurements = TrainingMeasurements.All with { UnweightedSymLoss = false } }.Run();
            AssertSameOutcome(lean, full);
            Assert.That(lean.History.Select(h => h.ValTaskLoss), Is.EqualTo(full.History.Select(h => h.ValTaskLoss)));
            Assert.That(lean.History.Select(h => h.ValSymLoss), Is.EqualTo(full.History.Select(h => h.ValSymLoss)));
            // The λ = 0 epochs report no training penalty (every batch NaN, aligned with the task losses); the others theirs.
            Assert.That(lean.BatchSymLosses, Has.Count.EqualTo(lean.BatchTaskLosses.Count));
            for (int e = 0; e < full.History.Count; e++)
            {
                if (full.History[e].Lambda == 0)
                {
                    Assert.That(lean.History[e].TrainSymLoss, Is.Null, $"epoch {e}");
                    Assert.That(full.History[e].TrainSymLoss, Is.GreaterThan(0), $"epoch {e}");
                }
                else
                {
                    Assert.That(lean.History[e].TrainSymLoss, Is.EqualTo(full.History[e].TrainSymLoss), $"epoch {e}");
                    Assert.That(lean.History[e].TrainSymLossByLayer, Is.EqualTo(full.History[e].TrainSymLossByLayer), $"epoch {e}");
                }
            }
        }
    }

    [Test]
    public void Skipping_a_validation_loss_the_weights_prove_finite_changes_no_recorded_number()
    {
        foreach (var options in new[] { Small, Small with { SymmetryLayers = SymmetryLayer.None, LambdaSymMax = 0 }, Small with { Model = ModelKind.Invariant } })
        {
            var full = new Trainer(options).Run();
            var lean = new Trainer(options) { Measurements = TrainingMeasurements.All with { ValidationTaskLoss = false, ValidationSymLoss = false } }.Run();
            Assert.That(lean.History.Select(h => h.ValTaskLoss), Is.All.NaN, "a well-behaved run never needs its validation loss");
            AssertSameOutcome(lean, full);
        }
        // With the validation penalty still wanted, nothing is skipped.
        var kept = new Trainer(Small) { Measurements = TrainingMeasurements.All with { ValidationTaskLoss = false } }.Run();
        Assert.That(kept.History.Select(h => h.ValTaskLoss), Is.All.Not.NaN);
    }

    [Test]
    public void A_diverging_run_stops_at_the_same_epoch_whether_or_not_its_validation_loss_is_skipped()
    {
        // One step per epoch (the batch holds every training point) with a learning rate of 1e30: the first step's
        // training loss is finite, its update throws the weights to 1e30, and only the validation pass can see it. The
        // bound no longer holds, so the lean run computes the validation loss and stops at the same epoch.
        var options = Small with { LearningRate = 1e30, BatchSize = 512, Epochs = 5 };
        var full = new Trainer(options).Run();
        var lean = new Trainer(options) { Measurements = TrainingMeasurements.All with { ValidationTaskLoss = false, ValidationSymLoss = false, UnweightedSymLoss = false } }.Run();
        Assert.That((full.Diverged, full.History.Count, full.BatchTaskLosses.Count), Is.EqualTo((true, 1, 1)));
        Assert.That(double.IsFinite(full.BatchTaskLosses[0]) && !double.IsFinite(full.History[0].ValTaskLoss), Is.True);
        Assert.That((lean.Diverged, lean.History.Count), Is.EqualTo((full.Diverged, full.History.Count)));
        Assert.That(lean.History[0].ValTaskLoss, Is.EqualTo(full.History[0].ValTaskLoss));
    }

    [Test]
    public void A_lambda_zero_run_is_its_unpenalised_twin_measured_at_its_layer()
    {
        var twinOptions = Small with { SymmetryLayers = SymmetryLayer.None, LambdaSymMax = 0 };
        var twin = new Trainer(twinOptions).Run();
        foreach (var options in new[] { Small with { LambdaSymMax = 0 }, Small with { LambdaSymMax = 0, SymmetryLayers = SymmetryLayer.Output },
                     Small with { LambdaSymMax = 0, Penalty = Core.Orbits.PenaltyKind.PcaNormalized },
                     Small with { LambdaSymMax = 0, SymmetryLayers = SymmetryLayers.Of(SymmetryLayer.Hidden(1), SymmetryLayer.Hidden(2)) } })
        {
            Assert.That(GridCellTraining.UnpenalisedTwin(options), Is.EqualTo(twinOptions));
            var own = new Trainer(options) { Measurements = TrainingMeasurements.All with { UnweightedSymLoss = false } }.Run();
            var shared = GridCellTraining.FromTwin(options, twin);
            Assert.That(shared.Options, Is.EqualTo(options));
            Assert.That(shared.TestSymLoss, Is.GreaterThan(0));
            AssertSameOutcome(shared, own);
        }
        Assert.That(GridCellTraining.FromTwin(twinOptions, twin), Is.SameAs(twin));
    }

    [Test]
    public void Only_a_lambda_zero_run_has_an_unpenalised_twin()
    {
        var twin = new Trainer(Small with { SymmetryLayers = SymmetryLayer.None, LambdaSymMax = 0, Epochs = 1 }).Run();
        Assert.That(GridCellTraining.UnpenalisedTwin(Small), Is.Null);
        Assert.That(() => GridCellTraining.FromTwin(Small, twin), Throws.ArgumentException.With.Message.Contains("lambda-sym-max"));
        // A twin of other settings (here: another seed) is refused rather than silently measured.
        Assert.That(() => GridCellTraining.FromTwin(Small with { LambdaSymMax = 0, RunSeed = 8, Epochs = 1 }, twin), Throws.ArgumentException.With.Message.Contains("twin"));
    }

    [Test]
    public void Invalid_options_name_the_setting()
    {
        Assert.That(new TrainingOptions { Epochs = 0 }.Validate(), Does.Contain("epochs"));
        Assert.That(new TrainingOptions { HiddenDim = -3 }.Validate(), Does.Contain("hidden-dim"));
        Assert.That(new TrainingOptions { SymmetryLayers = SymmetryLayer.Hidden(7) }.Validate(), Does.Contain("1..6"));
        Assert.That(new TrainingOptions { LearningRate = double.NaN }.Validate(), Does.Contain("learning-rate"));
        Assert.That(new TrainingOptions { HiddenDim = 100_000_000 }.Validate(), Does.Contain("hidden-dim 100000000").And.Contain("GB"));
        Assert.That(new TrainingOptions().Validate(), Is.Null);
    }
}
