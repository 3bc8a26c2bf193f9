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
