using System.Numerics;
using System.Text.Json;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;
using LatentSymmetry.Core.Orbits;

namespace LatentSymmetry.Core.Evaluation;

/// <summary>
/// A run directory read back: its settings from <c>config.json</c>, its test losses from <c>metrics.json</c>
/// (when present) and the path of its weights. The data set and the untrained model are re-created from the
/// seeds, as the run created them, so nothing but the weights needs to be stored.
/// </summary>
public sealed class SavedRun
{
    /// <summary>The weights' file name inside a run directory.</summary>
    public const string WeightsFileName = "model.safetensors";

    SavedRun(string directory, TrainingOptions options, string toolVersion, double? reportedTestTaskLoss, double? reportedOrbitTaskLoss)
    {
        Directory = directory;
        Options = options;
        ToolVersion = toolVersion;
        ReportedTestTaskLoss = reportedTestTaskLoss;
        ReportedOrbitTaskLoss = reportedOrbitTaskLoss;
    }

    /// <summary>The run directory.</summary>
    public string Directory { get; }

    /// <summary>The run's settings, as config.json records them.</summary>
    public TrainingOptions Options { get; }

    /// <summary>The version of latsym that wrote the run.</summary>
    public string ToolVersion { get; }

    /// <summary>metrics.json's test_task_loss (null when absent, diverged or no metrics.json).</summary>
    public double? ReportedTestTaskLoss { get; }

    /// <summary>config.json's <c>data_given</c>: the run trained on data a program gave, which cannot be rebuilt from its seeds.</summary>
    public bool DataGiven { get; private init; }

    /// <summary>metrics.json's orbit_task_loss (null when absent).</summary>
    public double? ReportedOrbitTaskLoss { get; }

    /// <summary>
    /// Reads <paramref name="directory"/>: config.json must exist, parse, and come from this version of latsym
    /// or an older one; model.safetensors must exist (it is read by <see cref="LoadModel{T}"/>). Every problem is
    /// a <see cref="RunDirectoryException"/> with a one-line message.
    /// </summary>
    public static SavedRun Open(string directory)
    {
        if (!System.IO.Directory.Exists(directory)) throw new RunDirectoryException($"{directory}: no such run directory");
        string configPath = Path.Combine(directory, "config.json");
        if (!File.Exists(configPath)) throw new RunDirectoryException($"{configPath}: missing (not a latsym run directory?)");
        if (!File.Exists(Path.Combine(directory, WeightsFileName)))
            throw new RunDirectoryException($"{Path.Combine(directory, WeightsFileName)}: missing (the run saved no weights)");
        var (options, version) = ReadConfig(configPath);
        double? test = null, orbit = null;
        string metricsPath = Path.Combine(directory, "metrics.json");
        if (File.Exists(metricsPath))
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(metricsPath));
                test = NumberOrNull(doc.RootElement, "test_task_loss");
                orbit = NumberOrNull(doc.RootElement, "orbit_task_loss");
            }
            catch (JsonException e) { throw new RunDirectoryException($"{metricsPath}: not valid JSON ({FirstLine(e.Message)})", e); }
        }
        bool given;
        using (var config = JsonDocument.Parse(File.ReadAllText(configPath)))
            given = config.RootElement.TryGetProperty("data_given", out var g) && g.ValueKind == JsonValueKind.True;
        return new SavedRun(directory, options, version, test, orbit) { DataGiven = given };
    }

    /// <summary>
    /// The settings recorded in a config.json. Keys a run of an older version did not write take the values
    /// that version used (so3, the radial field, the MLP, the full region).
    /// </summary>
    public static (TrainingOptions Options, string ToolVersion) ReadConfig(string configPath)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllText(configPath)); }
        catch (JsonException e) { throw new RunDirectoryException($"{configPath}: not valid JSON ({FirstLine(e.Message)})", e); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new RunDirectoryException($"{configPath}: expected a JSON object");
            string version = root.TryGetProperty("tool_version", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "0.0.0";
            if (System.Version.TryParse(version, out var written) && System.Version.TryParse(RunArtifacts.ToolVersion, out var ours) && written > ours)
                throw new RunDirectoryException($"{configPath}: written by latsym {version}, newer than this latsym {RunArtifacts.ToolVersion}; update latsym to evaluate it");
            try
            {
                int layers = Int(root, "num_hidden_layers", configPath);
                var defaults = new TrainingOptions();
                string groupName = Text(root, "group", "so3");
                if (!SymmetryGroup.TryParse(groupName, out var group))
                    throw new RunDirectoryException($"{configPath}: group '{groupName}' is unknown; valid: {SymmetryGroup.ValidNames}");
                string regionText = Text(root, "train_region", "full");
                if (!TrainRegion.TryParse(regionText, out var region, out var regionError))
                    throw new RunDirectoryException($"{configPath}: train_region {regionError}");
                string modelText = Text(root, "model", "mlp");
                if (!ModelKindText.TryParse(modelText, out var model))
                    throw new RunDirectoryException($"{configPath}: model '{modelText}' is unknown; valid: {ModelKind.ValidNames}");
                try { model = model.ReadSettings(root); }
                catch (FormatException e) { throw new RunDirectoryException($"{configPath}: {FirstLine(e.Message)}", e); }
                string penaltyText = Text(root, "penalty", "raw");
                if (!PenaltyKindText.TryParse(penaltyText, out var penalty))
                    throw new RunDirectoryException($"{configPath}: penalty '{penaltyText}' is unknown; valid: {string.Join(", ", PenaltyKindText.All)}");
                var dataSource = DataSource(root, configPath);
                // A run on a sample file records the file's label as its field: there is no field to parse.
                string? fieldSpec = dataSource is null && root.TryGetProperty("field", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
                IVectorField? vectorField = fieldSpec is not null && VectorFieldCatalog.IsVectorSpec(fieldSpec) ? VectorFieldCatalog.Parse(fieldSpec) : null;
                IScalarField? field = fieldSpec is not null && vectorField is null ? FieldCatalog.Parse(fieldSpec) : null;
                var options = new TrainingOptions
                {
                    HiddenLayers = layers,
                    HiddenDim = Int(root, "hidden_dim", configPath),
                    SymmetryLayers = Layer(root, layers, configPath),
                    LambdaSymMax = Number(root, "lambda_sym_max", configPath),
                    LearningRate = Number(root, "learning_rate", configPath),
                    WeightDecay = Number(root, "weight_decay", configPath),
                    RunSeed = Int(root, "run_seed", configPath),
                    Epochs = Int(root, "epochs", configPath),
                    BatchSize = Int(root, "batch_size", configPath),
                    Samples = Int(root, "samples", configPath),
                    BoxHalfWidth = Number(root, "box_half_width", configPath),
                    Group = group,
                    Field = field,
                    VectorField = vectorField,
                    LatentVectors = root.TryGetProperty("latent_rep", out var lr) && lr.ValueKind == JsonValueKind.String
                        && lr.GetString()!.StartsWith("vectors:", StringComparison.Ordinal) && int.TryParse(lr.GetString()!["vectors:".Length..], out int c) ? c : 0,
                    Model = model,
                    Augment = root.TryGetProperty("augment", out var a) && a.ValueKind == JsonValueKind.True,
                    TrainRegion = region,
                    Penalty = penalty,
                    PenaltyGradDenominator = root.TryGetProperty("penalty_grad_denominator", out var g) && g.ValueKind == JsonValueKind.True,
                    Radius = root.TryGetProperty("radius", out _) ? Number(root, "radius", configPath) : defaults.Radius,
                    InnerRadius = root.TryGetProperty("inner_radius", out _) ? Number(root, "inner_radius", configPath) : defaults.InnerRadius,
                    GradAlignInterval = root.TryGetProperty("grad_align_interval", out _) ? Int(root, "grad_align_interval", configPath) : 0,
                    DataSource = dataSource,
                };
                // A run of the default set-up does not record its field; the default of its dimension is what it used.
                if (options.Validate() is { } error) throw new RunDirectoryException($"{configPath}: {error}");
                return (options, version);
            }
            catch (FieldSpecException e) { throw new RunDirectoryException($"{configPath}: field: {FirstLine(e.Message)}", e); }
        }
    }

    /// <summary>
    /// The run's network with its saved weights, in <typeparamref name="T"/> (float32 as trained, or float64 to
    /// run the same weights in double). Missing, corrupt or mis-shaped weights are a <see cref="RunDirectoryException"/>.
    /// </summary>
    public Module<T> LoadModel<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        string path = Path.Combine(Directory, WeightsFileName);
        var model = CreateModel<T>(Options);
        StateDict<T> state;
        try { state = StateDict<T>.Load(path); }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or JsonException or InvalidOperationException or FormatException or OverflowException or KeyNotFoundException or IOException)
        {
            // SafetensorsFile's own messages name the file already; anything else gets it added.
            throw new RunDirectoryException(e is InvalidDataException && e.Message.StartsWith(path, StringComparison.Ordinal)
                ? $"{FirstLine(e.Message)} (not a readable safetensors file)"
                : $"{path}: not a readable safetensors file ({FirstLine(e.Message)})", e);
        }
        try { model.LoadStateDict(state); }
        catch (StateDictException e) { throw new RunDirectoryException($"{path} does not match config.json: {FirstLine(e.Message)}", e); }
        return model;
    }

    /// <summary>The network of <paramref name="options"/> as it was before training: the same initial weights the run started from.</summary>
    public static Module<T> CreateModel<T>(TrainingOptions options) where T : unmanaged, IFloatingPointIeee754<T> =>
        Trainer.CreateModel<T>(options);

    /// <summary>The run's data set, re-created from its data seed.</summary>
    /// <exception cref="RunDirectoryException">The run trained on data a program gave (config.json's <c>data_given</c>).</exception>
    /// <exception cref="RunDirectoryException">The run's sample file (config.json's <c>data</c>) is missing, changed or malformed.</exception>
    public FieldDataset<float> CreateDataset()
    {
        if (DataGiven)
            throw new RunDirectoryException($"{Path.Combine(Directory, "config.json")}: the run trained on data a program gave (data_given), which its seeds cannot rebuild; evaluate it in that program");
        try { return new Trainer(Options).CreateDataset(); }
        catch (SampleFileException e) { throw new RunDirectoryException($"{Directory}: its data file {FirstLine(e.Message)}", e); }
    }

    // config.json's "data" object (a run on a sample file), or null.
    static SampleSource? DataSource(JsonElement root, string path)
    {
        if (!root.TryGetProperty("data", out var e)) return null;
        if (e.ValueKind != JsonValueKind.Object) throw new RunDirectoryException($"{path}: 'data' must be an object (path, sha256, rows, target, dimension), got {e.GetRawText()}");
        string Field(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } t
            ? t : throw new RunDirectoryException($"{path}: data.{name} must be a non-empty string");
        return new SampleSource(Field("path"), Field("sha256"), Int(e, "rows", path), Field("target"), Int(e, "dimension", path));
    }

    static string FirstLine(string message) => message.Split('\n')[0].Trim();

    static double? NumberOrNull(JsonElement root, string name) =>
        root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number ? e.GetDouble() : null;

    static string Text(JsonElement root, string name, string fallback) =>
        root.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : fallback;

    static double Number(JsonElement root, string name, string path)
    {
        if (!root.TryGetProperty(name, out var e)) throw new RunDirectoryException($"{path}: '{name}' is missing");
        if (e.ValueKind != JsonValueKind.Number) throw new RunDirectoryException($"{path}: '{name}' must be a number, got {e.GetRawText()}");
        return e.GetDouble();
    }

    static int Int(JsonElement root, string name, string path)
    {
        if (!root.TryGetProperty(name, out var e)) throw new RunDirectoryException($"{path}: '{name}' is missing");
        if (e.ValueKind != JsonValueKind.Number || !e.TryGetInt32(out int v)) throw new RunDirectoryException($"{path}: '{name}' must be an integer, got {e.GetRawText()}");
        return v;
    }

    // A number (one layer, as every version writes it), null (none), a list of numbers (several layers) or text.
    static SymmetryLayers Layer(JsonElement root, int hiddenLayers, string path)
    {
        if (!root.TryGetProperty("symmetry_layer", out var e) || e.ValueKind == JsonValueKind.Null) return SymmetryLayers.None;
        string text = e.ValueKind switch
        {
            JsonValueKind.Number => e.GetRawText(),
            JsonValueKind.String => e.GetString() ?? "",
            JsonValueKind.Array when e.GetArrayLength() > 0 && e.EnumerateArray().All(k => k.ValueKind == JsonValueKind.Number) =>
                string.Join(",", e.EnumerateArray().Select(k => k.GetRawText())),
            _ => throw new RunDirectoryException($"{path}: symmetry_layer must be a layer number, a list of them or null, got {e.GetRawText()}"),
        };
        if (!SymmetryLayers.TryParse(text, hiddenLayers, out var layers, out var error)) throw new RunDirectoryException($"{path}: symmetry_layer {error}");
        return layers;
    }
}
