using System.Text.Json;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Tests.Training;

public class LearnedBreakingTests
{
    static FieldDataset<float> Data(IScalarField field, int count = 4000) =>
        new(dataSeed: 3, count, SamplingDomain.Box(3, 2), field, TrainRegion.Full);

    [Test]
    public void The_fields_breaking_follows_the_law_of_a_haar_turned_coordinate()
    {
        // Under Haar R, z' = (R x)_z is uniform on [-|x|, |x|] (Archimedes), so for eps z^2 the mean of (f(Rx) - f(x))^2 at x is
        // eps^2 (E z'^4 - 2 z^2 E z'^2 + z^4) = eps^2 (|x|^4 / 5 - 2 z^2 |x|^2 / 3 + z^4): an independent expectation to compare with.
        const double eps = 0.3;
        var data = Data(new BrokenRadialField(eps));
        var model = ModelKind.Invariant.Create<float>(SymmetryGroup.So3, 8, 1, 1);
        model.Initialize(new RandomStream(1));
        var b = LearnedBreaking.Measure(model, data.Test, data.Field, SymmetryGroup.So3, augmentationSeed: 5)!;
        var p = data.Test.Points;
        double expected = 0;
        for (int i = 0; i < data.Test.Count; i++)
        {
            double x = p[3 * i], y = p[3 * i + 1], z = p[3 * i + 2], r2 = x * x + y * y + z * z;
            expected += eps * eps * (r2 * r2 / 5 - 2 * z * z * r2 / 3 + z * z * z * z);
        }
        expected = Math.Sqrt(expected / data.Test.Count);
        Assert.That(b.FieldBreakingRms, Is.EqualTo(expected).Within(5).Percent);
        Assert.That(b.BreakingRms, Is.LessThan(1e-5), "an invariant model breaks nothing, up to rounding");
        Assert.That(b.BranchShare, Is.Null);
        Assert.That(b.BranchCoefficients, Is.Null);
    }

    [Test]
    public void A_relaxed_model_whose_branch_is_the_fields_breaking_breaks_it_as_much_and_holds_the_variance_it_adds()
    {
        const double eps = 0.1;
        var data = Data(new BrokenRadialField(eps));
        var model = RelaxedModelKind.Default.Create<float>(SymmetryGroup.So3, 8, 1, 1);
        model.Initialize(new RandomStream(2));
        var branch = (QuadraticBranch<float>)model.Find("branch")!;
        branch.Weight.Span[5] = (float)eps; // z^2
        var b = LearnedBreaking.Measure(model, data.Test, data.Field, SymmetryGroup.So3, augmentationSeed: 5)!;
        Assert.That(b.BreakingRms, Is.EqualTo(b.FieldBreakingRms!.Value).Within(1e-4).Percent);
        Assert.That(b.BranchCoefficients!["z^2"], Is.EqualTo((double)(float)eps));
        Assert.That(b.BranchSquareContrast, Is.EqualTo((double)(float)eps));
        // Zero the invariant part's last layer: the output is the branch alone, all of the variance.
        foreach (var (name, t) in model.NamedParameters())
            if (name.StartsWith("invariant.layers.2.", StringComparison.Ordinal)) t.Span.Clear();
        var alone = LearnedBreaking.Measure(model, data.Test, data.Field, SymmetryGroup.So3, augmentationSeed: 5)!;
        Assert.That(alone.BranchShare, Is.EqualTo(1).Within(1e-9));
    }

    [Test]
    public void Metrics_json_adds_the_breaking_after_the_keys_it_had()
    {
        var options = new TrainingOptions { Epochs = 1, Samples = 300, HiddenLayers = 1, HiddenDim = 8, Field = new BrokenRadialField(0.2) };
        var result = new Trainer(options).Run();
        using var doc = JsonDocument.Parse(RunArtifacts.MetricsJson(result, null));
        var names = doc.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(names.IndexOf("breaking_rms"), Is.EqualTo(names.IndexOf("orbit_ratio") + 1));
        Assert.That(names.IndexOf("field_breaking_rms"), Is.EqualTo(names.IndexOf("orbit_ratio") + 2));
        Assert.That(names, Does.Not.Contain("branch_share"));
        Assert.That(doc.RootElement.GetProperty("breaking_rms").GetDouble(), Is.GreaterThan(0));
        var again = LearnedBreaking.Measure(result.Model, result.Data.Test, result.Data.Field, options.Group, options.Seeds.Augmentation)!;
        Assert.That(doc.RootElement.GetProperty("field_breaking_rms").GetDouble(), Is.EqualTo(again.FieldBreakingRms));
    }
}
