using LatentSymmetry.Core.Data; using LatentSymmetry.Core.Fields; using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Seeding; using LatentSymmetry.Core.Symmetry; using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Tests.Docs;

/// <summary>
/// The README's library example, line for line (<see cref="DocExampleTextTests"/> holds the README's block to the
/// lines between the markers), run here so that the README shows code that compiles and works.
/// </summary>
public class ReadmeExample
{
    [Test]
    public void The_readme_example_trains_and_saves_a_model()
    {
        string previous = Environment.CurrentDirectory;
        string dir = Directory.CreateTempSubdirectory("latsym-readme-").FullName;
        var console = new StringWriter();
        var previousOut = Console.Out;
        Environment.CurrentDirectory = dir; // the example saves model.safetensors to the current directory
        Console.SetOut(console);
        try
        {
            // begin example: readme
            var options = new TrainingOptions { Group = SymmetryGroup.So2, Field = FieldCatalog.Parse("fourier:k=2"),
                HiddenLayers = 4, HiddenDim = 64, Epochs = 50, SymmetryLayers = SymmetryLayer.Output };
            var data = new FieldDataset<float>(options.Seeds.Data, 5000, SamplingDomain.Disk(1), options.TargetField, TrainRegion.Sector(90));
            var model = new Mlp<float>(2, 64, 4, 1);                 // or new InvariantMlp<float>(SymmetryGroup.So2, 64, 4, 1)
            model.Initialize(new RandomStream(options.Seeds.Model));
            var result = new Trainer(options, data, model).Run();    // trains `model` in place
            Console.WriteLine($"test MSE {result.TestTaskLoss:G3}, orbit ratio {result.OrbitRatio:G3}");
            model.Save("model.safetensors");                         // PyTorch: load_state_dict(safetensors.torch.load_file(...))
            // end example

            Assert.That(console.ToString(), Does.StartWith("test MSE ").And.Contain("orbit ratio"));
            Assert.That(double.IsFinite(result.TestTaskLoss) && double.IsFinite(result.OrbitRatio), Is.True);
            var loaded = new Mlp<float>(2, 64, 4, 1);
            loaded.Load(Path.Combine(dir, "model.safetensors"));
            Assert.That(loaded.Parameters().Zip(model.Parameters()).All(p => p.First.Span.SequenceEqual(p.Second.Span)), Is.True,
                "the saved weights load back bit for bit");
        }
        finally
        {
            Console.SetOut(previousOut);
            Environment.CurrentDirectory = previous;
            Directory.Delete(dir, recursive: true);
        }
    }
}
