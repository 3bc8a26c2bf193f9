using LatentSymmetry.Cli.Output;
using LatentSymmetry.Core.IO;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using LatentSymmetry.Core.Evaluation;
using LatentSymmetry.Core.Experiments.Grid;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Training;
using Spectre.Console;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Cli.Commands;

/// <summary><c>latsym benchmark</c>: the experiment grid over lambda_max × layer × learning rate × seed, resumable and shardable.</summary>
internal static class BenchmarkCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var o = new TrainingCliOptions(new TrainingOptions());
        var seeds = new Option<string[]>("--seeds")
        {
            Description = "Seeds: 42, 1-100, 1,5,9, or several of these, comma or space separated (duplicates removed, sorted).",
            DefaultValueFactory = _ => ["42"],
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
            HelpName = "SPEC",
        };
        var lambdas = new Option<string[]>("--lambdas")
        {
            Description = "lambda_max values (comma or space separated). Default: 0 0.001 0.003 0.01 0.03 0.1 0.2 0.3 0.5 1 2 3 5 10 100.",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var layerSpec = new Option<string[]>("--layers")
        {
            Description = "Symmetry layers (comma or space separated): 1..L and -1 (output), e.g. '1,3,-1', '2-4' or 'all' (default), " +
                "one layer per cell (a penalty summed over several layers is train's --symmetry-layer 2,4,-1). The baseline (none) always runs.",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var rates = new Option<string[]>("--learning-rates")
        {
            Description = "Learning rates (comma or space separated). Default: 1e-4 3e-4 6e-4.",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var penalties = new Option<string[]>("--penalties")
        {
            Description = "Penalty kinds, a grid axis (comma or space separated): raw (default, the original's), normalized, pca, pca-normalized " +
                "(see train --penalty). Raw's files keep the original's names and columns; another kind's go to files of their own " +
                "(_setup=...pen-KIND, with a penalty column), each with its own baseline, so analyze and compare treat each kind as a group.",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
            HelpName = "raw,normalized,...",
        };
        var results = new Option<string>("--results-dir") { Description = "Directory of the result CSV files (one per architecture, learning rate and seed).", DefaultValueFactory = _ => "results", HelpName = "DIR" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Runs in parallel, each single-threaded. Default: the machine's core count.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var evaluate = new Option<bool>("--evaluate")
        {
            Description = "Also measure each run as 'latsym evaluate' does (SL, Q_h, Q, RSL per layer, no MI, no intervals; orbit ratio; invariance error " +
                "in float32 and float64) and append one row per layer to results/evaluate/<result file name>, resumable with the results.",
        };
        var shard = new Option<string?>("--shard")
        {
            Description = "Run only shard K of N (1-based, K/N), a deterministic 1/N of the cells. Default: from SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT when set, else all.",
            HelpName = "K/N",
        };
        // The symmetry lab: alternatives run beside the penalty grid, each as one baseline cell per (seed, learning rate).
        var baselines = new Option<string[]>("--baselines")
        {
            Description = $"Alternatives to the penalty, run beside the grid: {string.Join("; ", Baseline.All.Select(b => $"{b.Name} ({b.Description})"))}; comma or space separated. Each goes to files of its own (_setup=...+augment).",
            AllowMultipleArgumentsPerToken = true,
            Arity = ArgumentArity.OneOrMore,
            HelpName = string.Join(",", Baseline.All.Select(b => b.Name)),
        };
        var command = new Command("benchmark",
            "Run the experiment grid: every lambda_max x symmetry layer, plus one baseline (no penalty), for each learning rate and seed " +
            "(and each penalty kind of --penalties).\n" +
            "Each finished run is appended to results/layers={L}x{H}_lr={lr}_seed={seed}.csv at once (the original project's format); " +
            "rerunning the same command runs only the missing cells, so a killed grid resumes where it stopped. Every number is " +
            "bitwise identical whatever --jobs and --shard are, and to 'latsym train' of the same cell.\n" +
            "Only what a row records is computed, and the lambda 0 cells of a seed and learning rate share their baseline's training " +
            "(the penalty never reaches a gradient at lambda 0): each measures its own layer on those weights in under a second.")
        {
            o.HiddenLayers, o.HiddenDim, seeds, lambdas, layerSpec, rates, penalties, o.Epochs, o.Samples, o.BatchSize, results, jobs, shard, evaluate,
            o.Group, o.Field, o.TrainRegion, o.Radius, o.InnerRadius, baselines,
        };
        // The asynchronous form gets Ctrl+C as a cancellation: running cells finish and are recorded.
        command.SetAction((parse, cancellation) => Task.FromResult(Execute(parse, cancellation)));
        return command;

        int Execute(ParseResult parse, CancellationToken cancellation)
        {
            // Architecture and schedule as for train; the grid sets the seed, learning rate, lambda and layer per cell.
            var template = o.Read(parse);
            // The per-layer measures turn points of R^d; states of several vectors (kepler) are not measured there yet.
            if (parse.GetValue(evaluate) && !template.Task.InputIsPoint)
                throw new UsageException($"--evaluate: field {template.FieldSpec} has states of {template.Task.Input}, which the measures do not take yet; run without --evaluate");
            foreach (var warning in o.Inapplicable(parse, template)) stderr.WriteLine($"latsym: warning: {warning}");
            int l = template.HiddenLayers;
            ExperimentGrid grid;
            ShardSpec shardSpec;
            try
            {
                // One rule for every list (ListOptionText): items separated by commas or spaces, none empty.
                var seedList = Named("--seeds", () => SeedSpec.Parse(ListOptionText.Split(parse.GetValue(seeds)!, "--seeds")));
                var lambdaList = ParseNumbers(parse.GetValue(lambdas), "--lambdas", allowZero: true);
                var rateList = ParseNumbers(parse.GetValue(rates), "--learning-rates", allowZero: false);
                var spec = parse.GetValue(layerSpec);
                var layerList = spec is { Length: > 0 } ? Named("--layers", () => SymmetryLayerText.ParseSpec(ListOptionText.Split(spec, "--layers"), l)) : null;
                var baselineSpec = parse.GetValue(baselines);
                var baselineList = baselineSpec is { Length: > 0 } ? ListOptionText.Split(baselineSpec, "--baselines") : [];
                foreach (var b in baselineList)
                    if (!BaselineVariant.IsKnown(b))
                        throw new UsageException($"--baselines: '{b}' is not a baseline; valid: {Baseline.ValidNames}");
                    else if (BaselineVariant.Apply(b, template).Validate() is { } refused)
                        throw new UsageException($"--baselines {b}: {refused}");
                var penaltyList = ParsePenalties(parse.GetValue(penalties));
                grid = new ExperimentGrid(l, template.HiddenDim, seedList, lambdaList, layerList, rateList, baselineList, penaltyList) { Setup = ExperimentGrid.SetupOf(template) };
                shardSpec = Named("--shard", () => ShardSpec.Resolve(parse.GetValue(shard), Environment.GetEnvironmentVariable));
            }
            catch (GridSpecException e)
            {
                throw new UsageException(e.Message);
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }
            int jobCount = parse.GetValue(jobs);
            if (jobCount < 1) throw new UsageException($"--jobs must be at least 1, got {jobCount}");
            var resultsDir = parse.GetValue(results)!;
            if (string.IsNullOrWhiteSpace(resultsDir)) throw new UsageException("--results-dir: empty path; give a directory such as results");
            try { Directory.CreateDirectory(resultsDir); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"--results-dir '{resultsDir}' cannot be created: {e.Message}");
            }

            var runner = new GridRunner(grid, resultsDir);
            var cells = shardSpec.Select(grid.Cells);
            // Nothing is planned ahead (a million seeds start at once): only the existing result files are read here.
            var (done, recoverWarnings) = runner.CountRecorded(shardSpec);
            foreach (var w in recoverWarnings) stderr.WriteLine($"latsym: warning: {w}");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"grid {l}x{template.HiddenDim}: {grid.Cells.Count} cells ({Count(grid.Seeds.Count, "seed")} x {Count(grid.LearningRates.Count, "learning rate")} x {grid.CellsPerFile}" +
                $"{(grid.Penalties.Count > 1 ? $" x {grid.Penalties.Count} penalties" : "")}" +
                $"{(grid.Baselines.Count > 0 ? $" plus {Count(grid.Baselines.Count, "baseline variant")} x {grid.Seeds.Count * grid.LearningRates.Count}" : "")}), " +
                $"shard {shardSpec}: {cells.Count}, already done {done}, to run {cells.Count - done} on {Count(jobCount, "job")}, {Count(template.Epochs, "epoch")} each"));

            // Cells start in order, so at most jobCount blocks are in flight: one twin more than that is never evicted
            // while a cell still needs it, and a big network's twins (weights and data) stay few.
            var training = new GridCellTraining(capacity: jobCount + 1);
            CellResult Train(GridCell cell, CancellationToken token)
            {
                var options = GridCellTraining.OptionsFor(cell, template);
                // Only what a row records is computed, and the lambda 0 cells share their baseline's training (same bits).
                var r = training.Run(options, token);
                if (parse.GetValue(evaluate) && !r.Diverged)
                {
                    var measured = RunEvaluator.Evaluate(options, r.Model, r.Data, EvaluationOptions.Default with
                    {
                        Measures = LayerMeasureSet.Of(LayerMeasures.SL, LayerMeasures.Qh, LayerMeasures.Q, LayerMeasures.Rsl), Reference = false, BootstrapReplicates = 0,
                    });
                    EvaluationCsv.Append(EvaluationCsv.PathFor(resultsDir, grid.FileFor(cell).FileName), EvaluationCsv.Rows(cell, measured));
                }
                // Set-up files (never the original's) carry the settings and the orbit task loss as columns.
                var extras = grid.FileFor(cell).Setup.Length == 0 ? null : new Dictionary<string, string>
                {
                    [ResultColumns.Group] = options.Group.Name,
                    [ResultColumns.Field] = options.FieldSpec.Contains(',') ? $"\"{options.FieldSpec.Replace("\"", "\"\"")}\"" : options.FieldSpec,
                    [ResultColumns.TrainRegion] = options.TrainRegion.ToString(),
                    [ResultColumns.Model] = ModelKindText.Format(options.Model),
                    [ResultColumns.Augment] = options.Augment ? "True" : "False",
                    [ResultColumns.OrbitTaskLoss] = PythonFloat.Format(r.OrbitTaskLoss),
                    [ResultColumns.Penalty] = PenaltyKindText.Format(cell.Penalty),
                };
                // The original writes 0.0 as the baseline's sym loss.
                return r.Diverged ? CellResult.DivergedAfter(r.History.Count) with { Extras = extras }
                    : new CellResult(r.TestTaskLoss, r.TestSymLoss ?? 0.0, r.History.Count) { Extras = extras };
            }

            GridRunSummary summary;
            try
            {
                summary = done == cells.Count
                    ? new GridRunSummary(cells.Count, done, 0, 0, 0, false, [])
                    : RunWithProgress(runner, cells, cells.Count - done, Train, jobCount, stdout, cancellation);
            }
            catch (IOException e) when (DiskFullException.IsDiskFull(e))
            {
                // The result store takes back a row cut short, so every file keeps whole rows only.
                throw DiskFullException.From(e, consequence: "the results keep their complete rows; free space and rerun to resume");
            }
            foreach (var w in summary.Warnings) stderr.WriteLine($"latsym: warning: {w}");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"done: {summary.Recorded} runs recorded ({summary.Diverged} diverged), {summary.AlreadyPresent} already present, " +
                $"{summary.RecordedElsewhere} recorded by another process, {summary.ClaimedElsewhere} being trained by another process" +
                $"{(summary.Cancelled ? "; cancelled, rerun to resume" : "")}; results in {resultsDir}"));
            // Program turns the cancellation into the signal's exit code (130 SIGINT, 143 SIGTERM).
            if (summary.Cancelled) throw new OperationCanceledException(cancellation);
            return 0;
        }
    }

    static GridRunSummary RunWithProgress(GridRunner runner, IReadOnlyList<GridCell> cells, int toRun, Func<GridCell, CancellationToken, CellResult> train,
        int jobs, TextWriter stdout, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        int done = 0, total = toRun;
        var gate = new object();
        string Line(CellOutcome o)
        {
            double perMinute = done / Math.Max(1e-9, clock.Elapsed.TotalMinutes);
            var left = TimeSpan.FromMinutes((total - done) / Math.Max(1e-9, perMinute));
            var layer = o.Cell.SymmetryLayer.ToString() + (o.Cell.Penalty == PenaltyKind.Raw ? "" : " " + PenaltyKindText.Format(o.Cell.Penalty));
            return string.Create(CultureInfo.InvariantCulture,
                $"[{done}/{total}] seed {o.Cell.Seed} lr {PythonFloat.Format(o.Cell.LearningRate)} layer {layer,4} lambda {PythonFloat.Format(o.Cell.LambdaMax),6}: " +
                $"task {o.Row.TestTaskLoss:0.000e+00} sym {o.Row.TestSymLoss:0.000e+00}{(o.Diverged ? " DIVERGED" : "")}  " +
                $"({perMinute:0.0} runs/min, {left:hh\\:mm\\:ss} left)");
        }

        bool interactive = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;
        if (!interactive || total == 0)
            return runner.Run(cells, train, jobs, o => { lock (gate) { done++; stdout.WriteLine(Line(o)); } }, cancellation);

        GridRunSummary? summary = null;
        var layout = ProgressLayout.ForConsole();
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(layout.Columns())
            .Start(ctx =>
            {
                var task = ctx.AddTask($"grid 0/{total}", maxValue: total);
                summary = runner.Run(cells, train, jobs, o =>
                {
                    lock (gate)
                    {
                        done++;
                        AnsiConsole.MarkupLine(Markup.Escape(Line(o)));
                        task.Description = layout.Fit(string.Create(CultureInfo.InvariantCulture,
                            $"grid {done}/{total}, {done / Math.Max(1e-9, clock.Elapsed.TotalMinutes):0.0} runs/min"), $"grid {done}/{total}");
                        task.Increment(1);
                    }
                }, cancellation);
            });
        return summary!;
    }

    // "1 seed", "3 seeds".
    static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");


    /// <summary>Runs a parser of one option's value; its error becomes a usage error that starts with the option.</summary>
    static T Named<T>(string option, Func<T> parse)
    {
        try { return parse(); }
        catch (Exception e) when (e is GridSpecException or ArgumentException)
        {
            throw new UsageException($"{option}: {e.Message}");
        }
    }

    // Penalty kinds as given (raw alone when absent), each once.
    static IReadOnlyList<PenaltyKind> ParsePenalties(string[]? tokens)
    {
        if (tokens is null || tokens.Length == 0) return [PenaltyKind.Raw];
        var kinds = new List<PenaltyKind>();
        foreach (var token in ListOptionText.Split(tokens, "--penalties"))
        {
            if (!PenaltyKindText.TryParse(token, out var kind))
                throw new UsageException($"--penalties: '{token}' is not a penalty; valid: {string.Join(", ", PenaltyKindText.All)}");
            if (kinds.Contains(kind)) throw new UsageException($"--penalties: '{token}' is listed twice");
            kinds.Add(kind);
        }
        return kinds;
    }

    static IReadOnlyList<double>? ParseNumbers(string[]? tokens, string option, bool allowZero)
    {
        if (tokens is null || tokens.Length == 0) return null;
        var values = new List<double>();
        foreach (var token in ListOptionText.Split(tokens, option))
        {
            if (!PythonFloat.TryParse(token, out var v) || !double.IsFinite(v) || v < 0 || (!allowZero && v == 0))
                throw new UsageException($"{option}: '{token}' is not a finite number {(allowZero ? ">= 0" : "> 0")}");
            values.Add(v);
        }
        return values.Distinct().Order().ToList();
    }
}
