using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LatentSymmetry.Cli.Output;
using LatentSymmetry.Cli.Plots;
using LatentSymmetry.Core.Evaluation;
using LatentSymmetry.Core.Experiments.Grid;
using LatentSymmetry.Core.Experiments.Statistics;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.IO;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;
using LatentSymmetry.Core.Experiments;
using LatentSymmetry.Core.Experiments.Runs;
using LatentSymmetry.Core.Experiments.Survey;

namespace LatentSymmetry.Cli.Commands;

/// <summary><c>latsym survey</c>: train on each field and seed, evaluate every run, draw the authors' survey figure and the mix sweep.</summary>
internal static class SurveyCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        // The survey's defaults: the plain MLP (no penalty) on the disk, 100 epochs as in the authors' survey.
        var d = new TrainingOptions { Group = SymmetryGroup.So2, SymmetryLayers = SymmetryLayer.None, LambdaSymMax = 0, Epochs = 100 };
        var o = new TrainingCliOptions(d);
        var fields = new Option<string?>("--fields")
        {
            Description = "Fields to survey, comma-separated specs (see 'latsym fields'; a spec's own k=v parameters may follow it: " +
                "gaussian-ring,multi-ring:centers=0.3;0.7,std=0.08,x). Default: every field of the group's dimension in the catalogue except mix.",
            HelpName = "F1,F2,...",
        };
        var seeds = new Option<string>("--seeds") { Description = "Run seeds: a list and/or ranges, e.g. 1-5 or 1,3,7-9.", DefaultValueFactory = _ => "1-5", HelpName = "LIST" };
        var metric = new Option<string>("--metric") { Description = $"The measure drawn: one of {LayerMeasures.ValidNames} (see 'latsym evaluate --help'). MI is much slower.", DefaultValueFactory = _ => "Q", HelpName = "NAME" };
        var mixAlphas = new Option<string?>("--mix-alpha")
        {
            Description = "Also survey mix = (1 - alpha) a + alpha b at these alphas (the authors': 0,0.01,0.03,0.1,0.3,1) and draw mix.png: the measure at each layer against alpha (on a log axis with 0 when the positive alphas span a decade).",
            HelpName = "A1,A2,...",
        };
        var mixA = new Option<string>("--mix-a") { Description = "Field a of the mix sweep (invariant in the authors' sweep).", DefaultValueFactory = _ => "bessel-j0:scale=10", HelpName = "SPEC" };
        var mixB = new Option<string>("--mix-b") { Description = "Field b of the mix sweep (not invariant in the authors' sweep).", DefaultValueFactory = _ => "radial-angular:k=2", HelpName = "SPEC" };
        var shard = new Option<string?>("--shard")
        {
            Description = "Train and evaluate only shard K of N (1-based, K/N) of the (field, seed) runs, a deterministic 1/N; default from " +
                "SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT when set, else all. Shards share --output; each draws the figures from the runs done so far.",
            HelpName = "K/N",
        };
        var output = new Option<string>("--output", "-o") { Description = "Survey directory: runs/ (one run directory per field and seed), survey.csv, survey_summary.csv, survey.png, mix.png.", DefaultValueFactory = _ => "survey", HelpName = "DIR" };
        var command = new Command("survey",
            "The authors' field survey: train a network on each field (--fields) for each seed (--seeds), evaluate every run as " +
            "'latsym evaluate' does (without MI unless --metric MI), and draw survey.png: the measure against the layer, one line per " +
            "field with its 95% interval across seeds (mean, t-interval), each field in a colour and marker of its own, fields invariant " +
            "under the group solid and the others dotted, the untrained network dashed; plus survey.csv (field, invariant, seed, layer, value), survey_summary.csv (mean, " +
            "CI, median per field and layer) and a table. Resumable: a run directory that already holds invariance.json is read, not " +
            "retrained, so an interrupted survey continues where it stopped. Default: the plain MLP (no penalty) on the disk under so2; " +
            "--symmetry-layer with --lambda-sym-max and --penalty train with a penalty instead.")
        {
            fields, seeds, metric, mixAlphas, mixA, mixB, output, shard,
        };
        foreach (var option in new Option[] { o.Layer, o.LambdaMax, o.HiddenLayers, o.HiddenDim, o.LearningRate, o.Epochs, o.BatchSize, o.Samples, o.Group, o.Radius, o.InnerRadius,
            o.Model, o.Augment, o.TrainRegion })
            command.Options.Add(option);
        // Every model kind can be surveyed (the relaxed model with its branch's settings), as train takes it.
        foreach (var option in o.Relax.All) command.Options.Add(option);
        foreach (var option in o.PenaltyOptions) command.Options.Add(option);
        // The survey trains without a penalty by default, so its lambda defaults to 0: say so where it is read.
        o.LambdaMax.Description = "Maximum penalty weight; lambda rises from 0 as (1 - cos(pi e / (E - 1))) / 2. The survey's default is 0: give it with --symmetry-layer.";
        command.SetAction((parse, cancellation) => Task.FromResult(Execute(parse, cancellation)));
        return command;

        int Execute(ParseResult parse, CancellationToken cancellation)
        {
            var template = o.Read(parse);
            foreach (var warning in o.Inapplicable(parse, template)) stderr.WriteLine($"latsym: warning: {warning}");
            if (!LayerMeasures.TryParse(parse.GetValue(metric), out var chosenSet, out var metricError) || chosenSet.Count != 1)
                throw new UsageException($"--metric: {(metricError.Length > 0 ? metricError : $"give one measure: {LayerMeasures.ValidNames}")}");
            var chosen = chosenSet[0];
            string metricName = chosen.Name;
            IReadOnlyList<int> seedList;
            try { seedList = SeedSpec.Parse(ListOptionText.Split([parse.GetValue(seeds)!], "--seeds")); }
            catch (Exception e) when (e is FormatException or ArgumentException or GridSpecException) { throw new UsageException($"--seeds: {e.Message}"); }
            WarnAboutPenalty(parse, template, stderr);

            var specs = parse.GetValue(fields) is { } list ? FieldList.Split(list, "--fields")
                : FieldCatalog.All.Where(f => f.Dimension == template.Group.Dimension).Select(f => f.Name).ToList();
            var alphas = new List<double>();
            if (parse.GetValue(mixAlphas) is { } alphaText)
                foreach (var a in ListOptionText.Split([alphaText], "--mix-alpha"))
                {
                    if (!double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out double alpha) || !(alpha is >= 0 and <= 1))
                        throw new UsageException($"--mix-alpha: '{a}' is not a weight in [0, 1]");
                    alphas.Add(alpha);
                }
            // Each part of the mix is checked on its own, so an error names the option that holds it.
            // A mix sweep reads them, and a spec given is checked even without one; the defaults are disk fields,
            // which a 3-D survey without a sweep never reads.
            var partA = alphas.Count > 0 || parse.GetResult(mixA) is { Implicit: false } ? ParseField(parse.GetValue(mixA)!, "--mix-a", template, seedList[0]) : null;
            var partB = alphas.Count > 0 || parse.GetResult(mixB) is { Implicit: false } ? ParseField(parse.GetValue(mixB)!, "--mix-b", template, seedList[0]) : null;
            if (alphas.Count == 0)
                foreach (var (part, given) in new[] { ("--mix-a", parse.GetResult(mixA)), ("--mix-b", parse.GetResult(mixB)) })
                    if (given is { Implicit: false }) stderr.WriteLine($"latsym: warning: {part} has no effect without --mix-alpha (no mix is surveyed)");
            var all = new List<IScalarField>();
            foreach (var spec in specs) all.Add(ParseField(spec, "--fields", template, seedList[0]));
            foreach (var alpha in alphas)
                all.Add(ParseField(string.Create(CultureInfo.InvariantCulture, $"mix:alpha={alpha:R},a=({partA!.Spec}),b=({partB!.Spec})"), "--mix-alpha", template, seedList[0]));
            // Two spellings of one field (radius, radius:...) would share their run directories.
            ListOptionText.RefuseRepeats(all.Take(specs.Count).Select(f => f.Spec), "--fields");
            ListOptionText.RefuseRepeats(alphas.Select(a => a.ToString("R", CultureInfo.InvariantCulture)), "--mix-alpha");
            if (all.Count == 0) throw new UsageException("--fields: no field given");

            ShardSpec shardSpec;
            try { shardSpec = ShardSpec.Resolve(parse.GetValue(shard), Environment.GetEnvironmentVariable); }
            catch (GridSpecException e) { throw new UsageException(e.Message); }
            string dir = parse.GetValue(output)!;
            WritableDirectory.Check(dir, "--output", "survey.csv", "survey_summary.csv", "survey.png", "mix.png");
            WritableDirectory.Check(Path.Combine(dir, "runs"), "--output");
            var evaluation = EvaluationOptions.Default with
            {
                // The orbit moments always (the table's other columns read them), and the chosen measure.
                Measures = LayerMeasureSet.Of(LayerMeasures.SL, LayerMeasures.Qh, LayerMeasures.Q, LayerMeasures.Rsl, chosen),
            };
            // Each run's measures by (field, seed); the lists below are built in the survey's order at the end, so the outputs
            // do not depend on which process did which run.
            var measured = new Dictionary<(string Field, int Seed), (double[] Values, double[] Reference)>();
            int total = all.Count * seedList.Count, done = 0, missing = 0;
            var ledger = new SurveyLedger(dir, template, evaluation, stderr, Read) { Diverged = _ => done++ };
            // This process's runs: its shard's, and any run already recorded (read, not redone).
            var mine = new List<SurveyRun>();
            int index = 0;
            foreach (var field in all)
                foreach (int seed in seedList)
                {
                    var run = new SurveyRun(field, seed, RunName(field, seed));
                    if (shardSpec.Contains(index++) || ledger.IsRecorded(run, fresh: true)) mine.Add(run);
                    else missing++; // another shard's run, not done yet
                }
            foreach (var run in mine.Where(r => ledger.IsRecorded(r, fresh: true))) Read(run);
            var pending = mine.Where(r => !ledger.IsRecorded(r, fresh: true)).ToList();
            // Runs another survey on the same --output holds are waited for, and taken over if it stops (issue 19, row 16).
            while (true)
            {
                ExperimentRunner.Run(pending, ledger, threads: 1, cancellation);
                cancellation.ThrowIfCancellationRequested();
                pending.RemoveAll(r => ledger.Done.Contains(r) || ledger.IsRecorded(r, fresh: true) && Read(r));
                if (pending.Count == 0) break;
                Thread.Sleep(500);
            }

            // Reads one recorded run's measures and reports it.
            bool Read(SurveyRun run)
            {
                var values = ReadLayers(Path.Combine(dir, "runs", run.Name, "invariance.json"), metricName);
                measured[(run.Field.Spec, run.Seed)] = values;
                done++;
                stderr.WriteLine($"[{done}/{total}] {run.Field.Spec} seed {run.Seed}: {metricName} at the output {NumberText.Short(values.Values[^1])}");
                return true;
            }

            var results = new Dictionary<string, List<(double[] Values, double[] Reference)>>();
            // runSeeds[field][i] = the run seed of results[field][i]: survey.csv names a run by its seed, as its folder does.
            var runSeeds = new Dictionary<string, List<int>>();
            foreach (var field in all)
            {
                results[field.Spec] = [];
                runSeeds[field.Spec] = [];
                foreach (int seed in seedList)
                    if (measured.TryGetValue((field.Spec, seed), out var values))
                    {
                        results[field.Spec].Add(values);
                        runSeeds[field.Spec].Add(seed);
                    }
            }
            if (missing > 0) stderr.WriteLine($"{missing} of {total} runs belong to other shards and are not done yet: the figures and tables leave them out");
            WriteOutputs(stdout, dir, metricName, template, all, results, runSeeds, alphas, all.Skip(specs.Count).Select(f => f.Spec).ToList(), parse.GetValue(mixA)!, parse.GetValue(mixB)!);
            return 0;
        }
    }

    // A field spec as the survey takes it: known, of the group's dimension and finite on the data; errors name option.
    static IScalarField ParseField(string spec, string option, TrainingOptions template, int firstSeed)
    {
        IScalarField field;
        try { field = FieldCatalog.Parse(spec); }
        catch (FormatException e) { throw new UsageException($"{option}: {e.Message}"); }
        if (field.Dimension != template.Group.Dimension)
            throw new UsageException($"{option}: {field.Spec} takes {field.Dimension}-D points but group {template.Group.Name} acts on {template.Group.Dimension}-D points");
        FieldValueCheck.OnData(template with { Field = field, RunSeed = firstSeed }, option);
        return field;
    }

    // The survey's lambda defaults to 0, so a penalty layer alone does nothing, as a lambda without a layer does in
    // train: both are said, in train's words.
    static void WarnAboutPenalty(ParseResult parse, TrainingOptions template, TextWriter stderr)
    {
        var given = parse.CommandResult.Children.OfType<System.CommandLine.Parsing.OptionResult>().Where(r => !r.Implicit).Select(r => r.Option.Name).ToHashSet();
        var inv = CultureInfo.InvariantCulture;
        if (template.SymmetryLayers.IsSet && template.LambdaSymMax == 0)
            stderr.WriteLine(given.Contains("--lambda-sym-max")
                ? $"latsym: warning: --symmetry-layer {template.SymmetryLayers} has no effect with --lambda-sym-max 0 (no penalty is applied)"
                : $"latsym: warning: --symmetry-layer {template.SymmetryLayers} has no effect with the survey's --lambda-sym-max 0 (no penalty is applied); give --lambda-sym-max");
        else if (!template.SymmetryLayers.IsSet && given.Contains("--lambda-sym-max"))
            stderr.WriteLine(string.Create(inv, $"latsym: warning: --lambda-sym-max {template.LambdaSymMax:R} has no effect with --symmetry-layer none (no penalty is applied)"));
    }

    static string RunName(IScalarField field, int seed)
    {
        var safe = new StringBuilder();
        foreach (char c in field.Spec) safe.Append(char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_');
        // A long spec (nested mixes) is shortened with a hash of it; survey.csv and config.json keep it whole.
        return $"{NameToken.Shorten(safe.ToString())}_seed{seed}";
    }

    static (double[] Values, double[] Reference) ReadLayers(string path, string metric)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        static double[] Values(JsonElement layers, string metric) => layers.EnumerateArray()
            .Select(l => l.TryGetProperty(metric, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : double.NaN).ToArray();
        var root = doc.RootElement;
        return (Values(root.GetProperty("layers"), metric),
            root.TryGetProperty("reference_layers", out var r) ? Values(r, metric) : []);
    }

    static void WriteOutputs(TextWriter stdout, string dir, string metric, TrainingOptions template, List<IScalarField> fields,
        Dictionary<string, List<(double[] Values, double[] Reference)>> results, Dictionary<string, List<int>> runSeeds, List<double> alphas, List<string> mixSpecs, string mixA, string mixB)
    {
        int depth = template.HiddenLayers + 1;
        var table = new SurveyTable(metric, depth);
        foreach (var field in fields.DistinctBy(f => f.Spec))
        {
            table.AddField(field.Spec, field.InvariantUnder.Contains(template.Group));
            for (int s = 0; s < results[field.Spec].Count; s++) table.AddRun(field.Spec, runSeeds[field.Spec][s], results[field.Spec][s].Values);
        }
        var lines = new List<SurveyFigure.FieldLine>();
        foreach (var field in fields.Where(f => !mixSpecs.Contains(f.Spec) || alphas.Count == 0))
            lines.Add(new SurveyFigure.FieldLine(field.Spec, field.InvariantUnder.Contains(template.Group), [.. Enumerable.Range(0, depth).Select(k => table.Values(field.Spec, k))]));
        FigureFile.WriteAtomically(Path.Combine(dir, "survey.csv"), Encoding.UTF8.GetBytes(table.Csv()));
        FigureFile.WriteAtomically(Path.Combine(dir, "survey_summary.csv"), Encoding.UTF8.GetBytes(table.SummaryCsv()));
        var reference = Enumerable.Range(0, depth).Select(k => results.Values.SelectMany(r => r).Select(r => k < r.Reference.Length ? r.Reference[k] : double.NaN)
            .Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average()).ToList();
        SurveyFigure.Save(Path.Combine(dir, "survey.png"), metric, template.Group.Name, lines, reference);
        if (alphas.Count > 0)
        {
            var perAlpha = mixSpecs.Select(spec => (IReadOnlyList<IReadOnlyList<double>>)Enumerable.Range(0, depth)
                .Select(k => (IReadOnlyList<double>)results[spec].Select(r => k < r.Values.Length ? r.Values[k] : double.NaN).ToList()).ToList()).ToList();
            SurveyFigure.SaveMix(Path.Combine(dir, "mix.png"), metric, alphas, perAlpha, mixA, mixB);
        }

        // The table: mean (median) per field and layer.
        var header = new StringBuilder($"{metric,-44} inv ");
        for (int k = 0; k < depth; k++) header.Append(CultureInfo.InvariantCulture, $" {(k == depth - 1 ? "out" : $"L{k + 1}"),9}");
        stdout.WriteLine(header.ToString());
        foreach (var field in fields)
        {
            var row = new StringBuilder($"{Shorten(field.Spec),-44} {(field.InvariantUnder.Contains(template.Group) ? "yes" : "no "),-3} ");
            for (int k = 0; k < depth; k++)
            {
                var st = table.Summary(field.Spec, k);
                row.Append(CultureInfo.InvariantCulture, $" {NumberText.Short(st.Mean, 3),9}");
            }
            stdout.WriteLine(row.ToString());
        }
        stdout.WriteLine($"wrote survey.csv, survey_summary.csv, survey.png{(alphas.Count > 0 ? ", mix.png" : "")} in {dir} (means over seeds; runs in {Path.Combine(dir, "runs")})");
    }

    static string Shorten(string s) => s.Length <= 44 ? s : s[..41] + "...";
}
