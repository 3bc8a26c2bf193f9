using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Training;

public class LabTrainingTests
{
    static readonly TrainingOptions Small = new()
    {
        HiddenLayers = 2, HiddenDim = 16, Epochs = 3, Samples = 600, BatchSize = 64, RunSeed = 4, SymmetryLayers = SymmetryLayer.None,
    };

    static ulong Fingerprint(TrainingResult r)
    {
        ulong h = 1469598103934665603UL;
        foreach (var t in r.Model.Parameters())
            foreach (var v in t.ToArray()) h = (h ^ BitConverter.SingleToUInt32Bits(v)) * 1099511628211UL;
        return h;
    }

    [Test]
    public void The_invariant_model_has_orbit_ratio_one_to_five_digits_in_every_group()
    {
        foreach (var group in SymmetryGroup.All)
        {
            var r = new Trainer(Small with { Group = group, Model = ModelKind.Invariant, Field = FieldCatalog.Default(group.Dimension) }).Run();
            Assert.That(r.OrbitRatio, Is.EqualTo(1).Within(1e-5), group.Name);
        }
    }

    [Test]
    public void A_plain_mlp_trained_on_a_cone_does_worse_across_the_group_than_inside()
    {
        var r = new Trainer(Small with { Epochs = 20, Samples = 4000, TrainRegion = TrainRegion.Cone(60), HiddenDim = 32 }).Run();
        Assert.That(r.Data.Train.Count, Is.LessThan(r.Data.Count / 5));
        Assert.That(r.OrbitRatio, Is.GreaterThan(1.5));
    }

    [Test]
    public void Augmentation_changes_the_training_reproducibly_and_leaves_the_data_alone()
    {
        var plain = new Trainer(Small).Run();
        var a = new Trainer(Small with { Augment = true }).Run();
        var b = new Trainer(Small with { Augment = true }).Run();
        Assert.That(Fingerprint(a), Is.EqualTo(Fingerprint(b)));
        Assert.That(Fingerprint(a), Is.Not.EqualTo(Fingerprint(plain)));
        Assert.That(a.Data.Train.Points.ToArray(), Is.EqualTo(plain.Data.Train.Points.ToArray()));
        Assert.That(Small.DataAugmentationSeed, Is.EqualTo(DerivedSeeds.Derive(4, "data_augmentation")));
        Assert.That(new[] { Small.Seeds.Data, Small.Seeds.Model, Small.Seeds.Augmentation }, Does.Not.Contain(Small.DataAugmentationSeed));
    }

    [Test]
    public void The_trainer_trains_components_it_did_not_build_to_the_same_bits()
    {
        var options = Small with { SymmetryLayers = SymmetryLayer.Hidden(1) };
        var reference = new Trainer(options);
        var data = reference.CreateDataset();
        var model = reference.CreateModel();
        var built = reference.Run();
        var given = new Trainer(options, data, model).Run();
        Assert.That(given.Model, Is.SameAs(model));
        Assert.That(Fingerprint(given), Is.EqualTo(Fingerprint(built)));
        Assert.That(given.TestTaskLoss, Is.EqualTo(built.TestTaskLoss));
        Assert.Throws<ArgumentException>(() => new Trainer(options with { Group = SymmetryGroup.So2 }, data, model));
    }

    [Test]
    public void A_disk_run_trains_on_two_coordinates_with_the_default_ring()
    {
        var r = new Trainer(Small with { Group = SymmetryGroup.So2, SymmetryLayers = SymmetryLayer.Output }).Run();
        Assert.That(r.Data.Dimension, Is.EqualTo(2));
        Assert.That(r.Data.Field!.Name, Is.EqualTo("gaussian-ring"));
        Assert.That(r.Model.InputDimension, Is.EqualTo(2));
        Assert.That(double.IsFinite(r.TestTaskLoss) && double.IsFinite(r.TestSymLoss!.Value) && double.IsFinite(r.OrbitTaskLoss), Is.True);
    }

    [Test]
    public void A_field_of_the_wrong_dimension_and_an_empty_region_are_refused()
    {
        Assert.That((Small with { Group = SymmetryGroup.So2, Field = FieldCatalog.Parse("radial") }).Validate(), Does.Contain("radial").And.Contain("so2"));
        Assert.That((Small with { Group = SymmetryGroup.So2, TrainRegion = TrainRegion.Cone(30) }).Validate(), Does.Contain("cone"));
        Assert.That(() => new Trainer(Small with { TrainRegion = TrainRegion.Cone(0) }).Run(), Throws.ArgumentException.With.Message.Contains("keeps none"));
    }
}

public class LibraryExampleTests
{
    [Test]
    public void The_readme_library_example_runs_and_its_saved_model_loads_back()
    {
        // The README's example at a smaller size.
        var options = new TrainingOptions { Group = SymmetryGroup.So2, Field = FieldCatalog.Parse("fourier:k=2"),
            HiddenLayers = 2, HiddenDim = 16, Epochs = 2, SymmetryLayers = SymmetryLayer.Output };
        var data = new FieldDataset<float>(options.Seeds.Data, 500, SamplingDomain.Disk(1), options.TargetField, TrainRegion.Sector(90));
        var model = new Mlp<float>(2, 16, 2, 1);
        model.Initialize(new RandomStream(options.Seeds.Model));
        var result = new Trainer(options, data, model).Run();
        Assert.That(double.IsFinite(result.TestTaskLoss) && double.IsFinite(result.OrbitRatio), Is.True);
        var path = Path.Combine(Path.GetTempPath(), $"latsym-example-{Guid.NewGuid():N}.safetensors");
        try
        {
            model.Save(path);
            var copy = new Mlp<float>(2, 16, 2, 1);
            copy.Load(path);
            Assert.That(copy.Parameters().SelectMany(t => t.ToArray()), Is.EqualTo(model.Parameters().SelectMany(t => t.ToArray())));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
