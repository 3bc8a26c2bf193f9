using System.CommandLine;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Cli.Commands;

/// <summary>
/// The training options shared by <c>train</c>, <c>profile step</c> and <c>benchmark</c>, with defaults from
/// <see cref="TrainingOptions"/>; a command adds the ones it takes and <see cref="Read"/> fills in the rest.
/// </summary>
internal sealed class TrainingCliOptions(TrainingOptions d)
{
    public readonly Option<string> Layer = new("--symmetry-layer")
    {
        Description = "Layer of the penalty: 1..L (hidden layer k after its ReLU), -1 (network output) or none (no penalty).",
        DefaultValueFactory = _ => d.SymmetryLayer.ToString(),
        HelpName = "K|-1|none",
    };
    public readonly Option<double> LambdaMax = new("--lambda-sym-max") { Description = "Maximum penalty weight; lambda rises from 0 as (1 - cos(pi e / (E - 1))) / 2.", DefaultValueFactory = _ => d.LambdaSymMax };
    public readonly Option<int> HiddenLayers = new("--num-hidden-layers") { Description = "Number of hidden layers L.", DefaultValueFactory = _ => d.HiddenLayers };
    public readonly Option<int> HiddenDim = new("--hidden-dim") { Description = "Width H of every hidden layer.", DefaultValueFactory = _ => d.HiddenDim };
    public readonly Option<double> LearningRate = new("--learning-rate") { Description = "AdamW learning rate.", DefaultValueFactory = _ => d.LearningRate };
    public readonly Option<double> WeightDecay = new("--weight-decay") { Description = "AdamW decoupled weight decay.", DefaultValueFactory = _ => d.WeightDecay };
    public readonly Option<int> RunSeed = new("--run-seed") { Description = "Run seed; the data, model and augmentation seeds derive from it (MD5, as the original).", DefaultValueFactory = _ => d.RunSeed };
    public readonly Option<int> Epochs = new("--epochs") { Description = "Number of epochs E.", DefaultValueFactory = _ => d.Epochs };
    public readonly Option<int> BatchSize = new("--batch-size") { Description = "Training batch size (the last, smaller batch is kept).", DefaultValueFactory = _ => d.BatchSize };
    public readonly Option<int> Samples = new("--samples") { Description = "Points in the data set, uniform in the box, split 60/20/20.", DefaultValueFactory = _ => d.Samples };
    public readonly Option<double> Box = new("--box") { Description = "Half-width B of the sampling box [-B, B]^3.", DefaultValueFactory = _ => d.BoxHalfWidth };

    public void AddTo(Command c)
    {
        foreach (var option in new Option[] { Layer, LambdaMax, HiddenLayers, HiddenDim, LearningRate, WeightDecay, RunSeed, Epochs, BatchSize, Samples, Box })
            c.Options.Add(option);
    }

    /// <summary>The options as given, validated; a bad value is a <see cref="UsageException"/> naming the option.</summary>
    public TrainingOptions Read(ParseResult p)
    {
        int layers = Get(p, HiddenLayers, d.HiddenLayers);
        if (layers < 1) throw new UsageException($"--num-hidden-layers must be at least 1, got {layers}");
        var layerText = Get(p, Layer, d.SymmetryLayer.ToString());
        if (!SymmetryLayer.TryParse(layerText, layers, out var layer, out var error))
            throw new UsageException($"--symmetry-layer: {error}");
        var options = new TrainingOptions
        {
            HiddenLayers = layers,
            HiddenDim = Get(p, HiddenDim, d.HiddenDim),
            SymmetryLayer = layer,
            LambdaSymMax = Get(p, LambdaMax, d.LambdaSymMax),
            LearningRate = Get(p, LearningRate, d.LearningRate),
            WeightDecay = Get(p, WeightDecay, d.WeightDecay),
            RunSeed = Get(p, RunSeed, d.RunSeed),
            Epochs = Get(p, Epochs, d.Epochs),
            BatchSize = Get(p, BatchSize, d.BatchSize),
            Samples = Get(p, Samples, d.Samples),
            BoxHalfWidth = Get(p, Box, d.BoxHalfWidth),
        };
        var invalid = options.Validate();
        if (invalid is not null) throw new UsageException("--" + invalid);
        return options;
    }

    // A command may carry only some of these options (profile step has no --epochs); the rest keep their defaults.
    static T Get<T>(ParseResult p, Option<T> option, T fallback)
        => p.CommandResult.Command.Options.Contains(option) ? p.GetValue(option)! : fallback;
}
