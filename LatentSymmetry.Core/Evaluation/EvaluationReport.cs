using System.Globalization;
using System.Text;
using System.Text.Json;
using LatentSymmetry.Core.IO;
using LatentSymmetry.Core.Invariance;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Core.Evaluation;

/// <summary>The machine-readable forms of a <see cref="RunEvaluation"/>: invariance.json (also what <c>--json</c> prints) and profile.csv.</summary>
public static class EvaluationReport
{
    /// <summary>
    /// One JSON object: test_task_loss (and the run's reported figure, with whether they agree bit for bit),
    /// orbit_task_loss, orbit_ratio, the learned breaking (breaking_rms, field_breaking_rms; branch_share, branch_coefficients
    /// and branch_square_contrast for a relaxed model), invariance_error {float32, float64}, layers [{layer, width, SL, Q_h, Q,
    /// RSL, MI, LD, LD_rel (the chosen <see cref="LayerMeasures"/>), ci95 {measure: [lower, upper]}, pca_components, LD_L_x, LD_rel_L_x, ...}], reference_layers (the untrained network),
    /// angle_curve [{from_deg, to_deg, count, mse}]. Measures not computed are absent; non-finite numbers are null.
    /// </summary>
    public static string Json(SavedRun run, RunEvaluation e, LayerMeasureSet measures)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(e);
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("run_dir", run.Directory);
            Number(w, "test_task_loss", e.TestTaskLoss);
            Number(w, "reported_test_task_loss", e.ReportedTestTaskLoss);
            if (e.ReportedTestTaskLoss is double reported) w.WriteBoolean("test_task_loss_matches", reported.Equals(e.TestTaskLoss));
            Number(w, "orbit_task_loss", e.OrbitTaskLoss);
            Number(w, "orbit_ratio", e.OrbitRatio);
            RunArtifacts.WriteBreaking(w, e.Breaking);
            w.WriteStartObject(e.IsEquivarianceError ? "equivariance_error" : "invariance_error");
            Number(w, "float32", e.InvarianceErrorFloat32);
            Number(w, "float64", e.InvarianceErrorFloat64);
            w.WriteNumber("points", e.InvariancePoints);
            w.WriteEndObject();
            // One layer as a number (as before), several as a list.
            if (e.PenalisedLayer.Count == 1) w.WriteNumber("penalised_layer", e.PenalisedLayer[0].Value);
            else if (e.PenalisedLayer.IsSet)
            {
                w.WriteStartArray("penalised_layer");
                foreach (int k in e.PenalisedLayer.Numbers) w.WriteNumberValue(k);
                w.WriteEndArray();
            }
            else w.WriteNull("penalised_layer");
            WriteLayers(w, "layers", e.Layers, measures, withIntervals: true);
            if (e.Reference is { } reference) WriteLayers(w, "reference_layers", reference, measures, withIntervals: false);
            w.WriteStartObject("angle_curve");
            w.WriteString("axis", e.AxisName);
            w.WriteNumber("trained_up_to_deg", e.TrainedUpToDegrees);
            w.WriteStartArray("bins");
            foreach (var b in e.AngleCurve)
            {
                w.WriteStartObject();
                w.WriteNumber("from_deg", b.LowerDegrees);
                w.WriteNumber("to_deg", b.UpperDegrees);
                w.WriteNumber("count", b.Count);
                Number(w, "mse", b.MeanSquaredError);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteNumber("seconds", Math.Round(e.Seconds, 3));
            w.WriteString("tool_version", RunArtifacts.ToolVersion);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray()) + "\n";
    }

    static void WriteLayers(Utf8JsonWriter w, string name, IReadOnlyList<LayerEvaluation> layers, LayerMeasureSet measures, bool withIntervals)
    {
        w.WriteStartArray(name);
        foreach (var layer in layers)
        {
            w.WriteStartObject();
            w.WriteNumber("layer", layer.Layer);
            w.WriteNumber("width", layer.Width);
            foreach (var measure in measures) Number(w, measure.Name, layer.Get(measure).Value);
            if (withIntervals)
            {
                w.WriteStartObject("ci95");
                foreach (var measure in measures)
                {
                    var m = layer.Get(measure);
                    w.WriteStartArray(measure.Name);
                    Value(w, m.Lower);
                    Value(w, m.Upper);
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            foreach (var (detail, value) in layer.Details) Number(w, detail, value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>profile.csv: one row per layer, each measure with its interval, then the reference's value.</summary>
    public static string ProfileCsv(RunEvaluation e, LayerMeasureSet measures)
    {
        ArgumentNullException.ThrowIfNull(e);
        var sb = new StringBuilder("layer,width");
        foreach (var measure in measures) sb.Append(CultureInfo.InvariantCulture, $",{measure.Name},{measure.Name}_ci_low,{measure.Name}_ci_high");
        if (e.Reference is not null) foreach (var measure in measures) sb.Append(CultureInfo.InvariantCulture, $",reference_{measure.Name}");
        sb.Append('\n');
        for (int i = 0; i < e.Layers.Count; i++)
        {
            var layer = e.Layers[i];
            sb.Append(CultureInfo.InvariantCulture, $"{layer.Layer},{layer.Width}");
            foreach (var measure in measures)
            {
                var m = layer.Get(measure);
                sb.Append(CultureInfo.InvariantCulture, $",{Csv(m.Value)},{Csv(m.Lower)},{Csv(m.Upper)}");
            }
            if (e.Reference is { } reference)
                foreach (var measure in measures) sb.Append(CultureInfo.InvariantCulture, $",{Csv(reference[i].Get(measure).Value)}");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    static string Csv(double v) => double.IsFinite(v) ? PythonFloat.Format(v) : "";

    static void Number(Utf8JsonWriter w, string name, double? v)
    {
        if (v is double d && double.IsFinite(d)) w.WriteNumber(name, d);
        else w.WriteNull(name);
    }

    static void Value(Utf8JsonWriter w, double v)
    {
        if (double.IsFinite(v)) w.WriteNumberValue(v);
        else w.WriteNullValue();
    }
}
