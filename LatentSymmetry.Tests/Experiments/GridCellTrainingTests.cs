using LatentSymmetry.Core.Experiments.Grid;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Tests.Experiments;

public class GridCellTrainingTests
{
    static readonly TrainingOptions Small = new()
    {
        HiddenLayers = 2, HiddenDim = 16, Epochs = 4, Samples = 500, BatchSize = 32, RunSeed = 3, LearningRate = 3e-3,
    };

    static TrainingOptions Cell(double lambda, SymmetryLayer layer, int seed = 3) => Small with { LambdaSymMax = lambda, SymmetryLayers = layer, RunSeed = seed };

    // Training the cell alone, measuring everything (what `latsym train` does).
    static TrainingResult Alone(TrainingOptions options) => new Trainer(options).Run();

    static void AssertSameRecord(TrainingResult actual, TrainingResult expected)
    {
        Assert.That(actual.TestTaskLoss, Is.EqualTo(expected.TestTaskLoss));
        Assert.That(actual.TestSymLoss, Is.EqualTo(expected.TestSymLoss));
        Assert.That(actual.OrbitTaskLoss, Is.EqualTo(expected.OrbitTaskLoss));
        Assert.That(actual.History, Has.Count.EqualTo(expected.History.Count));
        Assert.That(actual.Diverged, Is.EqualTo(expected.Diverged));
    }

    [Test]
    public void Lambda_zero_cells_share_one_training_and_keep_their_bits()
    {
        var training = new GridCellTraining();
        var cells = new[]
        {
            Cell(0, SymmetryLayer.Hidden(1)), Cell(0, SymmetryLayer.Hidden(2)), Cell(0, SymmetryLayer.Output),
            Cell(0.5, SymmetryLayer.Hidden(1)), Cell(0, SymmetryLayer.None),
        };
        foreach (var options in cells) AssertSameRecord(training.Run(options), Alone(options));
        // The three lambda 0 cells and the baseline: one training; the penalised cell trains alone.
        Assert.That(training.TwinsTrained, Is.EqualTo(1));
        training.Run(Cell(0, SymmetryLayer.Hidden(1), seed: 4));
        Assert.That(training.TwinsTrained, Is.EqualTo(2), "another seed is another twin");
    }

    [Test]
    public void An_evicted_twin_is_trained_again_with_the_same_bits()
    {
        var training = new GridCellTraining(capacity: 1);
        var first = training.Run(Cell(0, SymmetryLayer.Hidden(1), seed: 1));
        training.Run(Cell(0, SymmetryLayer.Hidden(1), seed: 2));
        var again = training.Run(Cell(0, SymmetryLayer.Hidden(1), seed: 1));
        Assert.That(training.TwinsTrained, Is.EqualTo(3));
        AssertSameRecord(again, first);
    }

    [Test]
    public void Threads_asking_for_the_same_twin_wait_for_one_training()
    {
        var training = new GridCellTraining();
        var layers = new[] { SymmetryLayer.Hidden(1), SymmetryLayer.Hidden(2), SymmetryLayer.Output, SymmetryLayer.None };
        var results = new TrainingResult[layers.Length];
        Parallel.For(0, layers.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = training.Run(Cell(0, layers[i])));
        Assert.That(training.TwinsTrained, Is.EqualTo(1));
        for (int i = 0; i < layers.Length; i++) AssertSameRecord(results[i], Alone(Cell(0, layers[i])));
    }

    [Test]
    public void A_cancelled_twin_is_not_kept()
    {
        var training = new GridCellTraining();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.That(() => training.Run(Cell(0, SymmetryLayer.Hidden(1)), cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
        AssertSameRecord(training.Run(Cell(0, SymmetryLayer.Hidden(1))), Alone(Cell(0, SymmetryLayer.Hidden(1))));
        Assert.That(training.TwinsTrained, Is.EqualTo(2));
    }
}

public class GridCellRecipeTests
{
    [Test]
    public void A_cells_recipe_is_the_template_with_the_cells_values_and_its_variant()
    {
        var template = new LatentSymmetry.Core.Training.TrainingOptions { Epochs = 7, HiddenLayers = 3, HiddenDim = 32, Augment = true };
        var cell = new LatentSymmetry.Core.Experiments.GridCell(1e-3, 0.5, LatentSymmetry.Core.Models.SymmetryLayer.Hidden(2), 4);
        var plain = LatentSymmetry.Core.Experiments.Grid.GridCellTraining.OptionsFor(cell, template);
        Assert.That((plain.RunSeed, plain.LearningRate, plain.LambdaSymMax, plain.SymmetryLayers.ToString(), plain.Epochs, plain.HiddenDim),
            Is.EqualTo((4, 1e-3, 0.5, "2", 7, 32)));
        Assert.That((plain.Augment, plain.Model), Is.EqualTo((false, LatentSymmetry.Core.Models.ModelKind.Mlp)), "the penalty grid trains the plain MLP");
        var augment = LatentSymmetry.Core.Experiments.Grid.GridCellTraining.OptionsFor(cell with { Variant = "augment" }, template);
        Assert.That((augment.Augment, augment.Model), Is.EqualTo((true, LatentSymmetry.Core.Models.ModelKind.Mlp)));
        var invariant = LatentSymmetry.Core.Experiments.Grid.GridCellTraining.OptionsFor(cell with { Variant = "invariant" }, template);
        Assert.That((invariant.Augment, invariant.Model), Is.EqualTo((false, LatentSymmetry.Core.Models.ModelKind.Invariant)));
        var relaxed = LatentSymmetry.Core.Experiments.Grid.GridCellTraining.OptionsFor(cell with { Variant = "relaxed" }, template);
        Assert.That((relaxed.Augment, relaxed.Model), Is.EqualTo((false, LatentSymmetry.Core.Models.ModelKind.Relaxed)));
        Assert.Throws<ArgumentException>(() => LatentSymmetry.Core.Experiments.Grid.GridCellTraining.OptionsFor(cell with { Variant = "dropout" }, template));
    }
}
