using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LatentSymmetry.Cli.Output;
using LatentSymmetry.Cli.Plots;
using LatentSymmetry.Core.Dynamics;
using LatentSymmetry.Core.Evaluation;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.IO;

namespace LatentSymmetry.Cli.Commands;

/// <summary><c>latsym rollout</c>: roll models trained on a flow task out H steps, in the training region and turned, against the truth.</summary>
internal static class RolloutCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var runs = new Argument<string[]>("RUN_DIR") { Description = "Run directories of 'latsym train --task flow' (several: one line per run in the figure).", Arity = ArgumentArity.OneOrMore };
        var horizon = new Option<int>("--horizon") { Description = "Steps H to roll out (1..100000).", DefaultValueFactory = _ => 100, HelpName = "H" };
        var starts = new Option<int>("--starts") { Description = "Starting points, drawn from the run's domain inside its training region (1..1000000).", DefaultValueFactory = _ => 256, HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Seed of the starts and of the Haar rotations that turn them.", DefaultValueFactory = _ => 0 };
        var output = new Option<string?>("--output", "-o") { Description = "Directory for rollout.csv and rollout.png. Default: the run directory (of the first run when several are given).", HelpName = "DIR" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (rows per horizon; with several runs, a runs list of them) instead of the table." };
        var command = new Command("rollout",
            "Roll a model trained on a flow (latsym train --task flow) out H steps, x_{t+1} = x_t + m(x_t), from N starts inside the " +
            "training region and from the same starts each turned by a Haar rotation g of the run's group, beside the truth (the " +
            "field's flow over the run's dt, float64 RK4). Per horizon: the relative error sqrt(sum |m_H - truth_H|^2 / sum |truth_H|^2) " +
            "in the region and turned, their ratio (1 at every H for an exactly equivariant model; a model that learned the flow " +
            "only where it saw data compounds its error off the region), and the equivariance residual " +
            "|g rollout(x0) - rollout(g x0)| / |rollout(x0)| of the float32 model and of its weights in float64. For a phase-space flow " +
            "(--field kepler, the two-body problem) also each conserved quantity's drift sqrt(sum |Q(x_H) - Q(x0)|^2 / sum |Q(x0)|^2) " +
            "in the region, of the model and of the truth integrator (energy, angular momentum; for angular momentum also the RMS " +
            "angle it turns by, the tilt of the orbital plane). Writes rollout.csv " +
            "(one row per run and horizon) and rollout.png (error and ratio against H, log scales, one colour per run; a drift panel for a phase-space flow).")
        {
            runs, horizon, starts, seed, output, json,
        };
        command.SetAction((parse, cancellation) => Task.FromResult(Execute(parse, cancellation)));
        return command;

        int Execute(ParseResult parse, CancellationToken cancellation)
        {
            int h = parse.GetValue(horizon), n = parse.GetValue(starts);
            if (h is < 1 or > 100_000) throw new UsageException($"--horizon must be in 1..100000, got {h}");
            if (n is < 1 or > 1_000_000) throw new UsageException($"--starts must be in 1..1000000, got {n}");
            var dirs = parse.GetValue(runs)!;
            var opened = new List<(string Dir, SavedRun Run, FlowStepField Flow)>();
            foreach (var dir in dirs)
            {
                SavedRun run;
                try { run = SavedRun.Open(dir); }
                catch (RunDirectoryException e) { throw new UsageException(e.Message); }
                if (run.Options.VectorField is not FlowStepField flow)
                    throw new UsageException($"{dir}: not a flow run (its field is {run.Options.VectorField?.Spec ?? run.Options.TargetField.Spec}); rollout takes runs of 'latsym train --task flow'");
                opened.Add((dir, run, flow));
            }
            string outDir = parse.GetValue(output) ?? dirs[0];
            WritableDirectory.Check(outDir, "--output", "rollout.csv", RolloutFigure.DefaultFileName);
            var results = new List<(string Name, IReadOnlyList<RolloutRow> Rows)>();
            foreach (var (dir, run, flow) in opened)
            {
                cancellation.ThrowIfCancellationRequested();
                Core.Models.Module<float> model;
                try { model = run.LoadModel<float>(); }
                catch (RunDirectoryException e) { throw new UsageException(e.Message); }
                var o = run.Options;
                IReadOnlyList<RolloutRow> rows;
                try { rows = FlowRolloutStudy.Measure(model, model.To<double>(), flow, o.Domain, o.TrainRegion, o.Group, n, h, parse.GetValue(seed)); }
                catch (ArgumentException e) { throw new UsageException($"{dir}: {e.Message}"); }
                results.Add((Path.GetFileName(Path.TrimEndingDirectorySeparator(dir)), rows));
            }
            Directory.CreateDirectory(outDir);
            FigureFile.WriteAtomically(Path.Combine(outDir, "rollout.csv"), Encoding.UTF8.GetBytes(Csv(results)));
            new RolloutFigure(results).Save(Path.Combine(outDir, RolloutFigure.DefaultFileName));
            if (parse.GetValue(json)) stdout.WriteLine(Json(results));
            else
                foreach (var (name, rows) in results) WriteTable(stdout, name, rows);
            stderr.WriteLine($"wrote rollout.csv and {RolloutFigure.DefaultFileName} in {outDir}");
            return 0;
        }
    }

    static string Csv(List<(string Name, IReadOnlyList<RolloutRow> Rows)> results)
    {
        // A phase-space flow adds its conserved quantities' columns; every other run's file keeps its columns.
        var quantities = Quantities(results);
        var sb = new StringBuilder("run,horizon,error_in_region,error_off_region,ratio,equivariance_residual_float32,equivariance_residual_float64,ratio_float64");
        foreach (var (name, vector) in quantities) sb.Append(string.Join("", DriftKeys(name, vector).Select(k => "," + k)));
        sb.Append('\n');
        foreach (var (name, rows) in results)
            foreach (var r in rows)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\"{name}\",{r.Horizon},{PythonFloat.Format(r.ErrorInRegion)},{PythonFloat.Format(r.ErrorOffRegion)},{PythonFloat.Format(r.Ratio)},{PythonFloat.Format(r.EquivarianceResidualFloat32)},{PythonFloat.Format(r.EquivarianceResidualFloat64)},{(double.IsNaN(r.RatioFloat64) ? "" : PythonFloat.Format(r.RatioFloat64))}");
                foreach (var (quantity, vector) in quantities)
                    foreach (var v in DriftValues(r, quantity, vector)) sb.Append(',').Append(double.IsNaN(v) ? "" : PythonFloat.Format(v));
                sb.Append('\n');
            }
        return sb.ToString();
    }

    // The conserved quantities of the runs (name, and whether it is a vector with a direction), in first-seen order.
    static List<(string Name, bool Vector)> Quantities(List<(string Name, IReadOnlyList<RolloutRow> Rows)> results)
    {
        var list = new List<(string, bool)>();
        foreach (var (_, rows) in results)
            if (rows.Count > 0)
                foreach (var q in rows[0].Drifts)
                    if (!list.Exists(e => e.Item1 == q.Name)) list.Add((q.Name, q.Width > 1));
        return list;
    }

    // NAME_drift (the float32 model), NAME_drift_truth (the integrator), and for a vector NAME_angle and NAME_angle_float64 (radians).
    static string[] DriftKeys(string name, bool vector) => vector
        ? [$"{name}_drift", $"{name}_drift_truth", $"{name}_angle", $"{name}_angle_float64"]
        : [$"{name}_drift", $"{name}_drift_truth"];

    static double[] DriftValues(RolloutRow row, string name, bool vector)
    {
        int at = -1;
        for (int i = 0; i < row.Drifts.Count; i++) if (row.Drifts[i].Name == name) at = i;
        if (at < 0) return vector ? [double.NaN, double.NaN, double.NaN, double.NaN] : [double.NaN, double.NaN];
        var q = row.Drifts[at];
        return vector ? [q.Model, q.Truth, q.AngleFloat32, q.AngleFloat64] : [q.Model, q.Truth];
    }

    static string Json(List<(string Name, IReadOnlyList<RolloutRow> Rows)> results)
    {
        static object Rows(IReadOnlyList<RolloutRow> rows) => rows.Select(r => new Dictionary<string, object?>
        {
            ["horizon"] = r.Horizon,
            ["error_in_region"] = Finite(r.ErrorInRegion),
            ["error_off_region"] = Finite(r.ErrorOffRegion),
            ["ratio"] = Finite(r.Ratio),
            ["equivariance_residual_float32"] = Finite(r.EquivarianceResidualFloat32),
            ["equivariance_residual_float64"] = Finite(r.EquivarianceResidualFloat64),
            ["ratio_float64"] = Finite(r.RatioFloat64),
        }.Concat(r.Drifts.SelectMany(q =>
        {
            bool vector = q.Width > 1;
            return DriftKeys(q.Name, vector).Zip(DriftValues(r, q.Name, vector), (k, v) => KeyValuePair.Create(k, (object?)Finite(v)));
        })).ToDictionary()).ToList();
        object root = results.Count == 1
            ? new Dictionary<string, object> { ["run"] = results[0].Name, ["rows"] = Rows(results[0].Rows) }
            : new Dictionary<string, object> { ["runs"] = results.Select(r => new Dictionary<string, object> { ["run"] = r.Name, ["rows"] = Rows(r.Rows) }).ToList() };
        return JsonSerializer.Serialize(root, new JsonSerializerOptions { WriteIndented = true });
    }

    static double? Finite(double v) => double.IsFinite(v) ? v : null;

    static void WriteTable(TextWriter o, string name, IReadOnlyList<RolloutRow> rows)
    {
        o.WriteLine($"{name}");
        // A phase-space flow's drifts follow: each quantity's model and truth drift (e.g. "energy", "energy RK4").
        var drifts = rows.Count == 0 ? [] : rows[0].Drifts.Select(q => Short(q.Name)).ToList();
        o.WriteLine($"{"H",7} {"error in",11} {"turned",11} {"ratio",10} {"resid f32",11} {"resid f64",11} {"ratio f64",12}" + string.Concat(drifts.Select(q => $" {q,11} {q + " RK4",11}")));
        // Every row up to 10, then each decade and its halves, and the last: the curve's shape without a thousand lines.
        foreach (var r in rows.Where(r => r.Horizon <= 10 || r.Horizon == rows.Count || IsLandmark(r.Horizon)))
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Horizon,7} {G(r.ErrorInRegion),11} {G(r.ErrorOffRegion),11} {G(r.Ratio),10} {G(r.EquivarianceResidualFloat32),11} {G(r.EquivarianceResidualFloat64),11} {G12(r.RatioFloat64),12}")
                + string.Concat(r.Drifts.Select(q => string.Create(CultureInfo.InvariantCulture, $" {G(q.Model),11} {G(q.Truth),11}"))));
    }

    // The float64 ratio of an exact model departs from 1 in the 13th digit: shown to 10 decimals so that is seen.
    static string G12(double v) => double.IsFinite(v) ? v.ToString("0.0000000000", CultureInfo.InvariantCulture) : "-";

    // "angular_momentum" as a column head: "L"; other names as they are.
    static string Short(string quantity) => quantity == "angular_momentum" ? "L" : quantity;

    static bool IsLandmark(int h)
    {
        double decade = Math.Pow(10, Math.Floor(Math.Log10(h)));
        return h == decade || h == 2 * decade || h == 5 * decade;
    }

    static string G(double v) => double.IsFinite(v) ? v.ToString(v != 0 && Math.Abs(v) is < 1e-3 or >= 1e4 ? "0.000e+00" : "0.00000", CultureInfo.InvariantCulture) : "-";
}
