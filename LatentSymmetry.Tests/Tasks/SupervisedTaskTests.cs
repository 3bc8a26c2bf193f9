using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Tasks;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Tests.Tasks;

public class SupervisedTaskTests
{
    // The toy vector field F(x) = x: equivariant under every rotation.
    static FieldSplit<float> Identity(ulong seed, int n)
    {
        var points = new TestData(seed).Array<float>(3 * n, -2, 2);
        return new FieldSplit<float>(points, points, dimension: 3, targetWidth: 3);
    }

    [Test]
    public void Augmentation_turns_vector_targets_with_their_points()
    {
        var task = SupervisedTask.VectorEquivariant(SymmetryGroup.So3);
        var points = new TestData(1).Array<float>(3 * 50, -2, 2);
        var targets = (float[])points.Clone();
        var rotations = new float[9 * 50];
        SymmetryGroup.So3.CreateSampler(4).Sample<float>(rotations);
        task.Augment<float>(rotations, points, targets);
        // F(x) = x, so the turned batch's targets are exactly its turned points (the same arithmetic turns both).
        Assert.That(targets, Is.EqualTo(points));
        Assert.That(points, Is.Not.EqualTo(new TestData(1).Array<float>(3 * 50, -2, 2)), "the points did turn");
    }

    [Test]
    public void Augmentation_keeps_scalar_invariant_targets()
    {
        var task = SupervisedTask.ScalarInvariant(SymmetryGroup.So2);
        var points = new TestData(2).Array<float>(2 * 10);
        var targets = new TestData(3).Array<float>(10);
        var before = (float[])targets.Clone();
        var rotations = new float[4 * 10];
        SymmetryGroup.So2.CreateSampler(4).Sample<float>(rotations);
        task.Augment<float>(rotations, points, targets);
        Assert.That(targets, Is.EqualTo(before));
        Assert.That(task.OutputWidth, Is.EqualTo(1));
        Assert.Throws<ArgumentException>(() => task.Augment<float>(rotations, points, new float[3]));
    }

    [Test]
    public void A_toy_vector_task_trains_with_augmentation_and_the_model_width_comes_from_the_task()
    {
        var data = new FieldDataset<float>(Identity(1, 600), Identity(2, 200), Identity(3, 200), SamplingDomain.Box(3, 2));
        var options = new TrainingOptions { Epochs = 3, HiddenLayers = 2, HiddenDim = 32, Augment = true, SymmetryLayers = SymmetryLayers.None, LearningRate = 3e-3 };
        var task = SupervisedTask.VectorEquivariant(SymmetryGroup.So3);
        var trainer = new Trainer(options) { Task = task };
        var model = trainer.CreateModel();
        Assert.That(model.OutputDimension, Is.EqualTo(3));
        var result = new Trainer(options, data, model) { Task = task }.Run();
        Assert.That(result.Diverged, Is.False);
        Assert.That(result.History[^1].TrainTaskLoss, Is.LessThan(result.History[0].TrainTaskLoss));
        Assert.That(double.IsNaN(result.OrbitTaskLoss), Is.True, "no scalar field behind the data");
        // The scalar default refuses vector data, naming both widths.
        var e = Assert.Throws<ArgumentException>(() => new Trainer(options, data, new Mlp<float>(3, 8, 1, 1)).Run())!;
        Assert.That(e.Message, Does.Contain("width 1").And.Contain("the data have 3"));
    }
}
