using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using LatentSymmetry.Cli.Commands;
using LatentSymmetry.Cli.Plots;
using LatentSymmetry.Core.Experiments.Analysis;
using LatentSymmetry.Core.Experiments.Results;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Cli.Report;

/// <summary>
/// The page of <c>latsym report</c>: configuration and machine, the analysis tables of the result files with their
/// compare figures, the survey figures, the invariance profiles of evaluated runs, and each run's loss curves in a
/// collapsed section; every figure inline SVG, the tables and page shell from Core's <see cref="HtmlReportRenderer"/>.
/// </summary>
internal sealed class HtmlReport
{
    readonly List<string> warnings = [];
    readonly StringBuilder body = new();

    /// <summary>What was read, for the one-line summary: result files, groups, surveys, runs, figures.</summary>
    public string Summary { get; private set; } = "";

    /// <summary>Warnings to repeat on stderr: rows and files skipped, each said on the page too.</summary>
    public IReadOnlyList<string> Warnings => warnings;

    /// <summary>Reads the inputs and builds the page; bad input is a <see cref="UsageException"/>, before anything is written.</summary>
    public static (string Html, HtmlReport Report) Build(ReportInputs inputs, string title)
    {
        var report = new HtmlReport();
        string html = report.Render(inputs, title);
        return (html, report);
    }

    string Render(ReportInputs inputs, string title)
    {
        int figures = 0;
        var sections = new StringBuilder();
        var toc = new List<(string Id, string Title)>();
        int groups = 0;

        if (inputs.ResultFiles.Count > 0)
        {
            var tables = new List<ResultTable>();
            foreach (var path in inputs.ResultFiles)
            {
                ResultTable table;
                try { table = ResultTable.Read(path); }
                catch (ResultFileException e) { throw new UsageException(e.Message); }
                int nonFinite = table.Rows.Count(r => r.IsDiverged);
                if (nonFinite > 0)
                    warnings.Add($"{path}: {nonFinite} row(s) with a NaN or infinite test task loss left out of the means and tests (counted as diverged in n)");
                if (table.Rows.Count == 0) warnings.Add($"{path}: no result rows (only a header); skipped");
                tables.Add(table);
            }
            var analysis = BenchmarkAnalysis.Analyze(tables);
            warnings.AddRange(analysis.Warnings);
            if (analysis.Groups.Count == 0 && inputs.SurveyDirectories.Count == 0 && inputs.RunDirectories.Count == 0)
                throw new UsageException(inputs.ResultFiles.Count == 1 ? $"no result rows in {inputs.ResultFiles[0]} (it holds only a header)"
                    : $"no result rows in any of the {inputs.ResultFiles.Count} result files (they hold only headers)");
            groups = analysis.Groups.Count;
            if (groups > 0)
            {
                toc.Add(("results", "Grid results"));
                sections.Append("<h2 id=\"results\">Grid results</h2>\n");
                sections.Append("<p>Per (symmetry layer, λ_max) cell across the seed files: n, mean with its 95% Student t interval and median of the test task and symmetry losses, and the paired Wilcoxon signed-rank test against the baseline (the plain MLP without penalty). Click a header to sort.</p>\n");
                foreach (var g in analysis.Groups)
                {
                    sections.Append(HtmlReportRenderer.Group(g, analysis.Alpha));
                    if (GroupSweeps.DefaultFigure(g) is { } figure)
                    {
                        sections.Append(Figure(figure.ToSvg(), $"compare: test task and symmetry loss against λ_max, {FigureTitle.Of(g.Key)}, mean ± 95% CI over {g.Files.Count} seed file(s)", $"f{figures}"));
                        figures++;
                    }
                }
                foreach (var table in Output.EvaluationTables.Of(inputs.ResultFiles))
                    sections.Append(HtmlReportRenderer.Table(table));
            }
        }

        foreach (var survey in inputs.SurveyDirectories)
        {
            string id = $"survey{toc.Count(t => t.Id.StartsWith("survey", StringComparison.Ordinal)) + 1}";
            toc.Add((id, $"Survey: {survey}"));
            sections.Append(CultureInfo.InvariantCulture, $"<h2 id=\"{id}\">Survey: {HtmlPage.Encode(survey)}</h2>\n");
            var read = SurveyReading.Read(survey, warnings);
            if (read.Svg is { } svg)
            {
                sections.Append(Figure(svg, $"{read.Metric} by layer, one line per field (mean ± 95% CI over seeds)", $"f{figures}"));
                figures++;
            }
            if (read.MixSvg is { } mix)
            {
                sections.Append(Figure(mix, $"the mix sweep: {read.Metric} at each layer against alpha in (1 − alpha) a + alpha b (mean ± 95% CI over seeds)", $"f{figures}"));
                figures++;
            }
            if (read.Summary is { } summary) sections.Append(HtmlPage.Table(summary.Headers, summary.Rows));
        }

        var runs = inputs.RunDirectories.Select(d => RunReading.Read(d, warnings)).Where(r => r is not null).Select(r => r!).ToList();
        var profiles = runs.Where(r => r.ProfileSvg is not null).ToList();
        if (profiles.Count > 0)
        {
            toc.Add(("profiles", "Invariance profiles"));
            sections.Append("<h2 id=\"profiles\">Invariance profiles (latsym evaluate)</h2>\n");
            foreach (var run in profiles)
            {
                sections.Append("<h3>").Append(HtmlPage.Encode(run.Name)).Append("</h3>\n").Append(Facts(run.Evaluation));
                sections.Append(Figure(run.ProfileSvg!, $"each measure against the layer, {run.Title}; the untrained network of the same seed in grey, the penalised layer marked", $"f{figures}"));
                figures++;
            }
        }
        if (runs.Count > 0)
        {
            toc.Add(("runs", "Runs"));
            sections.Append(CultureInfo.InvariantCulture, $"<h2 id=\"runs\">Runs ({runs.Count})</h2>\n<p>Each run's configuration, test metrics, loss curves (per epoch, from history.csv) and slice (redrawn from its weights); open a run to see them.</p>\n");
            foreach (var run in runs)
            {
                sections.Append("<details><summary>").Append(HtmlPage.Encode(run.Title)).Append("</summary>\n");
                sections.Append(Facts(run.Metrics)).Append("<h4>Configuration</h4>\n").Append(Facts(run.Configuration));
                if (run.LossSvg is { } loss)
                {
                    sections.Append(Figure(loss, "(a) task loss and (b) symmetry loss per epoch: train and validation; λ on the right axis of (b)", $"f{figures}"));
                    figures++;
                }
                if (run.SliceSvg is { } slice)
                {
                    sections.Append(Figure(slice, "the trained model and its field on a plane through the origin, and their difference; the training region's edges marked", $"f{figures}"));
                    figures++;
                }
                sections.Append("</details>\n");
            }
        }

        body.Append(CultureInfo.InvariantCulture, $"<p>Written by latsym {HtmlPage.Encode(RunArtifacts.ToolVersion)} on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Self-contained: nothing is fetched.</p>\n");
        if (warnings.Count > 0) toc.Add(("warnings", $"Warnings ({warnings.Count})"));
        body.Append("<nav><ul>\n<li><a href=\"#setup\">Configuration and machine</a></li>\n");
        foreach (var (id, heading) in toc) body.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#{id}\">{HtmlPage.Encode(heading)}</a></li>\n");
        body.Append("</ul></nav>\n");
        body.Append("<h2 id=\"setup\">Configuration and machine</h2>\n").Append(Facts(Setup(inputs, runs)));
        body.Append(sections);
        body.Append(HtmlReportRenderer.Warnings(warnings));
        Summary = string.Join(", ", new[]
        {
            Count(inputs.ResultFiles.Count, "result file") + (groups > 0 ? $" in {Count(groups, "group")}" : ""),
            Count(inputs.SurveyDirectories.Count, "survey"), Count(runs.Count, "run"), Count(figures, "figure"),
        }.Where(s => !s.StartsWith("0 ", StringComparison.Ordinal)));
        return HtmlPage.Document(title, body.ToString());
    }

    static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";

    static List<(string, string)> Setup(ReportInputs inputs, List<RunReading> runs)
    {
        var facts = new List<(string, string)>
        {
            ("latsym", RunArtifacts.ToolVersion),
            (".NET", RuntimeInformation.FrameworkDescription),
            ("OS", RuntimeInformation.OSDescription),
            ("CPU", $"{CpuName()}, {Environment.ProcessorCount} logical cores (the machine that wrote this report)"),
        };
        var versions = runs.Select(r => r.ToolVersion).Where(v => v.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
        if (versions.Count > 0) facts.Add(("runs written by", string.Join(", ", versions.Select(v => "latsym " + v))));
        var seeds = runs.Select(r => r.Seed).Where(s => s.Length > 0).Distinct().ToList();
        if (seeds.Count > 0) facts.Add(("run seeds", string.Join(", ", seeds)));
        if (inputs.ResultFiles.Count > 0) facts.Add(("result files", $"{inputs.ResultFiles.Count}: {Shorten(string.Join(", ", inputs.ResultFiles.Select(Path.GetFileName)))}"));
        foreach (var s in inputs.SurveyDirectories) facts.Add(("survey", s));
        if (inputs.RunDirectories.Count > 0) facts.Add(("run directories", $"{inputs.RunDirectories.Count}: {Shorten(string.Join(", ", inputs.RunDirectories.Select(d => Path.GetFileName(Path.TrimEndingDirectorySeparator(d)))))}"));
        return facts;
    }

    static string Shorten(string s) => s.Length <= 600 ? s : s[..597] + "...";

    /// <summary>The processor's model name from /proc/cpuinfo (Linux), else its architecture.</summary>
    internal static string CpuName()
    {
        try
        {
            if (File.Exists("/proc/cpuinfo"))
                foreach (var line in File.ReadLines("/proc/cpuinfo"))
                    if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':') is int colon and > 0)
                        return line[(colon + 1)..].Trim();
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    internal static string Facts(IEnumerable<(string Name, string Value)> facts)
    {
        var sb = new StringBuilder("<dl class=\"facts\">\n");
        foreach (var (name, value) in facts)
            sb.Append("<dt>").Append(HtmlPage.Encode(name)).Append("</dt><dd>").Append(HtmlPage.Encode(value)).Append("</dd>\n");
        return sb.Append("</dl>\n").ToString();
    }

    /// <summary>
    /// An inline SVG figure with its caption. The document's XML prolog is dropped (HTML takes the element alone); a
    /// viewBox of its width and height is added, without which a browser crops the figure instead of scaling it to a
    /// narrow page; and its ids (clip paths) get the prefix <paramref name="ids"/>, since every figure numbers its own
    /// from the same start and one page holds them all.
    /// </summary>
    internal static string Figure(string svg, string caption, string ids)
    {
        svg = System.Text.RegularExpressions.Regex.Replace(svg, "(\\sid=\"|url\\(#|href=\"#)([^\")]+)", m => m.Groups[1].Value + ids + "-" + m.Groups[2].Value);
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        string element = start > 0 ? svg[start..] : svg;
        int tagEnd = element.IndexOf('>', StringComparison.Ordinal);
        string tag = tagEnd > 0 ? element[..tagEnd] : "";
        var width = System.Text.RegularExpressions.Regex.Match(tag, "\\swidth=\"([0-9.]+)\"");
        var height = System.Text.RegularExpressions.Regex.Match(tag, "\\sheight=\"([0-9.]+)\"");
        if (!tag.Contains("viewBox", StringComparison.Ordinal) && width.Success && height.Success)
            element = $"<svg viewBox=\"0 0 {width.Groups[1].Value} {height.Groups[1].Value}\"" + element[4..];
        return $"<figure>{element}\n<figcaption>{HtmlPage.Encode(caption)}</figcaption></figure>\n";
    }

    internal static string Number(JsonElement e) =>
        e.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null ? e.GetRawText() : e.ToString();
}
