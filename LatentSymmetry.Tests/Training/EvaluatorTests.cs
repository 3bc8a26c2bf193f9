using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Training;

public class EvaluatorTests
{
    [TestCase("raw")]
    [TestCase("pca-normalized")]
    public void Without_the_penalty_the_task_loss_keeps_its_bits(string penaltyName)
    {
        var penalty = PenaltyKindText.Parse(penaltyName);
        // 3000 test points: more than one 1024-row chunk, and a whole-batch penalty (PCA) evaluates the
        // split in one piece, so the task loss must keep that kind's chunking when the penalty is skipped.
        var data = new FieldDataset<float>(11, 15_000);
        var model = new Mlp<float>(3, 16, 2, 1);
        model.Initialize(new RandomStream(5));
        var kind = OrbitPenalties.Of<float>(penalty);
        var evaluator = new Evaluator<float>();
        var (task, sym) = evaluator.Evaluate(model, data.Test, SymmetryLayer.Hidden(1), SymmetryGroup.So3, 9, kind);
        var (leanTask, leanSym) = evaluator.Evaluate(model, data.Test, SymmetryLayer.Hidden(1), SymmetryGroup.So3, 9, kind, measureSym: false);
        Assert.That(data.Test.Count, Is.GreaterThan(2048));
        Assert.That(sym, Is.Not.Null.And.GreaterThan(0));
        Assert.That(leanSym, Is.Null);
        Assert.That(leanTask, Is.EqualTo(task));
    }
}

public class TaskLossIndependenceTests
{
    [TestCase("normalized")]
    [TestCase("pca-normalized")]
    public void The_test_task_loss_does_not_depend_on_the_penalty_kind(string kindName)
    {
        // Issue 19 #24: a kind that sees the split whole used to sum the task loss over one chunk instead of 1,024-row
        // ones, so evaluate (which recomputes it without a penalty) disagreed in the last bits. 2,000 test rows: two chunks.
        var options = new LatentSymmetry.Core.Training.TrainingOptions
        {
            Epochs = 2, Samples = 10_000, HiddenLayers = 2, HiddenDim = 16, RunSeed = 13, LambdaSymMax = 1,
            SymmetryLayers = LatentSymmetry.Core.Models.SymmetryLayers.Of(LatentSymmetry.Core.Models.SymmetryLayer.Hidden(1), LatentSymmetry.Core.Models.SymmetryLayer.Output),
            Penalty = LatentSymmetry.Core.Orbits.PenaltyKindText.Parse(kindName),
        };
        var result = new LatentSymmetry.Core.Training.Trainer(options).Run();
        Assert.That(result.Data.Test.Count, Is.GreaterThan(1024));
        double recomputed = new LatentSymmetry.Core.Training.Evaluator<float>().Evaluate(result.Model, result.Data.Test,
            LatentSymmetry.Core.Models.SymmetryLayers.None, options.Group, 0).Task;
        Assert.That(result.TestTaskLoss, Is.EqualTo(recomputed), "bit for bit");
        var evaluation = LatentSymmetry.Core.Evaluation.RunEvaluator.Evaluate(options, result.Model, result.Data,
            LatentSymmetry.Core.Evaluation.EvaluationOptions.Default with { Reference = false, BootstrapReplicates = 0 });
        Assert.That(evaluation.TestTaskLoss, Is.EqualTo(result.TestTaskLoss));
    }
}
