using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Evaluation;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Tests.Evaluation;

public class SavedRunTests
{
    [Test]
    public void Config_json_reads_back_to_the_same_settings()
    {
        var options = new TrainingOptions
        {
            HiddenLayers = 3, HiddenDim = 16, SymmetryLayers = SymmetryLayer.Hidden(2), LambdaSymMax = 0.3, LearningRate = 1e-3, WeightDecay = 0.01,
            RunSeed = 7, Epochs = 11, BatchSize = 64, Samples = 500, Group = SymmetryGroup.So2, Field = FieldCatalog.Parse("fourier:k=3"),
            Model = ModelKind.Invariant, Augment = true, TrainRegion = TrainRegion.Sector(90), Radius = 2, InnerRadius = 0.5,
        };
        var path = Path.Combine(Path.GetTempPath(), $"latsym-config-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, RunArtifacts.ConfigJson(options));
            var (back, version) = SavedRun.ReadConfig(path);
            Assert.That(RunArtifacts.ConfigJson(back), Is.EqualTo(RunArtifacts.ConfigJson(options)));
            Assert.That(version, Is.EqualTo(RunArtifacts.ToolVersion));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void The_untrained_model_is_the_run_s_initial_model()
    {
        var options = new TrainingOptions { HiddenLayers = 2, HiddenDim = 8, RunSeed = 3 };
        var expected = new Trainer(options).CreateModel().StateDict();
        var actual = SavedRun.CreateModel<float>(options).StateDict();
        Assert.That(actual.Select(e => e.Values), Is.EqualTo(expected.Select(e => e.Values)));
    }

    [TestCase("so3", 3f, 3f, 3f, false)] // |x| = 5.196 > 5
    [TestCase("so3", 2.8f, 2.8f, 2.8f, true)] // |x| = 4.85
    [TestCase("so2z", 3.5f, 3.5f, 4.9f, true)] // r = 4.95: turning about z keeps it inside
    [TestCase("so2z", 3.6f, 3.6f, 0f, false)] // r = 5.09
    public void Orbit_stays_in_the_box_when_the_turned_coordinates_stay_within_B(string group, float x, float y, float z, bool inside)
    {
        SymmetryGroup.TryParse(group, out var g);
        var options = new TrainingOptions { Group = g! };
        Assert.That(RunEvaluator.OrbitStaysInDomain([x, y, z], options), Is.EqualTo(inside));
    }

    [Test]
    public void Every_disk_point_s_orbit_stays_on_the_disk() =>
        Assert.That(RunEvaluator.OrbitStaysInDomain([0.99f, 0.1f], new TrainingOptions { Group = SymmetryGroup.So2 }), Is.True);

    [TestCase("SL,Q_h", "SL,Q_h")]
    [TestCase("qh, mi", "Q_h,MI")]
    [TestCase("MI,SL,mi", "SL,MI")]
    [TestCase("lie_rel,Q", "Q,LD_rel")]
    [TestCase("all", "SL,Q_h,Q,RSL,MI,LD,LD_rel")]
    public void Metric_lists_parse_into_the_catalogue_s_order(string text, string expected)
    {
        Assert.That(LayerMeasures.TryParse(text, out var m, out var error), Is.True, error);
        Assert.That(m.ToString(), Is.EqualTo(expected));
    }

    [TestCase("")]
    [TestCase("SL,bogus")]
    public void Bad_metric_lists_name_the_valid_ones(string text)
    {
        Assert.That(LayerMeasures.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Does.Contain("Q_h").And.Contain("LD_rel"));
    }
}
