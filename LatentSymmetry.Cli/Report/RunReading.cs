using System.Globalization;
using System.Text.Json;
using LatentSymmetry.Cli.Plots;
using LatentSymmetry.Core.Evaluation;

namespace LatentSymmetry.Cli.Report;

/// <summary>
/// One run directory read for the report: its configuration and test metrics as name-value pairs, its loss curves
/// (history.csv) and, when evaluate measured it, its invariance profile (invariance.json), both as SVG.
/// </summary>
internal sealed record RunReading(string Name, string Title, string ToolVersion, string Seed,
    List<(string, string)> Configuration, List<(string, string)> Metrics, List<(string, string)> Evaluation, string? LossSvg, string? ProfileSvg)
{
    /// <summary>The slice of the trained model against its field (scalar runs with weights), redrawn from model.safetensors.</summary>
    public string? SliceSvg { get; init; }

    static readonly string[] MetricNames = ["test_task_loss", "test_sym_loss", "orbit_task_loss", "orbit_ratio", "diverged", "epochs_completed", "wall_seconds", "final_train_task_loss", "final_val_task_loss"];

    /// <summary>The run in <paramref name="directory"/>, or null (said in <paramref name="warnings"/>) when its config.json cannot be read.</summary>
    public static RunReading? Read(string directory, List<string> warnings)
    {
        string config = Path.Combine(directory, "config.json");
        Core.Training.TrainingOptions options;
        string version;
        List<(string, string)> configuration = [];
        try
        {
            (options, version) = SavedRun.ReadConfig(config);
            using var doc = JsonDocument.Parse(File.ReadAllText(config));
            Flatten(doc.RootElement, "", configuration);
        }
        catch (Exception e) when (e is RunDirectoryException or JsonException or IOException or FormatException or UnauthorizedAccessException)
        {
            warnings.Add($"{config}: cannot be read ({FirstLine(e.Message)}); run skipped");
            return null;
        }
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
        string title = ProfileFigure.RunTitle(directory, options);

        var metrics = new List<(string, string)>();
        string metricsPath = Path.Combine(directory, "metrics.json");
        if (File.Exists(metricsPath))
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(metricsPath));
                foreach (var key in MetricNames)
                    if (doc.RootElement.TryGetProperty(key, out var v)) metrics.Add((key, HtmlReport.Number(v)));
            }
            catch (JsonException e) { warnings.Add($"{metricsPath}: not valid JSON ({FirstLine(e.Message)}); its metrics are left out"); }
        }
        else metrics.Add(("metrics.json", "missing (the run did not finish?)"));

        string? loss = null;
        string history = Path.Combine(directory, "history.csv");
        if (File.Exists(history) && ReadHistory(history, options.SymmetryLayers.IsSet, warnings) is { } h)
            loss = new LossCurvesFigure(h) { Width = 1000, Height = 380 }.ToSvg();

        string? profile = null;
        var evaluation = new List<(string, string)>();
        string invariance = Path.Combine(directory, "invariance.json");
        if (File.Exists(invariance))
        {
            try
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(invariance));
                var root = doc.RootElement;
                foreach (var key in new[] { "test_task_loss", "orbit_task_loss", "orbit_ratio" })
                    if (root.TryGetProperty(key, out var v)) evaluation.Add((key, HtmlReport.Number(v)));
                if (root.TryGetProperty("invariance_error", out var ie) && ie.ValueKind == JsonValueKind.Object)
                    foreach (var p in ie.EnumerateObject()) evaluation.Add(($"invariance_error {p.Name}", HtmlReport.Number(p.Value)));
                profile = ProfileFigure.FromInvarianceJson(root, title)?.ToSvg();
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                warnings.Add($"{invariance}: cannot be read ({FirstLine(e.Message)}); its profile is left out");
            }
        }
        return new RunReading(name, title, version, options.RunSeed.ToString(CultureInfo.InvariantCulture), configuration, metrics, evaluation, loss, profile)
        {
            SliceSvg = Slice(directory, options, warnings),
        };
    }

    // The slice is redrawn from the weights (a --headless run has no slice.png, and a PNG would not be searchable text);
    // a vector run has d outputs, so no slice, as in train.
    static string? Slice(string directory, Core.Training.TrainingOptions options, List<string> warnings)
    {
        if (options.VectorField is not null || options.DataSource is not null || !File.Exists(Path.Combine(directory, SavedRun.WeightsFileName))) return null;
        try
        {
            var model = SavedRun.Open(directory).LoadModel<float>();
            return new FieldSliceFigure(Output.RunFigures.Slice(options, options.Domain, options.TargetField, model)) { Width = 1000, Height = 380 }.ToSvg();
        }
        catch (RunDirectoryException e)
        {
            warnings.Add($"{directory}: {FirstLine(e.Message)}; its slice is left out");
            return null;
        }
    }

    static void Flatten(JsonElement e, string prefix, List<(string, string)> into)
    {
        foreach (var p in e.EnumerateObject())
        {
            string key = prefix.Length == 0 ? p.Name : $"{prefix}.{p.Name}";
            if (p.Value.ValueKind == JsonValueKind.Object) Flatten(p.Value, key, into);
            else into.Add((key, HtmlReport.Number(p.Value)));
        }
    }

    // history.csv's per-epoch losses (no per-batch records: they would make every figure far larger); a row that
    // does not parse is skipped and said.
    static LossHistory? ReadHistory(string path, bool symmetry, List<string> warnings)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length < 2) return null;
        var header = lines[0].Split(',');
        int Column(string name) => Array.IndexOf(header, name);
        int lambda = Column("lambda"), trainTask = Column("train_task_loss"), valTask = Column("val_task_loss"), trainSym = Column("train_sym_loss"), valSym = Column("val_sym_loss");
        if (trainTask < 0 || valTask < 0)
        {
            warnings.Add($"{path}: no train_task_loss and val_task_loss columns; loss curves left out");
            return null;
        }
        var columns = new List<double>[header.Length];
        for (int c = 0; c < header.Length; c++) columns[c] = [];
        int skipped = 0;
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var cells = lines[i].Split(',');
            if (cells.Length < header.Length) { skipped++; continue; }
            for (int c = 0; c < header.Length; c++)
                columns[c].Add(double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN);
        }
        if (skipped > 0) warnings.Add($"{path}: {skipped} torn row(s) skipped");
        if (columns[trainTask].Count == 0) return null;
        IReadOnlyList<EpochPoint> Epochs(int c) => c < 0 ? [] : EpochPoint.PerEpoch(columns[c]);
        return new LossHistory([], Epochs(trainTask), Epochs(valTask),
            symmetry ? new SymmetryLossHistory([], Epochs(trainSym), Epochs(valSym), Epochs(lambda)) : null);
    }

    static string FirstLine(string s) => s.Split('\n')[0].TrimEnd('\r');
}
