using LatentSymmetry.Core.IO;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LatentSymmetry.Core.Training;
using LatentSymmetry.Core.Orbits;

namespace LatentSymmetry.Core.Training;

/// <summary>
/// The files of a run directory other than figures: <c>config.json</c> (every setting, the derived seeds,
/// the tool version), <c>history.csv</c> (one row per epoch), <c>batches.csv</c> (one row per batch),
/// <c>metrics.json</c> (test losses) and <c>model.safetensors</c> (weights with PyTorch's state-dict names).
/// </summary>
public static class RunArtifacts
{
    /// <summary>The tool's version, as recorded in config.json.</summary>
    public static string ToolVersion => typeof(RunArtifacts).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Writes all files into <paramref name="directory"/>, which must exist.</summary>
    public static void Write(string directory, TrainingResult result)
    {
        File.WriteAllText(Path.Combine(directory, "config.json"), ConfigJson(result.Options, result.DataGiven));
        File.WriteAllText(Path.Combine(directory, "history.csv"), HistoryCsv(result.History, result.Options.SymmetryLayers, result.LossTermNames));
        File.WriteAllText(Path.Combine(directory, "batches.csv"), BatchesCsv(result));
        File.WriteAllText(Path.Combine(directory, "metrics.json"), MetricsJson(result, runDirectory: null));
        // The model's state dict carries PyTorch's names and shapes (a bias of n values is [n]).
        result.Model.Save(Path.Combine(directory, "model.safetensors"),
            new Dictionary<string, string> { ["format"] = "pt", ["producer"] = $"latsym {ToolVersion}" });
    }

    /// <summary>The configuration as JSON: every setting, the derived seeds, the tool version.</summary>
    public static string ConfigJson(TrainingOptions o) => ConfigJson(o, dataGiven: false);

    /// <summary>The configuration as JSON; <c>data_given: true</c> marks a run trained on data a program gave (see <see cref="TrainingResult.DataGiven"/>).</summary>
    public static string ConfigJson(TrainingOptions o, bool dataGiven) => Json(w =>
    {
        WriteConfiguration(w, o);
        if (dataGiven) w.WriteBoolean("data_given", true);
        w.WriteString("tool_version", ToolVersion);
    });

    /// <summary>Writes the settings and seeds of a run as properties of the current JSON object.</summary>
    public static void WriteConfiguration(Utf8JsonWriter w, TrainingOptions o)
    {
        w.WriteNumber("num_hidden_layers", o.HiddenLayers);
        w.WriteNumber("hidden_dim", o.HiddenDim);
        // One layer keeps the number older versions wrote (so their readers still load it); several are a list.
        if (o.SymmetryLayers.Count == 1) w.WriteNumber("symmetry_layer", o.SymmetryLayers[0].Value);
        else if (o.SymmetryLayers.IsSet)
        {
            w.WriteStartArray("symmetry_layer");
            foreach (int k in o.SymmetryLayers.Numbers) w.WriteNumberValue(k);
            w.WriteEndArray();
        }
        else w.WriteNull("symmetry_layer");
        w.WriteNumber("lambda_sym_max", o.LambdaSymMax);
        w.WriteNumber("learning_rate", o.LearningRate);
        w.WriteNumber("weight_decay", o.WeightDecay);
        w.WriteNumber("beta1", o.Optimizer.Beta1);
        w.WriteNumber("beta2", o.Optimizer.Beta2);
        w.WriteNumber("epsilon", o.Optimizer.Epsilon);
        w.WriteNumber("run_seed", o.RunSeed);
        w.WriteNumber("epochs", o.Epochs);
        w.WriteNumber("batch_size", o.BatchSize);
        w.WriteNumber("samples", o.Samples);
        w.WriteNumber("box_half_width", o.BoxHalfWidth);
        w.WriteString("group", o.Group.Name);
        w.WriteString("field", o.FieldSpec);
        w.WriteString("model", Models.ModelKindText.Format(o.Model));
        o.Model.WriteSettings(w); // nothing for the built-in kinds: their configs keep their bytes
        w.WriteBoolean("augment", o.Augment);
        w.WriteString("train_region", o.TrainRegion.ToString());
        // Written only for a penalty other than the original's, so a raw run's config keeps its bytes.
        if (o.Penalty != Orbits.PenaltyKind.Raw)
        {
            w.WriteString("penalty", Orbits.PenaltyKindText.Format(o.Penalty));
            w.WriteBoolean("penalty_grad_denominator", o.PenaltyGradDenominator);
        }
        if (o.GradAlignInterval > 0) w.WriteNumber("grad_align_interval", o.GradAlignInterval); // written only when on: other configs keep their bytes
        // Written only when set, so every other run's config keeps its bytes.
        if (o.LatentVectors > 0) w.WriteString("latent_rep", $"vectors:{o.LatentVectors}");
        if (o.DataSource is { } data)
        {
            // Written only for a run on a sample file, so every other run's config keeps its bytes.
            w.WriteStartObject("data");
            w.WriteString("path", data.Path);
            w.WriteString("sha256", data.Sha256);
            w.WriteNumber("rows", data.Rows);
            w.WriteString("target", data.TargetColumn);
            w.WriteNumber("dimension", data.Dimension);
            w.WriteEndObject();
        }
        if (o.Group.Dimension == 2)
        {
            w.WriteNumber("radius", o.Radius);
            w.WriteNumber("inner_radius", o.InnerRadius);
        }
        w.WriteStartObject("seeds");
        w.WriteNumber("data", o.Seeds.Data);
        w.WriteNumber("model", o.Seeds.Model);
        w.WriteNumber("augmentation", o.Seeds.Augmentation);
        if (o.Augment) w.WriteNumber("data_augmentation", o.DataAugmentationSeed);
        w.WriteEndObject();
    }

    /// <summary>The run's outcome as JSON: configuration, seeds, test losses (null when absent) and the run directory.</summary>
    public static string MetricsJson(TrainingResult r, string? runDirectory) => Json(w =>
    {
        WriteConfiguration(w, r.Options);
        WriteNumberOrNull(w, "test_task_loss", r.TestTaskLoss);
        WriteNumberOrNull(w, "test_sym_loss", r.TestSymLoss);
        if (r.Options.SymmetryLayers.Count > 1)
        {
            // The sum's terms, keyed by layer as --symmetry-layer names them.
            w.WriteStartObject("test_sym_loss_by_layer");
            for (int i = 0; i < r.Options.SymmetryLayers.Count; i++)
                WriteNumberOrNull(w, r.Options.SymmetryLayers[i].ToString(), i < r.TestSymLossByLayer.Count ? r.TestSymLossByLayer[i] : null);
            w.WriteEndObject();
        }
        WriteNumberOrNull(w, "orbit_task_loss", r.OrbitTaskLoss);
        WriteNumberOrNull(w, "orbit_ratio", r.OrbitRatio);
        WriteBreaking(w, LearnedBreaking.Measure(r.Model, r.Data.Test, r.Data.Field, r.Options.Group, r.Options.Seeds.Augmentation));
        if (r.Options.VectorField is not null)
        {
            // Vector runs only, so a scalar run's metrics.json keeps its bytes.
            w.WriteStartObject("equivariance_error");
            WriteNumberOrNull(w, "float32", r.EquivarianceError.Float32);
            WriteNumberOrNull(w, "float64", r.EquivarianceError.Float64);
            w.WriteEndObject();
        }
        w.WriteBoolean("diverged", r.Diverged);
        w.WriteNumber("epochs_completed", r.History.Count);
        w.WriteNumber("wall_seconds", Math.Round(r.WallSeconds, 3));
        if (r.History.Count > 0)
        {
            var last = r.History[^1];
            WriteNumberOrNull(w, "final_train_task_loss", last.TrainTaskLoss);
            WriteNumberOrNull(w, "final_val_task_loss", last.ValTaskLoss);
            WriteNumberOrNull(w, "final_val_sym_loss", last.ValSymLoss);
        }
        if (runDirectory is not null) w.WriteString("run_dir", runDirectory);
        w.WriteString("tool_version", ToolVersion);
    });

    /// <summary>
    /// The learned breaking (see <see cref="LearnedBreaking"/>): breaking_rms and field_breaking_rms for a scalar model, then
    /// for a model with a branch branch_share and, for the quadratic branch, branch_coefficients and branch_square_contrast.
    /// </summary>
    public static void WriteBreaking(Utf8JsonWriter w, LearnedBreaking? breaking)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (breaking is null) return;
        WriteNumberOrNull(w, "breaking_rms", breaking.BreakingRms);
        WriteNumberOrNull(w, "field_breaking_rms", breaking.FieldBreakingRms);
        if (breaking.BranchShare is { } share) WriteNumberOrNull(w, "branch_share", share);
        if (breaking.BranchCoefficients is { } coefficients)
        {
            w.WriteStartObject("branch_coefficients");
            foreach (var (name, value) in coefficients) WriteNumberOrNull(w, name, value);
            w.WriteEndObject();
        }
        if (breaking.BranchSquareContrast is { } contrast) WriteNumberOrNull(w, "branch_square_contrast", contrast);
    }

    /// <summary>history.csv: epoch, lambda, train/val task and sym losses, elapsed seconds.</summary>
    public static string HistoryCsv(IEnumerable<EpochMetrics> history) => HistoryCsv(history, Models.SymmetryLayers.None);

    /// <summary>
    /// history.csv: epoch, lambda, train/val task and sym losses, elapsed seconds; with several penalised
    /// <paramref name="layers"/>, then each layer's train and val penalty (<c>train_sym_loss_layer2</c>, ...),
    /// whose sums are the sym loss columns.
    /// </summary>
    public static string HistoryCsv(IEnumerable<EpochMetrics> history, Models.SymmetryLayers layers) => HistoryCsv(history, layers, []);

    /// <summary>
    /// history.csv as <see cref="HistoryCsv(IEnumerable{EpochMetrics}, Models.SymmetryLayers)"/>, then each further loss
    /// term's mean training value (<c>train_NAME</c>, in the order of <paramref name="termNames"/>).
    /// </summary>
    public static string HistoryCsv(IEnumerable<EpochMetrics> history, Models.SymmetryLayers layers, IReadOnlyList<string> termNames)
    {
        ArgumentNullException.ThrowIfNull(termNames);
        ArgumentNullException.ThrowIfNull(layers);
        var sb = new StringBuilder("epoch,lambda,train_task_loss,train_sym_loss,val_task_loss,val_sym_loss,elapsed_seconds");
        bool terms = layers.Count > 1;
        if (terms)
            foreach (var split in new[] { "train", "val" })
                foreach (var l in layers) sb.Append(CultureInfo.InvariantCulture, $",{split}_sym_loss_layer{l}");
        foreach (var name in termNames) sb.Append(",train_").Append(name);
        // The gradient-alignment probe's column, only for a run that probed.
        bool align = history.Any(h => h.GradAlignment is not null);
        if (align) sb.Append(",grad_align");
        sb.Append('\n');
        foreach (var h in history)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{h.Epoch},{N(h.Lambda)},{N(h.TrainTaskLoss)},{N(h.TrainSymLoss)},{N(h.ValTaskLoss)},{N(h.ValSymLoss)},{h.ElapsedSeconds:F3}");
            if (terms)
                foreach (var values in new[] { h.TrainSymLossByLayer, h.ValSymLossByLayer })
                    for (int k = 0; k < layers.Count; k++) sb.Append(',').Append(k < values.Count ? N(values[k]) : "");
            for (int k = 0; k < termNames.Count; k++) sb.Append(',').Append(k < h.TrainTerms.Count ? N(h.TrainTerms[k]) : "");
            if (align) sb.Append(',').Append(h.GradAlignment is double a && double.IsFinite(a) ? N(a) : "");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    static string BatchesCsv(TrainingResult r)
    {
        var sb = new StringBuilder("step,task_loss,sym_loss\n");
        for (int i = 0; i < r.BatchTaskLosses.Count; i++)
            sb.Append(CultureInfo.InvariantCulture, $"{i},{N(r.BatchTaskLosses[i])},{(i < r.BatchSymLosses.Count ? N(r.BatchSymLosses[i]) : "")}\n");
        return sb.ToString();
    }

    // Python's repr: the shortest text that reads back as the same double, so pandas and csv see our exact values.
    static string N(double? v) => v is null ? "" : PythonFloat.Format(v.Value);

    static void WriteNumberOrNull(Utf8JsonWriter w, string name, double? v)
    {
        if (v is double d && double.IsFinite(d)) w.WriteNumber(name, d);
        else w.WriteNull(name);
    }

    static string Json(Action<Utf8JsonWriter> body)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }
}
