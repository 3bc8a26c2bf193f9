using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Tasks;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Tests.Models;

public class ModelKindCatalogTests
{
    /// <summary>A kind registered by a test: the MLP plus a linear branch on the coordinates, summed.</summary>
    sealed class MlpPlusLinear() : ModelKind("test-mlp-plus-linear", "an MLP plus a linear branch (a test's registration)")
    {
        public override Module<T> Create<T>(SymmetryGroup group, int hiddenDim, int hiddenLayers, int outputWidth) =>
            new Sum<T>(("mlp", new Mlp<T>(group.Dimension, hiddenDim, hiddenLayers, outputWidth)), ("linear", new Linear<T>(group.Dimension, outputWidth)));
    }

    static readonly ModelKind Registered = ModelKind.Register(new MlpPlusLinear());

    [Test]
    public void The_built_in_kinds_are_listed_and_parsed_by_name()
    {
        Assert.That(ModelKind.All.Take(2), Is.EqualTo(new[] { ModelKind.Mlp, ModelKind.Invariant }));
        Assert.That(ModelKind.TryParse(" Invariant ", out var kind) && kind == ModelKind.Invariant, Is.True);
        Assert.That(ModelKind.TryParse("no-such-kind", out _), Is.False);
        Assert.That(ModelKind.ValidNames, Does.StartWith("mlp, invariant"));
    }

    [Test]
    public void Each_kind_describes_its_own_architecture()
    {
        Assert.That(ModelKind.Mlp.Architecture(SupervisedTask.ScalarInvariant(SymmetryGroup.So3), 128, 6, 1), Is.EqualTo("[3, 128 x 6, 1], ReLU"));
        Assert.That(ModelKind.Invariant.Architecture(SupervisedTask.ScalarInvariant(SymmetryGroup.So2z), 32, 2, 1), Is.EqualTo("invariant: [2 (x^2 + y^2, z), 32 x 2, 1], ReLU"));
        Assert.That(RelaxedModelKind.With(RelaxBranch.Quadratic, RelaxPenalty.L2, 0.001).Architecture(SupervisedTask.ScalarInvariant(SymmetryGroup.So3), 64, 4, 1),
            Is.EqualTo("relaxed: invariant [1 (x^2 + y^2 + z^2), 64 x 4, 1] + quadratic branch, l2 penalty x 0.001"));
        // The MLP on a state of two vectors takes its six coordinates.
        Assert.That(ModelKind.Mlp.Architecture(SupervisedTask.VectorsEquivariant(SymmetryGroup.So3, 2), 128, 4, 6), Is.EqualTo("[6, 128 x 4, 6], ReLU"));
        // A kind that says nothing of itself is described by its name and description.
        Assert.That(Registered.Architecture(SupervisedTask.ScalarInvariant(SymmetryGroup.So3), 16, 2, 3), Is.EqualTo("test-mlp-plus-linear: an MLP plus a linear branch (a test's registration); 16 x 2, 3 outputs"));
    }

    [Test]
    public void A_registered_kind_trains_and_its_name_round_trips_through_config_json()
    {
        var registered = Registered; // registers it (a static initializer runs on first use)
        Assert.That(ModelKind.TryParse("test-mlp-plus-linear", out var kind) && kind == registered, Is.True);
        var options = new TrainingOptions { Model = Registered, Epochs = 1, Samples = 500, HiddenLayers = 1, HiddenDim = 8 };
        var result = new Trainer(options).Run();
        Assert.That(result.Model, Is.TypeOf<Sum<float>>());
        Assert.That(double.IsFinite(result.TestTaskLoss), Is.True);
        string dir = Directory.CreateTempSubdirectory("latsym-kind-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "config.json"), RunArtifacts.ConfigJson(options));
            Assert.That(LatentSymmetry.Core.Evaluation.SavedRun.ReadConfig(Path.Combine(dir, "config.json")).Options.Model, Is.SameAs(Registered));
        }
        finally { Directory.Delete(dir, recursive: true); }
        Assert.Throws<ArgumentException>(() => ModelKind.Register(new MlpPlusLinear()), "a name is registered once");
    }
}
