using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using LatentSymmetry.Cli.Output;
using LatentSymmetry.Cli.Plots;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Discovery;
using LatentSymmetry.Core.Evaluation;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Cli.Commands;

/// <summary><c>latsym discover</c>: which linear symmetries a trained model or an analytic field has, where, and how broken.</summary>
internal static class DiscoverCommand
{
    /// <summary>
    /// Points drawn when --points is not given. At 2,000 the distances of well-trained models were mostly the sample's own
    /// noise (a penalised MLP's 0.030-0.043 rad from so(3) fell to 0.013-0.020 at 10,000 and 0.009-0.017 at 20,000); 10,000
    /// costs about half a second more than 2,000 (1.14 s wall against 0.66 s).
    /// </summary>
    public const int DefaultPoints = 10000;

    /// <summary>The seed of the discovery points: fixed, so a discovery is repeatable, and apart from every run's streams.</summary>
    public const int PointSeed = 2020;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var runDir = new Argument<string?>("RUN_DIR")
        {
            Description = "A run directory written by 'latsym train' (config.json and model.safetensors). Give it or --field.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var field = new Option<string?>("--field")
        {
            Description = "Discover the symmetries of an analytic field of the catalogue instead (NAME[:k=v,...], see 'latsym fields'): the ground truth " +
                "a model is compared with. Points come from the field's default domain ([-5, 5]^3 in 3-D, the unit disk in 2-D).",
            HelpName = "SPEC",
        };
        var points = new Option<int>("--points")
        {
            Description = $"Points drawn uniformly from the run's domain (seed {PointSeed}); at least n^2 (9 in 3-D, 4 on the disk), at most 1000000.",
            HelpName = "N",
            DefaultValueFactory = _ => DefaultPoints,
        };
        var within = new Option<string>("--within")
        {
            Description = "The space searched: gl (every linear map, n^2 dimensions) or so (the rotation algebra: so(3) in 3-D, so(2) on the disk).",
            HelpName = "gl|so",
            DefaultValueFactory = _ => "gl",
        };
        within.AcceptOnlyFromAmong("gl", "so");
        var charts = new Option<string?>("--charts")
        {
            Description = "Also discover in each chart of an atlas: shells:K (K shells of equal width in |x|), octants (signs of the coordinates; " +
                "quadrants on the disk), kmeans:K (k-means clusters of the points) or cone:DEG (within DEG degrees of +z, and the rest). " +
                "A chart with fewer points than the space's dimension is warned about and skipped.",
            HelpName = "SPEC",
        };
        var json = new Option<bool>("--json") { Description = "Print discovery.json's object instead of the report." };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Directory for discovery.json and spectrum.png (created if missing). Default: RUN_DIR; with --field nothing is written unless it is given.",
            HelpName = "DIR",
        };
        var command = new Command("discover",
            "Discover the linear symmetries of a trained model or of an analytic field from its input gradients: A is a symmetry when " +
            "grad f(x) . (A x) = 0 at every x, so the rows grad f(x_i) . (B_j x_i) over N points and a basis B_j of the space searched form a matrix " +
            "whose null space is the algebra. Prints the singular values (ascending, relative to a random direction of gl), the dimension and the " +
            "statistic that decided it, the basis as matrices, the Grassmann distances (radians) to so(3) and to the rotations about each axis " +
            "(so2 on the disk), the closest, and the violation of each generator (relative and as an absolute rate). The dimension is the number " +
            "of leading singular directions v_k along which the reference changes no more than the gradients' own error does: for a model, the " +
            "field's rate ||M v_k|| against the model's gradient error rate ||E v_k|| (E the constraint of grad model - grad field); for a field, " +
            "rounding (or the finite-difference error of a field without a closed-form gradient). No threshold is set by hand; see docs/cli/discover.md. " +
            "The model's gradients are taken in float64 through the tape, all points in one batch. " +
            "Writes discovery.json and spectrum.png. Bad input (a run directory without weights, --points below n^2, an unknown field) is a " +
            "one-line error, exit code 2.")
        {
            runDir, field, points, within, charts, json, output,
        };
        command.SetAction((parse, cancellation) => Task.FromResult(Execute(parse, cancellation)));
        return command;

        int Execute(ParseResult parse, CancellationToken cancellation)
        {
            var clock = Stopwatch.StartNew();
            string? dir = parse.GetValue(runDir);
            string? spec = parse.GetValue(field);
            if ((dir is null) == (spec is null))
                throw new UsageException(dir is null ? "give a RUN_DIR or --field SPEC" : "give a RUN_DIR or --field SPEC, not both");
            int count = parse.GetValue(points);
            ChartSpec? chartSpec = null;
            if (parse.GetValue(charts) is { } chartText && !ChartSpec.TryParse(chartText, out chartSpec, out var chartError))
                throw new UsageException($"--charts {chartError}");

            SavedRun? run = null;
            IScalarField? target = null;
            SampleFile? samples = null;
            SamplingDomain domain;
            string subject;
            if (dir is not null)
            {
                try { run = SavedRun.Open(dir); }
                catch (RunDirectoryException e) { throw new UsageException(e.Message); }
                domain = run.Options.Domain;
                if (run.Options.DataSource is { } source)
                {
                    try { samples = SampleFile.Reread(source); }
                    catch (SampleFileException e) { throw new UsageException($"{dir}: its data file {e.Message}"); }
                }
                else target = run.Options.TargetField;
                subject = $"run {dir} ({(samples is null ? $"field {target!.Spec}" : $"data {samples.Source.Path}")}, model {run.Options.Model.Name}{(run.Options.TrainRegion.IsFull ? "" : $", trained on {run.Options.TrainRegion}")})";
            }
            else
            {
                try { target = FieldCatalog.Parse(spec!); }
                catch (FormatException e) { throw new UsageException($"--field: {e.Message}"); }
                domain = new TrainingOptions { Group = target.Dimension == 2 ? Core.Symmetry.SymmetryGroup.So2 : Core.Symmetry.SymmetryGroup.So3 }.Domain;
                subject = $"field {target.Spec} ({target.Formula})";
            }
            int n = domain.Dimension;
            if (count < n * n || count > 1_000_000)
                throw new UsageException($"--points must be in {n * n}..1000000 (at least n^2 = {n * n} for points of R^{n}), got {count}");
            if (chartSpec is not null && n != 3 && chartSpec.Text.StartsWith("cone", StringComparison.Ordinal))
                throw new UsageException($"--charts {chartSpec}: a cone about +z needs 3-D points; this {(run is null ? "field" : "run")} is {n}-D");
            var space = parse.GetValue(within) == "so" ? AlgebraSpace.Rotations(n) : AlgebraSpace.GeneralLinear(n);

            string? outDir = parse.GetValue(output) ?? dir;
            if (outDir is not null) WritableDirectory.Check(outDir, parse.GetValue(output) is null ? "RUN_DIR" : "--output", "discovery.json", SpectrumFigure.DefaultFileName);

            double[] xs;
            double[] fieldGradients;
            double[]? differenceErrors = null;
            string reference;
            if (samples is not null)
            {
                // A sample file has no field between its rows: the points are its own rows (a seeded choice of --points of
                // them), and the reference gradient is the slope of the data there.
                if (count > samples.Count && parse.GetResult(points) is { Implicit: false }) stderr.WriteLine($"latsym: note: the run's data file has {samples.Count} rows; discovering at all of them (--points {count})");
                var rows = new RandomStream(PointSeed).Permutation(samples.Count).Take(Math.Min(count, samples.Count)).ToArray();
                count = rows.Length;
                xs = new double[count * n];
                for (int i = 0; i < count; i++) Array.Copy(samples.Points, rows[i] * n, xs, i * n, n);
                int k = Math.Min(SampleGradients.DefaultNeighbours(n), samples.Count);
                fieldGradients = SampleGradients.LocalLinear(samples.Points, samples.Targets, n, rows, k);
                reference = $"the data's local slope (least-squares plane through the {k} nearest samples)";
            }
            else
            {
                xs = new double[count * n];
                domain.Fill(new RandomStream(PointSeed), xs.AsSpan());
                reference = "";
                fieldGradients = [];
            }
            // Differences for a field without a closed-form gradient: a step of 1e-3 of the domain's extent, where the
            // fourth-order truncation (~h^4) and the rounding (~eps/h) are both far below any model's error.
            double step = 1e-3 * domain.Extent;
            if (target is not null)
            {
                (fieldGradients, differenceErrors) = InputGradients.Of(target, xs, step);
                reference = $"the field {target.Spec}" + (differenceErrors is null ? " (closed form)" : " (finite differences)");
            }
            // A field with a singular point (or one whose differences straddle it) has no usable gradient there.
            int bad = Array.FindIndex(fieldGradients, v => !double.IsFinite(v));
            if (bad >= 0)
            {
                var at = string.Join(", ", xs.AsSpan(bad / n * n, n).ToArray().Select(v => v.ToString("G6", CultureInfo.InvariantCulture)));
                throw new UsageException($"{(target is null ? "data" : $"field {target.Spec}")}: its gradient is not finite at ({at}); discovery needs a field differentiable at every point");
            }
            GradientSample sample;
            if (run is not null)
            {
                Core.Models.Module<double> model;
                try { model = run.LoadModel<float>().To<double>(); }
                catch (RunDirectoryException e) { throw new UsageException(e.Message); }
                var g = InputGradients.Of(model, xs, n);
                var error = new double[g.Length];
                for (int i = 0; i < g.Length; i++) error[i] = g[i] - fieldGradients[i];
                if (g.Any(v => !double.IsFinite(v))) throw new UsageException($"{dir}: the model's gradients are not finite (diverged weights?)");
                sample = new GradientSample(xs, g, error, n, $"the model in float64 through the tape; reference: {reference}; error = model - {(samples is null ? "field" : "data")}") { ErrorIsDeviation = true };
            }
            else
                sample = new GradientSample(xs, fieldGradients, differenceErrors, n,
                    differenceErrors is null ? "the field's closed-form gradient" : $"the field by 4th-order central differences, h = {step.ToString("G3", CultureInfo.InvariantCulture)}; error = h minus 2h estimate");

            var whole = SymmetryDiscovery.Discover(sample, space);
            List<ChartDiscovery>? chartResults = null;
            if (chartSpec is not null)
            {
                chartResults = [];
                foreach (var chart in chartSpec.Split(xs, n))
                {
                    double? covered = null;
                    if (run is not null && !run.Options.TrainRegion.IsFull && chart.Indices.Count > 0)
                        covered = chart.Indices.Count(i => run.Options.TrainRegion.Contains<double>(xs.AsSpan(i * n, n))) / (double)chart.Indices.Count;
                    if (chart.Indices.Count < SymmetryDiscovery.MinimumPoints(space.Dimension))
                    {
                        stderr.WriteLine($"latsym: warning: chart '{chart.Name}' has {chart.Indices.Count} points, fewer than the {space.Dimension} that {space.Name} needs; skipped");
                        chartResults.Add(new ChartDiscovery(chart.Name, chart.Indices.Count, null, covered));
                        continue;
                    }
                    chartResults.Add(new ChartDiscovery(chart.Name, chart.Indices.Count, SymmetryDiscovery.Discover(sample.Subset(chart.Indices), space), covered));
                }
            }
            cancellation.ThrowIfCancellationRequested();
            string domainText = samples is null ? domain.Description
                : string.Create(CultureInfo.InvariantCulture, $"rows of the run's data file ({samples.Count} in all; {(n == 3 ? $"|coordinates| <= {domain.Extent:G4}" : $"r <= {domain.Extent:G4}")})");
            string report = DiscoveryReport.Json(subject, domainText, whole, chartResults, chartSpec?.Text);
            if (outDir is not null)
            {
                FigureFile.WriteAtomically(Path.Combine(outDir, "discovery.json"), Encoding.UTF8.GetBytes(report));
                string title = run is not null ? $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(dir!))}: spectrum in {space.Name}" : $"{target!.Spec}: spectrum in {space.Name}";
                new SpectrumFigure(whole, title).Save(Path.Combine(outDir, SpectrumFigure.DefaultFileName));
            }
            if (parse.GetValue(json)) stdout.Write(report);
            else
            {
                DiscoveryReport.Write(stdout, subject, domainText, whole, chartResults);
                stdout.WriteLine();
                stdout.WriteLine(outDir is null ? $"({clock.Elapsed.TotalSeconds:0.00} s; nothing written: give -o DIR to keep discovery.json and spectrum.png)"
                    : $"wrote {Path.Combine(outDir, "discovery.json")} and {Path.Combine(outDir, SpectrumFigure.DefaultFileName)} ({clock.Elapsed.TotalSeconds:0.00} s)");
            }
            return 0;
        }
    }
}
