using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Tests.Training;

public class DivergenceTests
{
    [Test]
    public void A_run_whose_loss_becomes_non_finite_stops_and_is_marked_diverged()
    {
        // AdamW moves each weight by about lr per step whatever the gradient, so lr = 1e12 overflows float32 at once.
        var result = new Trainer(new TrainingOptions
        {
            HiddenLayers = 2, HiddenDim = 8, Epochs = 5, Samples = 200, BatchSize = 20, LearningRate = 1e12,
        }).Run();
        Assert.That(result.Diverged, Is.True);
        Assert.That(result.TestTaskLoss, Is.NaN);
        Assert.That(result.TestSymLoss, Is.NaN);
        Assert.That(result.History.Count, Is.LessThan(5), "training stops at the first non-finite loss");
    }
}
