using LatentSymmetry.Core.IO;
using System.Globalization;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Cli.Output;

/// <summary>The human-readable report of a run: DATA, CONFIGURATION and RESULTS, as the original prints them.</summary>
internal static class RunReport
{
    /// <summary>One epoch's line; epochs count from 0 to E - 1, as history.csv and the schedule's e do.</summary>
    public static string EpochLine(EpochMetrics m, int epochs) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {m.Epoch,4}/{epochs - 1}  lambda {Lambda(m.Lambda)}  task {m.TrainTaskLoss:0.000e+00}  sym {(m.TrainSymLoss is double s ? s.ToString("0.000e+00", CultureInfo.InvariantCulture) : "-")}  val {m.ValTaskLoss:0.000e+00}");

    // Three decimals as the schedule's values usually need; a weight of 10,000 or more in the compact form, not 300 digits.
    static string Lambda(double lambda) => lambda < 1e4 ? lambda.ToString("0.000", CultureInfo.InvariantCulture) : NumberText.Short(lambda);

    /// <summary>The epoch's progress description, longest form first, for <see cref="ProgressLayout.Fit"/>.</summary>
    public static string[] EpochForms(EpochMetrics m, int epochs) =>
    [
        EpochLine(m, epochs),
        string.Create(CultureInfo.InvariantCulture, $"epoch {m.Epoch}/{epochs - 1}  task {m.TrainTaskLoss:0.00e+00}  val {m.ValTaskLoss:0.00e+00}"),
        string.Create(CultureInfo.InvariantCulture, $"epoch {m.Epoch}/{epochs - 1} task {m.TrainTaskLoss:0.0e+00}"),
        string.Create(CultureInfo.InvariantCulture, $"epoch {m.Epoch}/{epochs - 1}"),
    ];

    // "-1 (output)", "3", "2, 4, -1 (output) (penalty summed)" or "none (no penalty)".
    static string LayerText(Core.Models.SymmetryLayers layers) => !layers.IsSet ? "none (no penalty)"
        : string.Join(", ", layers.Select(l => l.Value == -1 ? "-1 (output)" : l.ToString())) + (layers.Count > 1 ? " (penalty summed)" : "");

    // The terms of a summed penalty: " (sum of layer 2 1.2e-03, layer -1 4.5e-06)"; empty for one layer.
    static string ByLayer(TrainingResult r) => r.Options.SymmetryLayers.Count < 2 || r.TestSymLossByLayer.Count != r.Options.SymmetryLayers.Count ? ""
        : " (sum of " + string.Join(", ", r.Options.SymmetryLayers.Select((l, i) => string.Create(CultureInfo.InvariantCulture, $"layer {l} {r.TestSymLossByLayer[i]:0.000e+00}"))) + ")";

    /// <summary>
    /// Writes the report; with <paramref name="width"/> (a terminal's columns) a line too long for it is broken between
    /// words and continued under its value, where the terminal would have broken it mid-word ("(ru" / "n seed 42)").
    /// </summary>
    public static void Write(TextWriter output, TrainingResult r, string runDirectory, int? width = null)
    {
        var w = width is int columns ? new WrappingWriter(output, columns) : output;
        WriteLines(w, r, runDirectory);
        w.Flush();
    }

    static void WriteLines(TextWriter w, TrainingResult r, string runDirectory)
    {
        var o = r.Options;
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine();
        w.WriteLine("DATA");
        w.WriteLine(o.DataSource is { } data
            ? string.Create(inv, $"  data             {data.Path} (target column {data.TargetColumn}, sha256 {data.Sha256[..12]}...), points {(data.Dimension == 3 ? $"in [-{r.Data.Extent:G4}, {r.Data.Extent:G4}]^3" : $"on the disk r <= {r.Data.Extent:G4}")}")
            : string.Create(inv, $"  field            {(o.IsOriginalSetup ? "f = " + o.TargetField.Formula : o.VectorField is { } v ? v.Spec + ": " + v.Formula : o.TargetField.Spec + ": " + o.TargetField.Formula)}, {r.Data.Domain.Description}"));
        if (!o.IsOriginalSetup)
            w.WriteLine(string.Create(inv, $"  group            {o.Group.Description}; train region {o.TrainRegion}{(o.Augment ? "; batches augmented by Haar rotations" : "")}"));
        w.WriteLine(string.Create(inv, $"  samples          {o.Samples} (train {r.Data.Train.Count}, val {r.Data.Validation.Count}, test {r.Data.Test.Count})"));
        w.WriteLine(string.Create(inv, $"  seeds            data {r.Seeds.Data}, model {r.Seeds.Model}, augmentation {r.Seeds.Augmentation} (run seed {o.RunSeed})"));
        w.WriteLine();
        w.WriteLine("CONFIGURATION");
        int outputs = o.Task.OutputWidth;
        w.WriteLine($"  architecture     {o.Model.Architecture(o.Task, o.HiddenDim, o.HiddenLayers, outputs)}");
        w.WriteLine(string.Create(inv, $"  symmetry layer   {LayerText(o.SymmetryLayers)}"));
        w.WriteLine(string.Create(inv, $"  lambda_sym_max   {o.LambdaSymMax:R} (1 - cos schedule over {o.Epochs} epochs)"));
        w.WriteLine(string.Create(inv, $"  optimizer        AdamW lr {PythonFloat.Format(o.LearningRate)}, betas ({o.Optimizer.Beta1}, {o.Optimizer.Beta2}), eps {PythonFloat.Format(o.Optimizer.Epsilon)}, weight decay {o.WeightDecay:R}"));
        w.WriteLine(string.Create(inv, $"  epochs           {o.Epochs}, batch size {o.BatchSize}"));
        w.WriteLine();
        w.WriteLine("RESULTS");
        // The epoch as the progress lines and history.csv number it (from 0): the diverged epoch is the last recorded.
        if (r.Diverged) w.WriteLine(string.Create(inv, $"  DIVERGED         a loss became non-finite in epoch {(r.History.Count > 0 ? r.History[^1].Epoch : 0)}; test losses are NaN"));
        w.WriteLine(string.Create(inv, $"  test task loss   {r.TestTaskLoss:0.0000e+00}"));
        w.WriteLine(string.Create(inv, $"  test sym loss    {(r.TestSymLoss is double s ? s.ToString("0.0000e+00", inv) : "n/a (no symmetry layer)")}{ByLayer(r)}"));
        if (o.DataSource is not null) w.WriteLine("  orbit task loss  - (a sample file has no truth at turned points)");
        else w.WriteLine(string.Create(inv, $"  orbit task loss  {r.OrbitTaskLoss:0.0000e+00} (test points turned by Haar rotations of {o.Group.Name}; ratio {r.OrbitRatio:0.#####})"));
        if (r.History.Count > 0)
            w.WriteLine(string.Create(inv, $"  final val task   {r.History[^1].ValTaskLoss:0.0000e+00}"));
        w.WriteLine(string.Create(inv, $"  wall time        {r.WallSeconds:0.0} s ({1000 * r.WallSeconds / Math.Max(1, r.BatchTaskLosses.Count):0.00} ms per step incl. evaluation)"));
        w.WriteLine($"  run directory    {runDirectory}");
    }

    /// <summary>Breaks each line longer than the width at its last space that fits, the rest indented under the value column.</summary>
    sealed class WrappingWriter(TextWriter inner, int width) : TextWriter
    {
        // "  test task loss   " : the report's values start in column 19.
        const int ValueColumn = 19;
        readonly System.Text.StringBuilder _line = new();

        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            if (value == '\n') { Emit(_line.ToString()); _line.Clear(); }
            else if (value != '\r') _line.Append(value);
        }

        public override void Flush()
        {
            if (_line.Length > 0) { Emit(_line.ToString()); _line.Clear(); }
            inner.Flush();
        }

        void Emit(string line)
        {
            // One cell spare: a line filling the last column makes some terminals wrap the cursor.
            int fit = width - 1;
            string indent = "";
            while (line.Length > fit && fit - indent.Length > 20)
            {
                int cut = line.LastIndexOf(' ', fit);
                if (cut <= indent.Length + ValueColumn / 2) break; // no space to break at: leave it to the terminal
                inner.WriteLine(line[..cut]);
                indent = new string(' ', ValueColumn);
                line = indent + line[(cut + 1)..].TrimStart();
            }
            inner.WriteLine(line);
        }
    }
}
