using System.CommandLine;
using System.Globalization;
using System.Text;
using LatentSymmetry.Cli.Report;

namespace LatentSymmetry.Cli.Commands;

/// <summary><c>latsym report</c>: one self-contained HTML page of a study's results, surveys and runs.</summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "What to report: a benchmark results directory or result CSV files, a survey directory (survey.csv), run directories " +
                "(config.json; with invariance.json once evaluated), or a directory holding these (runs/ is looked into).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--output", "-o") { Description = "The HTML file to write; it must not exist (a report is never replaced).", DefaultValueFactory = _ => "report.html", HelpName = "FILE" };
        var title = new Option<string>("--title") { Description = "The page's title and heading.", DefaultValueFactory = _ => "latsym report", HelpName = "TEXT" };
        var command = new Command("report",
            "Write one self-contained HTML page of a study, to share or archive: the configuration and the machine (CPU, tool version, seeds); " +
            "for result files the analyze tables (per cell n, means with 95% CIs and medians, the paired Wilcoxon test against the baseline, " +
            "the baselines' rows, the best lambda per layer, completeness) and the compare figure of each group; the survey figure and table " +
            "of a survey directory; the invariance profile of each evaluated run; and each run's configuration, metrics and loss curves in a " +
            "collapsed section. Figures are inline SVG and tables sort by a click on their header; the page fetches nothing (no external " +
            "script, style or font) and reads on a phone. Rows skipped (torn, NaN) are listed on the page. The file is written whole or not at all.")
        {
            paths, output, title,
        };
        command.SetAction(parse =>
        {
            string path = parse.GetValue(output)!;
            CheckOutput(path);
            var inputs = ReportInputs.Find(parse.GetValue(paths)!);
            var (html, report) = HtmlReport.Build(inputs, parse.GetValue(title)!);
            byte[] bytes = Encoding.UTF8.GetBytes(html);
            WriteNew(path, bytes);
            foreach (var w in report.Warnings) stderr.WriteLine($"latsym: warning: {w}");
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wrote {path} ({bytes.Length / 1024.0:0.#} KB): {report.Summary}{(report.Warnings.Count > 0 ? $"; {report.Warnings.Count} warning(s), listed on the page" : "")}"));
            return 0;
        });
        return command;
    }

    /// <summary>The output must be a new file in an existing directory: a report is never written over another file.</summary>
    internal static void CheckOutput(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException("--output: empty path; give a file such as report.html");
        if (Directory.Exists(path)) throw new UsageException($"--output '{path}' is a directory; give a file name such as {Path.Combine(path, "report.html")}");
        if (File.Exists(path)) throw new UsageException($"--output '{path}' exists; the report never replaces a file: remove it or give another name");
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(directory)) throw new UsageException($"--output '{path}': directory '{directory}' does not exist");
    }

    // A hidden temporary file beside the target, renamed to it without replacing: readers never meet half a page, and a
    // file that appeared meanwhile is kept.
    static void WriteNew(string path, byte[] bytes)
    {
        string full = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            try { File.Move(temporary, full, overwrite: false); }
            catch (IOException) when (File.Exists(full)) { throw new UsageException($"--output '{path}' appeared while the report was written; it is left as it was"); }
        }
        catch (UnauthorizedAccessException e) { throw new UsageException($"--output '{path}' cannot be written: {e.Message}"); }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
