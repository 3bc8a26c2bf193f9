using LatentSymmetry.Core.Data;
using System.CommandLine;
using System.Globalization;
using LatentSymmetry.Cli.Output;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Training;
using Spectre.Console;

namespace LatentSymmetry.Cli.Commands;

/// <summary><c>latsym train</c>: one training run of the latent-symmetry protocol, with its run directory.</summary>
internal static class TrainCommand
{
    // The fewest test points RunEvaluator measures (it refuses fewer): train refuses a run that would have fewer.
    const int EvaluableTestPoints = 3;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var d = new TrainingOptions();
        var o = new TrainingCliOptions(d);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Run directory to create (must not exist). Default: runs/<date-time>_<settings that differ from their defaults>, numbered _2, _3, ... if taken.",
            HelpName = "DIR",
        };
        var headless = new Option<bool>("--headless") { Description = "Skip the figures (loss_curves.png, slice.png)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object with the configuration, seeds, test losses and run directory instead of the report; progress goes to stderr." };
        var command = new Command("train",
            "Train an MLP on f = exp(-0.5 R^2) cos(2 R^2) (or another --field, see 'latsym fields') with the latent-symmetry penalty " +
            "lambda(epoch) * 1/2 E||h(R1 x) - h(R2 x)||^2 at one layer (or summed over several: --symmetry-layer 2,4,-1), R1, R2 Haar-random rotations.\n" +
            "Writes config.json, history.csv, batches.csv, metrics.json, model.safetensors and, unless --headless, " +
            "loss_curves.png and slice.png into the run directory, which appears only when complete.");
        o.AddTo(command);
        command.Options.Add(o.Data);
        command.Options.Add(o.DataTarget);
        command.Options.Add(o.Task);
        command.Options.Add(o.Dt);
        foreach (var option in o.PenaltyOptions) command.Options.Add(option);
        command.Options.Add(o.GradAlignInterval);
        command.Options.Add(output);
        command.Options.Add(headless);
        command.Options.Add(json);
        // The asynchronous form turns Ctrl+C / SIGTERM into a cancellation: the run stops between batches
        // and its staging directory is removed, so an interrupted run leaves nothing behind.
        command.SetAction((parse, cancellation) => Task.FromResult(Execute(parse, cancellation)));
        return command;

        int Execute(ParseResult parse, CancellationToken cancellation)
        {
            var options = o.Read(parse);
            foreach (var warning in o.Inapplicable(parse, options)) stderr.WriteLine($"latsym: warning: {warning}");
            bool asJson = parse.GetValue(json);
            var explicitOutput = parse.GetValue(output);
            if (explicitOutput is not null && string.IsNullOrWhiteSpace(explicitOutput))
                throw new UsageException("--output: empty path; give a directory to create, or leave the option out for runs/<date-time>_<settings>");
            // A penalty weight without a penalty layer does nothing: say so rather than name the run after it.
            if (!options.SymmetryLayers.IsSet && parse.GetResult(o.LambdaMax) is { Implicit: false })
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"latsym: warning: --lambda-sym-max {options.LambdaSymMax:R} has no effect with --symmetry-layer none (no penalty is applied)"));
            // evaluate refuses a run of fewer test points: refuse it now rather than train what cannot be evaluated.
            // The data are drawn once: checked here, then trained on (the options' own draw, so config.json is as always).
            FieldDataset<float> data;
            try { data = new Trainer(options).CreateDataset(); }
            catch (SampleFileException e) { throw new UsageException($"--data: {e.Message}"); } // changed between two reads
            int testPoints = data.Test.Count;
            if (testPoints is > 0 and < EvaluableTestPoints)
                throw new UsageException(options.DataSource is { } source
                    ? string.Create(CultureInfo.InvariantCulture, $"--data {source.Path}: its {source.Rows} rows leave {testPoints} test point{(testPoints == 1 ? "" : "s")}{(options.TrainRegion.IsFull ? "" : $" in {options.TrainRegion}")}; 'latsym evaluate' needs at least {EvaluableTestPoints} (give more rows)")
                    : string.Create(CultureInfo.InvariantCulture, $"--samples {options.Samples}: leaves {testPoints} test point{(testPoints == 1 ? "" : "s")}; 'latsym evaluate' needs at least {EvaluableTestPoints} (raise --samples)"));
            // The name is claimed here, before training: a clash is reported now, never after the run.
            using var staged = explicitOutput is not null
                ? StagedDirectory.Create(explicitOutput, "--output")
                : StagedDirectory.CreateUnique(Path.Combine("runs", RunName.For(options, DateTime.Now)), "--output");
            var dir = explicitOutput ?? Path.GetRelativePath(Environment.CurrentDirectory, staged.FinalPath);

            var result = RunWithProgress(options, data, asJson ? stderr : stdout, interactive: !asJson && ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected, cancellation);
            try
            {
                RunArtifacts.Write(staged.StagingPath, result);
                if (!parse.GetValue(headless)) RunFigures.Write(staged.StagingPath, result);
                staged.Commit();
            }
            catch (IOException e) when (DiskFullException.IsDiskFull(e))
            {
                // Named as the file of the run directory the user asked for, not of its staging directory
                // (which the dispose below removes).
                throw DiskFullException.From(e, path => path.Replace(staged.StagingPath, dir, StringComparison.Ordinal), "the run directory was not created");
            }

            if (asJson) stdout.WriteLine(RunArtifacts.MetricsJson(result, dir).TrimEnd());
            else RunReport.Write(stdout, result, dir, Interactive(stdout) ? ProgressLayout.ForConsole().Width : null);
            return 0;
        }
    }

    // The console itself, not redirected: its width applies (progress and report are laid out for it).
    static bool Interactive(TextWriter stdout) => ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected;

    static TrainingResult RunWithProgress(TrainingOptions options, FieldDataset<float> data, TextWriter progress, bool interactive, CancellationToken cancellation)
    {
        var trainer = new Trainer(options, data, Trainer.CreateModel<float>(options));
        if (!interactive)
        {
            // Redirected output: a plain line about every 5% of the run, readable in a log file.
            int every = Math.Max(1, options.Epochs / 20);
            return trainer.Run(m =>
            {
                if (m.Epoch % every == 0 || m.Epoch == options.Epochs - 1) progress.WriteLine(RunReport.EpochLine(m, options.Epochs));
            }, cancellation);
        }
        TrainingResult? result = null;
        // Laid out for the terminal's width so the line never wraps (a wrapped line leaves fragments behind).
        var layout = ProgressLayout.ForConsole();
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(layout.Columns())
            .Start(ctx =>
            {
                var task = ctx.AddTask("epoch 0", maxValue: options.Epochs);
                result = trainer.Run(m =>
                {
                    task.Description = Markup.Escape(layout.Fit(RunReport.EpochForms(m, options.Epochs)));
                    task.Increment(1);
                }, cancellation);
            });
        return result!;
    }
}
