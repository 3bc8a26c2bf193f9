using LatentSymmetry.Cli.Plots;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Evaluation;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Invariance;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;
using ScottPlot;

namespace LatentSymmetry.Tests.Plots;

public class ProfileFigureTests
{
    [Test]
    public void Five_measures_sit_in_a_titled_two_by_three_grid_that_prints_on_a_page()
    {
        using TemporaryDirectory directory = new();
        string path = directory.File(ProfileFigure.DefaultFileName);
        ProfileFigure figure = new(SyntheticFigures.RunEvaluation(), SyntheticFigures.OriginalMeasures, "run1: so2, radial");

        Multiplot plots = figure.Build(out int rows, out int columns);
        figure.Save(path);

        Assert.That((rows, columns), Is.EqualTo((2, 3)));
        Assert.That(plots.GetPlots(), Has.Length.EqualTo(1 + 5 + 1), "the title band, five panels, the legend cell");
        ImageFileAssert.IsPng(path, 3 * 460, 56 + 2 * 400);
        // Landscape, no wider than about twice its height: it scales onto a page without shrinking to a strip.
        Assert.That(3 * 460.0 / (56 + 2 * 400), Is.LessThan(2));
        ImageFileAssert.OnlyFiles(directory.Path, ProfileFigure.DefaultFileName);
    }

    [Test]
    public void One_legend_serves_every_panel()
    {
        Plot[] plots = new ProfileFigure(SyntheticFigures.RunEvaluation(), SyntheticFigures.OriginalMeasures, "t").Build(out _, out _).GetPlots();
        Plot[] panels = plots[1..^1];
        Plot legend = plots[^1];

        // A panel's legend is hidden; the cell's lists each entry once.
        Assert.That(panels.Select(p => p.Legend.IsVisible), Has.All.False);
        Assert.That(legend.Legend.IsVisible, Is.True);
        Assert.That(legend.Legend.GetItems().Select(i => i.LabelText),
            Is.EqualTo(new[] { "trained (95% bootstrap interval)", "untrained, same seed", "penalised layer" }));
    }

    [Test]
    public void The_title_names_the_run_and_what_it_trained()
    {
        var options = new TrainingOptions
        {
            Group = SymmetryGroup.So2,
            Field = FieldCatalog.Parse("gaussian-ring"),
            HiddenLayers = 2,
            HiddenDim = 16,
            TrainRegion = TrainRegion.Sector(90),
            SymmetryLayers = SymmetryLayers.Of(SymmetryLayer.Hidden(1)),
            LambdaSymMax = 3e-4,
            RunSeed = 7,
        };
        string title = ProfileFigure.RunTitle(Path.Combine("runs", "disk") + Path.DirectorySeparatorChar, options);
        Assert.That(title, Does.StartWith("disk: so2, gaussian-ring"));
        Assert.That(title, Does.EndWith(", 2 x 16, trained on sector:90, penalty on layer 1 (λ_max 3e-4), seed 7"));

        Plot header = new ProfileFigure(SyntheticFigures.RunEvaluation(), SyntheticFigures.OriginalMeasures, title).Build(out _, out _).GetPlot(0);
        Assert.That(header.GetPlottables<ScottPlot.Plottables.Annotation>().Single().Text, Is.EqualTo(title));
        Assert.That(ProfileFigure.RunTitle("plain", new TrainingOptions { SymmetryLayers = SymmetryLayers.None, LambdaSymMax = 0 }), Does.Contain(", no penalty,"));
        Assert.That(ProfileFigure.RunTitle("out", new TrainingOptions { SymmetryLayers = SymmetryLayers.Output }), Does.Contain(", penalty on the output (λ_max 1),"));
        Assert.That(ProfileFigure.RunTitle("two", new TrainingOptions { SymmetryLayers = SymmetryLayers.Of(SymmetryLayer.Hidden(2), SymmetryLayer.Output) }),
            Does.Contain(", penalty on layers 2, the output (λ_max 1),"));
    }

    [Test]
    public void One_measure_takes_one_row_beside_its_legend()
    {
        new ProfileFigure(SyntheticFigures.RunEvaluation(), LayerMeasureSet.Of(LayerMeasures.SL), "t").Build(out int rows, out int columns);
        Assert.That((rows, columns), Is.EqualTo((1, 2)));
    }
}
