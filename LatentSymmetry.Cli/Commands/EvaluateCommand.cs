using System.CommandLine;
using System.Globalization;
using System.Text;
using LatentSymmetry.Cli.Output;
using LatentSymmetry.Cli.Plots;
using LatentSymmetry.Core.Evaluation;

namespace LatentSymmetry.Cli.Commands;

/// <summary><c>latsym evaluate</c>: how invariant a saved run is, layer by layer, with its figures and files.</summary>
internal static class EvaluateCommand
{
    /// <summary>
    /// Fewest test points for which evaluate gives bootstrap intervals: below it a resample often repeats one or two
    /// points, and a ratio such as Q_h got intervals like [-5.5e14, 2.7e15] for a quantity that cannot be negative.
    /// </summary>
    internal const int MinimumPointsForIntervals = 20;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var runDir = new Argument<string>("RUN_DIR") { Description = "A run directory written by 'latsym train' (config.json and model.safetensors)." };
        var defaults = EvaluationOptions.Default;
        var rotations = new Option<int>("--rotations")
        {
            Description = "Rotations per test point: each point is turned N times for the invariance error and the angle curve, " +
                "and gives N rotation pairs to MI's classifier (SL, Q_h, Q, RSL use one pair per point). 1..64.",
            HelpName = "N",
            DefaultValueFactory = _ => defaults.Rotations,
        };
        var metrics = new Option<string>("--metrics")
        {
            Description = $"Per-layer measures to compute, comma-separated, from {LayerMeasures.ValidNames}, or all. MI trains a small classifier per layer and is the slowest.",
            HelpName = "LIST",
            DefaultValueFactory = _ => "all",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print invariance.json's object instead of the report: test_task_loss, reported_test_task_loss, test_task_loss_matches, " +
                "orbit_task_loss, orbit_ratio, breaking_rms, field_breaking_rms (and for a relaxed model branch_share, branch_coefficients, branch_square_contrast), invariance_error {float32, float64, points}, penalised_layer, layers [{layer (1..L, -1 the output), " +
                "width, each chosen measure (" + LayerMeasures.ValidNames + "), ci95 {measure: [lower, upper]}, pca_components, LD_L_x, LD_rel_L_x, ... per generator}], reference_layers, angle_curve {axis, " +
                "trained_up_to_deg, bins [{from_deg, to_deg, count, mse}]}.",
        };
        var noReference = new Option<bool>("--no-reference") { Description = "Skip the untrained network of the same seed (the dashed reference line of profile.png and reference_* in the files)." };
        var command = new Command("evaluate",
            "Measure how invariant a saved run is, on its test points (the data set is re-created from the run's seeds). Reports:\n" +
            "- test_task_loss, recomputed from the saved weights (equal bit for bit to metrics.json's), orbit_task_loss (the MSE " +
            "on the test points each turned by a Haar rotation of the group) and orbit_ratio = orbit/test, as the run computes them;\n" +
            "- breaking_rms, the RMS over the test points of f(Rx) - f(x) (one Haar rotation per point), beside field_breaking_rms, the same for " +
            "the target field: the breaking the model learned against the data's; for --model relaxed, branch_share (the branch's share of the " +
            "output's variance) and for its quadratic branch the coefficients by monomial and the identifiable z^2 - (x^2 + y^2)/2;\n" +
            "- invariance_error eps = RMS(f(Rx) - f(x)) / std f(x) over the test points whose turned copies stay in the data's " +
            "domain (|x| <= B in the box under so3, x^2 + y^2 <= B^2 under so2z; every point of the disk), in float32 and with the same weights run in float64;\n" +
            "- per layer (every hidden layer and the output), with 95% bootstrap intervals over the test points: " + LayerMeasures.Help + "\n" +
            "- angle_curve: the MSE of turned test points per 10 degrees of angle to the training region's axis (+z for a cone, " +
            "+x for a sector), which shows where a region-trained model stops generalising.\n" +
            "Writes invariance.json, profile.csv, profile.png (each measure against the layer, log axes for SL/Q_h/Q/RSL, the " +
            "penalised layer marked, the untrained network dashed) and angle.png (the training region shaded, test points per bin) into RUN_DIR; " +
            "no other file there is touched and each file appears complete or not at all. Bad input (no such directory, missing " +
            "or corrupt weights, weights whose shapes disagree with config.json, a config from a newer latsym) is a one-line " +
            "error, exit code 2.")
        {
            runDir, rotations, metrics, json, noReference,
        };
        // The asynchronous form receives Ctrl+C / SIGTERM as a cancellation (see Termination).
        command.SetAction((parse, cancellation) => Task.FromResult(Execute(parse, cancellation)));
        return command;

        int Execute(ParseResult parse, CancellationToken cancellation)
        {
            string dir = parse.GetValue(runDir)!;
            // Split by the one list rule first (no empty item, none twice); the names are then read.
            var metricList = string.Join(",", ListOptionText.Split([parse.GetValue(metrics)!], "--metrics"));
            if (!LayerMeasures.TryParse(metricList, out var chosen, out var metricError))
                throw new UsageException($"--metrics {metricError}");
            int n = parse.GetValue(rotations);
            if (n is < 1 or > 64) throw new UsageException($"--rotations must be in 1..64, got {n}");
            var options = EvaluationOptions.Default with { Rotations = n, Measures = chosen, Reference = !parse.GetValue(noReference) };
            SavedRun run;
            RunEvaluation evaluation;
            try
            {
                run = SavedRun.Open(dir);
                // The per-layer measures turn points of R^d; a phase-space run's states (vectors:2) are not measured there yet.
                if (!run.Options.Task.InputIsPoint)
                    throw new UsageException($"{dir}: a run on states of {run.Options.Task.Input} ({run.Options.FieldSpec}) is not evaluated yet; its rollout is measured by 'latsym rollout'");
                // Checked before the work, so a read-only run directory is said at once (exit 2), not after it.
                WritableDirectory.Check(dir, "RUN_DIR", "invariance.json", "profile.csv", ProfileFigure.DefaultFileName, AngleFigure.DefaultFileName);
                int testPoints = run.CreateDataset().Test.Count;
                if (testPoints < MinimumPointsForIntervals)
                {
                    options = options with { BootstrapReplicates = 0 };
                    stderr.WriteLine($"latsym: warning: {testPoints} test points are too few for 95% intervals (at least {MinimumPointsForIntervals}); ci95 is left out (null in invariance.json, '-' in the report)");
                }
                var opened = run;
                // The evaluation does not observe a token, so it runs aside and a signal abandons it: the process
                // exits with the signal's code at once and, as nothing is written before it ends, writes nothing.
                evaluation = Task.Run(() => RunEvaluator.Evaluate(opened, options), CancellationToken.None)
                    .WaitAsync(cancellation).GetAwaiter().GetResult();
            }
            catch (RunDirectoryException e) { throw new UsageException(e.Message); }
            cancellation.ThrowIfCancellationRequested();
            string report = EvaluationReport.Json(run, evaluation, chosen);
            FigureFile.WriteAtomically(Path.Combine(dir, "invariance.json"), Encoding.UTF8.GetBytes(report));
            FigureFile.WriteAtomically(Path.Combine(dir, "profile.csv"), Encoding.UTF8.GetBytes(EvaluationReport.ProfileCsv(evaluation, chosen)));
            new ProfileFigure(evaluation, chosen, ProfileFigure.RunTitle(dir, run.Options)).Save(Path.Combine(dir, ProfileFigure.DefaultFileName));
            new AngleFigure(evaluation).Save(Path.Combine(dir, AngleFigure.DefaultFileName));
            if (parse.GetValue(json)) stdout.Write(report);
            else WriteReport(stdout, run, evaluation, chosen);
            return 0;
        }
    }

    static string G(double v) => double.IsFinite(v) ? NumberText.Short(v) : "-";

    static void WriteReport(TextWriter o, SavedRun run, RunEvaluation e, LayerMeasureSet measures)
    {
        o.WriteLine($"run:              {run.Directory}");
        string check = e.ReportedTestTaskLoss is double r ? (r.Equals(e.TestTaskLoss) ? " (= metrics.json, bit for bit)" : $" (metrics.json: {r.ToString("R", CultureInfo.InvariantCulture)}, DIFFERS)") : "";
        o.WriteLine($"test_task_loss:   {e.TestTaskLoss.ToString("R", CultureInfo.InvariantCulture)}{check}");
        o.WriteLine($"orbit_task_loss:  {G(e.OrbitTaskLoss)}   orbit_ratio: {G(e.OrbitRatio)}");
        if (e.Breaking is { } breaking)
        {
            o.WriteLine($"breaking_rms:     {G(breaking.BreakingRms)}   field_breaking_rms: {(breaking.FieldBreakingRms is double f ? G(f) : "-")}");
            if (breaking.BranchShare is double share)
                o.WriteLine($"branch_share:     {G(share)}{(breaking.BranchSquareContrast is double c ? $"   z^2 - (x^2 + y^2)/2: {G(c)}" : "")}");
            if (breaking.BranchCoefficients is { } coefficients)
                o.WriteLine($"branch:           {string.Join("  ", coefficients.Select(kv => $"{kv.Key} {G(kv.Value)}"))}");
        }
        o.WriteLine($"invariance_error: float32 {G(e.InvarianceErrorFloat32)}   float64 {G(e.InvarianceErrorFloat64)}   ({e.InvariancePoints} test points whose orbits stay in the domain)");
        o.WriteLine();
        var header = new StringBuilder("layer  width");
        foreach (var measure in measures) header.Append(CultureInfo.InvariantCulture, $"  {measure.Name,-27}");
        o.WriteLine(header.ToString().TrimEnd());
        for (int i = 0; i < e.Layers.Count; i++)
        {
            var l = e.Layers[i];
            var line = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{(l.Layer == -1 ? "out" : l.Layer.ToString(CultureInfo.InvariantCulture)),5}{(e.PenalisedLayer.Any(p => p.Value == l.Layer) ? "*" : " ")}{l.Width,6}");
            foreach (var measure in measures)
            {
                var m = l.Get(measure);
                line.Append(CultureInfo.InvariantCulture, $"  {$"{G(m.Value)} [{G(m.Lower)}, {G(m.Upper)}]",-27}");
            }
            o.WriteLine(line.ToString().TrimEnd());
        }
        if (e.Reference is { } reference)
        {
            var line = new StringBuilder("untrained, Q_h by layer:");
            foreach (var l in reference) line.Append(' ').Append(G(l.Get(LayerMeasures.Qh).Value));
            if (measures.Contains(LayerMeasures.Qh)) o.WriteLine(line.ToString());
        }
        if (e.PenalisedLayer.IsSet) o.WriteLine(e.PenalisedLayer.Count == 1 ? "* the penalised layer" : "* the penalised layers (the penalty is their sum)");
        o.WriteLine();
        o.WriteLine($"angle to {e.AxisName} (deg)  MSE of turned test points" + (e.TrainedUpToDegrees < 180 ? $"   (trained up to {e.TrainedUpToDegrees:0.#} deg)" : ""));
        if (e.AngleCurve.Count == 0 && run.Options.DataSource is not null) o.WriteLine("  - (a sample file has no truth at turned points)");
        foreach (var b in e.AngleCurve)
            o.WriteLine($"  {b.LowerDegrees,3:0}-{b.UpperDegrees,-3:0}  {G(b.MeanSquaredError),-10} ({b.Count} points)");
        o.WriteLine();
        o.WriteLine($"wrote invariance.json, profile.csv, profile.png, angle.png in {run.Directory} ({e.Seconds:0.0} s)");
    }
}
