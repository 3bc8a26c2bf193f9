using LatentSymmetry.Cli.Output;
using System.CommandLine;
using LatentSymmetry.Cli.Plots;
using LatentSymmetry.Core.Evaluation;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Experiments.Analysis;
using LatentSymmetry.Core.Experiments.Grid;

namespace LatentSymmetry.Cli.Commands;

/// <summary><c>latsym compare</c>: test losses against lambda_max, one line per layer with CIs across seeds, against the baseline.</summary>
internal static class CompareCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("FILES")
        {
            Description = "Seed files of one architecture, learning rate and set-up, and the files of its benchmark --baselines beside them (files, directories or globs).",
            Arity = ArgumentArity.OneOrMore,
        };
        var layers = new Option<string?>("--layers")
        {
            Description = "Which lines to draw, as the original's spec: n = baseline (with the --baselines alternatives of benchmark, when the files hold them), 1-9 = hidden layers, l = output layer (e.g. n123456l). Default: all in the files.",
            HelpName = "SPEC",
        };
        var output = new Option<string>("--output", "-o") { Description = "Figure file to write (replaced if it exists, unless it is read-only).", DefaultValueFactory = _ => "compare.png", HelpName = "FILE" };
        var format = new Option<string?>("--format") { Description = "png or svg. Default: from the --output extension (.png or .svg; png when it has none); another extension is refused." };
        format.AcceptOnlyFromAmong("png", "svg");
        var metric = new Option<string?>("--metric")
        {
            Description = "Draw this measure of 'benchmark --evaluate' (its companion files in <results>/evaluate/) in the second panel instead of the " +
                "symmetry loss: Q or Q_h or MI at the penalised layer, orbit_ratio, or invariance_error (float32), mean and 95% CI across seeds. " +
                "For set-up files (which carry orbit_task_loss) orbit_ratio is read from the result files themselves, baselines included.",
            HelpName = "Q|Q_h|MI|orbit_ratio|invariance_error",
        };
        metric.AcceptOnlyFromAmong("Q", "Q_h", "MI", "orbit_ratio", "invariance_error");
        var command = new Command("compare",
            "Plot test task loss and test sym loss against lambda_max (log scales; lambda_max = 0 shown at the left), one line per " +
            "symmetry layer with 95% CI error bars across seeds (an interval reaching zero is cut at the axis and marked), each layer in a " +
            "colour-blind-safe colour and marker of its own (a layer at zero is named in the legend), and the baseline as a " +
            "dashed line with its CI band. The alternatives run beside the grid (benchmark --baselines: augmentation, the invariant model, the relaxed model) are " +
            "reference lines with their CI bands too, named in the legend, in the files of the same set-up (the ...+augment and ...+invariant files " +
            "beside the grid's). The title gives the architecture, learning rate and set-up read from the file names.")
        {
            files, layers, output, format, metric,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            var figureFormat = FormatFor(path, parse.GetValue(format));
            ReplaceableFile.Check(path, "--output");
            var paths = ResultFileSelection.Expand(parse.GetValue(files)!);
            var layerSpec = parse.GetValue(layers);
            var (baseline, selected) = ParseLayers(layerSpec);
            BenchmarkReport report;
            try { report = BenchmarkAnalysis.Analyze(paths); }
            catch (ResultFileException e) { throw new UsageException(e.Message); }
            if (report.Groups.Count == 0)
                throw new UsageException(paths.Count == 1 ? $"no result rows in {paths[0]} (it holds only a header)" : $"no result rows in any of the {paths.Count} files (they hold only headers)");
            if (report.Groups.Count != 1)
                throw new UsageException($"compare draws one architecture and learning rate; the files hold {report.Groups.Count}: {string.Join(", ", report.Groups.Select(g => g.Key.Title))}");
            var g = report.Groups[0];

            var present = g.Cells.Where(c => c.SymmetryLayer.IsSet).Select(c => c.SymmetryLayer.Value).ToHashSet();
            foreach (var k in selected ?? [])
                if (!present.Contains(k))
                    throw new UsageException($"--layers '{layerSpec}': layer {(k == -1 ? "l (output)" : k.ToString(System.Globalization.CultureInfo.InvariantCulture))} has no results in the files (they hold {Describe(present)})");
            if (layerSpec is not null && baseline && g.Baseline is null)
                throw new UsageException($"--layers '{layerSpec}': n (baseline) has no results in the files");
            // A layer whose every run diverged has no point to draw: left out and said, not counted.
            var diverged = GroupSweeps.Diverged(g, selected);
            foreach (var k in diverged)
                stderr.WriteLine($"latsym: warning: layer {(k == -1 ? "-1 (output)" : k.ToString(System.Globalization.CultureInfo.InvariantCulture))}: every run diverged (non-finite losses); not drawn");
            foreach (var w in report.Warnings) stderr.WriteLine($"latsym: warning: {w}");
            var sweeps = GroupSweeps.Sweeps(g, selected, diverged);
            if (sweeps.Count == 0 && !(baseline && g.Baseline is not null))
                throw new UsageException($"nothing to draw: no selected layer has results in {paths.Count} file(s)");
            var b = baseline && g.Baseline is { } cell ? new MeanCi(cell.Task.Mean, cell.Task.Ci95HalfWidth) : new MeanCi(double.NaN, double.NaN);
            MeanCi? secondBaseline = null;
            string secondLabel = "test symmetry loss";
            // The alternatives have no penalty, so no symmetry loss to draw; their orbit ratio, when shown, comes from their files.
            Func<CellStatistics, MeanCi?> referenceSecond = _ => null;
            if (parse.GetValue(metric) is { } m)
            {
                if (m == "orbit_ratio" && g.HasOrbit)
                {
                    // Set-up files carry orbit_task_loss: the ratio of every run, baselines included, without --evaluate.
                    sweeps = [.. sweeps.Select(sweep => sweep with { Symmetry = [.. sweep.Task.Select(p => OrbitRatioAt(g, sweep, p.LambdaMax))] })];
                    secondBaseline = baseline && g.Baseline?.OrbitRatio is { } r ? new MeanCi(r.Mean, r.Ci95HalfWidth) : null;
                    referenceSecond = c => c.OrbitRatio is { } s ? new MeanCi(s.Mean, s.Ci95HalfWidth) : null;
                }
                else
                {
                    (sweeps, secondBaseline) = WithMetric(sweeps, paths, m, baseline);
                }
                secondLabel = m == "invariance_error" ? "invariance error (float32)" : m is "orbit_ratio" ? m : $"{m} at the penalised layer";
            }
            // The baseline variants run beside the grid (benchmark --baselines): reference lines with 'n', as the baseline.
            BaselineReference[] references = baseline ? GroupSweeps.References(g, referenceSecond) : [];
            var figure = new CompareFigure(new SweepComparison(FigureTitle.Of(g.Key), sweeps, b, secondBaseline) { References = references, Seeds = g.Files.Count })
                { SecondPanelLabel = secondLabel };

            try { figure.Save(path, figureFormat); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
            {
                throw new UsageException($"--output '{path}' cannot be written: {e.Message}");
            }
            stdout.WriteLine($"wrote {path}: {g.Key.Title}, {g.Files.Count} seed file(s), {sweeps.Count} layer(s){(baseline && g.Baseline is not null ? " and the baseline" : "")}" +
                (references.Length > 0 ? $"; beside them {string.Join(" and ", references.Select(r => r.Label))}" : ""));
            return 0;
        });
        return command;
    }

    // The orbit ratio of the cell of a layer's sweep at one lambda, from the result files' orbit_task_loss.
    static SweepPoint OrbitRatioAt(GroupReport g, LayerSweep sweep, double lambda)
    {
        int layer = sweep.Label == "output" ? -1 : int.Parse(sweep.Label["layer ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var cell = g.Cells.Single(c => c.SymmetryLayer.Number == layer && c.LambdaMax == lambda);
        return cell.OrbitRatio is { } r ? new SweepPoint(lambda, r.Mean, r.Ci95HalfWidth) : new SweepPoint(lambda, double.NaN, double.NaN);
    }

    // The sweeps with their second series replaced by a measure of the companion files: per (lambda, layer) the
    // mean and CI across seeds of the measure at the penalised layer (orbit_ratio and the invariance error are
    // the run's, the same on every row of it); the baseline's only for those two.
    static (List<LayerSweep>, MeanCi?) WithMetric(List<LayerSweep> sweeps, IReadOnlyList<string> resultPaths, string metric, bool baseline)
    {
        var companions = resultPaths.Select(p => EvaluationCsv.PathFor(Path.GetDirectoryName(Path.GetFullPath(p))!, Path.GetFileName(p))).ToList();
        var values = new Dictionary<(string Lambda, string Layer), List<double>>();
        string column = metric == "invariance_error" ? "invariance_error_float32" : metric;
        bool perRun = metric is "orbit_ratio" or "invariance_error";
        foreach (var path in companions.Where(File.Exists))
        {
            var lines = File.ReadAllLines(path);
            var header = lines[0].Split(',');
            int at = Array.IndexOf(header, column);
            if (at < 0) throw new UsageException($"{path}: no column {column}");
            var last = new Dictionary<(string, string, string), double>();
            foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
            {
                var c = line.Split(',');
                if (c.Length != header.Length) throw new UsageException($"{path}: a row has {c.Length} columns, the header {header.Length}");
                string measured = c[5], penalised = c[2];
                bool wanted = perRun ? measured == "-1" : measured == penalised;
                if (!wanted || c[4].Length > 0) continue;
                last[(c[1], penalised, c[3])] = double.TryParse(c[at], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double v) ? v : double.NaN;
            }
            foreach (var ((lambda, layer, _), v) in last)
            {
                if (!values.TryGetValue((lambda, layer), out var list)) values[(lambda, layer)] = list = [];
                list.Add(v);
            }
        }
        if (values.Count == 0 || values.Values.All(l => l.All(v => !double.IsFinite(v))))
            // The hint first and the files counted: the list of every companion made an 836-character line.
            throw new UsageException($"--metric {metric}: the results have no {metric} values (run benchmark with --evaluate{(metric == "MI" ? "; it does not compute MI" : "")}); " +
                $"{companions.Count(File.Exists)} of their {Plural(companions.Count, "evaluation file")} exist, e.g. {Path.GetRelativePath(Environment.CurrentDirectory, companions[0])}");
        var result = new List<LayerSweep>();
        foreach (var sweep in sweeps)
        {
            string layer = sweep.Label == "output" ? "-1" : sweep.Label["layer ".Length..];
            var points = sweep.Task.Select(p =>
            {
                var key = (Core.IO.PythonFloat.Format(p.LambdaMax), layer);
                var s = Core.Experiments.Statistics.SummaryStatistics.Of(values.TryGetValue(key, out var l) ? l : []);
                return new SweepPoint(p.LambdaMax, s.Mean, s.Ci95HalfWidth);
            }).ToList();
            result.Add(sweep with { Symmetry = points });
        }
        MeanCi? b = null;
        if (baseline && perRun && values.TryGetValue(("0.0", ""), out var bl))
        {
            var s = Core.Experiments.Statistics.SummaryStatistics.Of(bl);
            b = new MeanCi(s.Mean, s.Ci95HalfWidth);
        }
        return (result, b);
    }

    /// <summary>
    /// The figure's format: --format when given, else the extension's (.png or .svg; png when there is none). An
    /// extension that is neither, or that contradicts --format, is refused rather than written with the wrong bytes.
    /// </summary>
    internal static FigureFormat FormatFor(string path, string? format)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException("--output: empty path; give a figure file such as compare.png");
        var extension = Path.GetExtension(path).ToLowerInvariant();
        string? fromExtension = extension switch { ".png" => "png", ".svg" => "svg", "" => null, _ => "?" };
        if (fromExtension == "?")
            throw new UsageException($"--output '{path}': the extension must be .png or .svg (the figure formats written)");
        if (format is not null && fromExtension is not null && format != fromExtension)
            throw new UsageException($"--format {format} contradicts --output '{path}'; use a .{format} file name or --format {fromExtension}");
        return (format ?? fromExtension ?? "png") == "svg" ? FigureFormat.Svg : FigureFormat.Png;
    }

    static string Describe(IEnumerable<int> layers)
    {
        var list = layers.OrderBy(k => k == -1 ? int.MaxValue : k).Select(k => k == -1 ? "-1 (l)" : k.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return list.Count == 0 ? "no layer" : "layers " + string.Join(", ", list);
    }

    static string Plural(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    /// <summary>The original's layer spec: 'n' baseline, digits hidden layers, 'l' the output (-1).</summary>
    internal static (bool Baseline, HashSet<int>? Layers) ParseLayers(string? spec)
    {
        if (spec is null) return (true, null);
        if (spec.Length == 0) throw new UsageException("--layers is empty; use e.g. n123456l");
        var layers = new HashSet<int>();
        bool baseline = false;
        foreach (var ch in spec)
        {
            if (ch == 'n') baseline = true;
            else if (ch == 'l') layers.Add(-1);
            else if (ch is >= '1' and <= '9') layers.Add(ch - '0');
            else throw new UsageException($"--layers '{spec}': '{ch}' is not n (baseline), a hidden layer digit 1-9 or l (output)");
        }
        return (baseline, layers);
    }
}
