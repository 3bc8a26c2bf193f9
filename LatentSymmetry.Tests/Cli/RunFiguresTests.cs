using LatentSymmetry.Cli.Output;
using LatentSymmetry.Cli.Plots;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;
using ScottPlot;

namespace LatentSymmetry.Tests.Cli;

/// <summary>What a run's figures are drawn from: the slice's plane, disk and training region, and the loss history of a diverged run.</summary>
public class RunFiguresTests
{
    static TrainingResult Train(TrainingOptions options) => new Trainer(options with
    {
        HiddenLayers = 1, HiddenDim = 4, Epochs = 1, Samples = 300, SymmetryLayers = SymmetryLayers.None, LambdaSymMax = 0,
    }).Run();

    [Test]
    public void A_sector_run_on_the_disk_gives_the_disk_and_the_sector_edges()
    {
        FieldSlice slice = RunFigures.Slice(Train(new TrainingOptions { Group = SymmetryGroup.So2, TrainRegion = TrainRegion.Sector(90), Radius = 2 }));

        Assert.That(slice.Disk, Is.EqualTo((2.0, 0.0)));
        Assert.That(slice.RegionEdges, Is.EqualTo(new[] { 45.0, -45.0 }));
        Assert.That(slice.RegionLabel, Is.EqualTo("training region (sector:90)"));
        Assert.That(slice.Plane, Is.Null);
        int n = slice.Size;
        double cell = 2 * slice.Extent / (n - 1);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double x = -slice.Extent + j * cell, y = -slice.Extent + i * cell, r = Math.Sqrt(x * x + y * y);
                double truth = slice.Truth[i * n + j];
                // Every cell the edge crosses has a value for the smooth edge drawn over it; far outside stays blank.
                if (r <= slice.Extent + cell)
                    Assert.That(double.IsFinite(truth), Is.True, $"({x}, {y})");
                if (r > slice.Extent + 1.5 * cell)
                    Assert.That(truth, Is.NaN, $"({x}, {y})");
            }
        }
    }

    [Test]
    public void A_cone_run_is_sliced_in_the_x_z_plane_where_its_cone_shows()
    {
        FieldSlice slice = RunFigures.Slice(Train(new TrainingOptions { Group = SymmetryGroup.So3, TrainRegion = TrainRegion.Cone(60) }));

        Assert.That(slice.Plane, Is.EqualTo("y = 0"));
        Assert.That(slice.VerticalLabel, Is.EqualTo("z"));
        Assert.That(slice.RegionEdges, Is.EqualTo(new[] { 30.0, 150.0 }));
        Assert.That(slice.Disk, Is.Null);
    }

    [Test]
    public void A_full_run_in_the_box_is_the_z_0_plane_without_region_edges()
    {
        FieldSlice slice = RunFigures.Slice(Train(new TrainingOptions { Group = SymmetryGroup.So3 }));
        Assert.That(slice.Plane, Is.EqualTo("z = 0"));
        Assert.That(slice.RegionEdges, Is.Empty);
        Assert.That(slice.Truth, Has.All.Matches<double>(double.IsFinite));
    }

    [TestCase(TrainRegionKind.Sector, 360.0, 2)]
    [TestCase(TrainRegionKind.Cone, 180.0, 3)]
    public void A_region_that_is_the_whole_domain_has_no_edges(TrainRegionKind kind, double degrees, int dimension)
    {
        TrainRegion region = kind == TrainRegionKind.Sector ? TrainRegion.Sector(degrees) : TrainRegion.Cone(degrees);
        Assert.That(RunFigures.RegionEdges(region, dimension), Is.Empty);
        Assert.That(RunFigures.RegionEdges(TrainRegion.Full, dimension), Is.Empty);
    }

    [Test]
    public void A_diverged_run_history_shows_its_note_in_loss_curves()
    {
        TrainingResult result = new Trainer(new TrainingOptions
        {
            HiddenLayers = 2, HiddenDim = 8, Epochs = 3, Samples = 200, BatchSize = 20, LearningRate = 1e12,
        }).Run();
        LossHistory history = RunFigures.History(result);

        Plot task = new LossCurvesFigure(history).Build().GetPlot(0);
        Assert.That(task.GetPlottables<ScottPlot.Plottables.Annotation>().Single().Text, Does.Contain("epoch 0"));
    }
}
