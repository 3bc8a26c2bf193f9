using LatentSymmetry.Cli.Output;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;
using LatentSymmetry.Core.Orbits;

namespace LatentSymmetry.Tests.Cli;

/// <summary>The default run directory name names every setting that differs from its default, the lab's included.</summary>
public class RunNameTests
{
    static readonly DateTime Now = new(2026, 11, 24, 1, 2, 3);

    static string Settings(TrainingOptions options) => RunName.For(options, Now)["20261124-010203_".Length..];

    static string NestedMix(int depth, string leaf)
    {
        var spec = leaf;
        for (int i = 0; i < depth; i++) spec = $"mix:alpha=0.5,a=({spec}),b=y";
        return spec;
    }

    [Test]
    public void A_run_on_a_sample_file_is_named_by_the_file_not_by_its_rows_and_extent()
    {
        var data = new SampleSource("/data/my samples.csv", new string('0', 64), 2000, "f", 3);
        var options = new TrainingOptions { DataSource = data, Samples = 2000, BoxHalfWidth = 4.997782941452693, Epochs = 3 };
        Assert.That(Settings(options), Is.EqualTo("ep3_data-my-samples.csv"));
        var disk = new TrainingOptions { Group = SymmetryGroup.So2, DataSource = data with { Dimension = 2 }, Samples = 2000, Radius = 1.41 };
        Assert.That(Settings(disk), Is.EqualTo("so2_data-my-samples.csv"));
    }

    [Test]
    public void A_long_field_spec_is_shortened_with_a_hash_so_the_name_fits_the_file_system()
    {
        // Issue 19, row 5: 12 nested mixes (265 characters) made a name the file system refuses (255 bytes at most).
        var a = new TrainingOptions { Group = SymmetryGroup.So2, Field = FieldCatalog.Parse(NestedMix(12, "x")) };
        var b = a with { Field = FieldCatalog.Parse(NestedMix(12, "radius")) };
        string nameA = RunName.For(a, Now), nameB = RunName.For(b, Now);
        Assert.That($".{nameA}.partial-4194304".Length, Is.LessThanOrEqualTo(255), nameA);
        Assert.That(nameA, Does.StartWith("20261124-010203_so2_mix-alpha0.5-a-mix-alpha0.5"));
        Assert.That(nameB, Is.Not.EqualTo(nameA), "specs that differ only after the cut still get different names");
        Assert.That(RunName.For(a, Now), Is.EqualTo(nameA), "the same spec, the same name");
    }

    [Test]
    public void The_defaults_are_named_default()
    {
        Assert.That(RunName.For(new TrainingOptions(), Now), Is.EqualTo("20261124-010203_default"));
    }

    static IEnumerable<TestCaseData> LabSettings()
    {
        var disk = new TrainingOptions { Group = SymmetryGroup.So2 };
        yield return new TestCaseData(disk, "so2").SetName("group so2 (the disk: no box, default field and radii left out)");
        yield return new TestCaseData(new TrainingOptions { Group = SymmetryGroup.So2z }, "so2z").SetName("group so2z");
        yield return new TestCaseData(disk with { Field = FieldCatalog.Parse("fourier:k=2") }, "so2_fourier-k2-offset0").SetName("field");
        yield return new TestCaseData(new TrainingOptions { Field = FieldCatalog.Parse("broken:eps=0.1") }, "broken-eps0.1").SetName("field in 3-D");
        yield return new TestCaseData(new TrainingOptions { Model = ModelKind.Invariant }, "invariant").SetName("model");
        yield return new TestCaseData(new TrainingOptions { Augment = true }, "aug").SetName("augment");
        yield return new TestCaseData(new TrainingOptions { TrainRegion = TrainRegion.Cone(60) }, "cone60").SetName("train region");
        yield return new TestCaseData(disk with { Radius = 2 }, "so2_R2").SetName("radius");
        yield return new TestCaseData(disk with { InnerRadius = 0.5 }, "so2_r00.5").SetName("inner radius");
        yield return new TestCaseData(new TrainingOptions { Radius = 2 }, "default").SetName("radius in 3-D does not apply");
        yield return new TestCaseData(new TrainingOptions { Penalty = PenaltyKind.Normalized }, "pen-normalized").SetName("penalty");
        yield return new TestCaseData(new TrainingOptions { Penalty = PenaltyKind.PcaNormalized, PenaltyGradDenominator = true }, "pen-pca-normalized-graddenom").SetName("penalty with gradient through the denominator");
        yield return new TestCaseData(new TrainingOptions { Penalty = PenaltyKind.Normalized, SymmetryLayers = SymmetryLayer.None }, "symnone").SetName("penalty without a layer does not apply");
        yield return new TestCaseData(new TrainingOptions { SymmetryLayers = SymmetryLayers.Of(SymmetryLayer.Output, SymmetryLayer.Hidden(4), SymmetryLayer.Hidden(2)) }, "sym2+4+-1").SetName("several symmetry layers, in forward order");
    }

    [TestCaseSource(nameof(LabSettings))]
    public void A_lab_setting_away_from_its_default_is_in_the_name(TrainingOptions options, string expected)
    {
        Assert.That(Settings(options), Is.EqualTo(expected));
    }

    [Test]
    public void Runs_that_differ_in_any_lab_setting_never_share_a_name()
    {
        var disk = new TrainingOptions { Group = SymmetryGroup.So2 };
        TrainingOptions[] runs =
        [
            new(), disk, new() { Group = SymmetryGroup.So2z },
            disk with { Field = FieldCatalog.Parse("fourier:k=2") }, disk with { Field = FieldCatalog.Parse("fourier:k=3") },
            new() { Model = ModelKind.Invariant }, new() { Augment = true },
            new() { TrainRegion = TrainRegion.Cone(60) }, new() { TrainRegion = TrainRegion.Sector(60) }, new() { TrainRegion = TrainRegion.Cone(90) },
            disk with { Radius = 2 }, disk with { InnerRadius = 0.5 }, disk with { Radius = 2, InnerRadius = 0.5 },
            new() { Model = ModelKind.Invariant, Augment = true },
        ];
        var names = runs.Select(r => RunName.For(r, Now)).ToList();
        Assert.That(names, Is.Unique);
        Assert.That(names.All(n => n.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.')), Is.True, string.Join(", ", names));
    }
}
