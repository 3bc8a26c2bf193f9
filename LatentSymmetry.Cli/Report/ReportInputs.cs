using LatentSymmetry.Cli.Commands;
using LatentSymmetry.Core.Experiments.Results;

namespace LatentSymmetry.Cli.Report;

/// <summary>
/// What the PATH arguments of <c>latsym report</c> hold, sorted by kind: result CSV files (a benchmark's results
/// directory or files), survey directories (survey.csv), and run directories (config.json; evaluate's invariance.json
/// when it has one). A directory is looked into one level: a folder of runs (runs/) counts as its runs.
/// </summary>
internal sealed class ReportInputs
{
    public List<string> ResultFiles { get; } = [];
    public List<string> SurveyDirectories { get; } = [];
    public List<string> RunDirectories { get; } = [];

    /// <summary>Sorts <paramref name="paths"/>; a path with nothing the report can read is a usage error naming it.</summary>
    public static ReportInputs Find(IEnumerable<string> paths)
    {
        var inputs = new ReportInputs();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (Path.GetFileName(path) is "invariance.json" or "config.json" or "metrics.json") inputs.AddRun(Path.GetDirectoryName(Path.GetFullPath(path))!);
                else if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) inputs.ResultFiles.Add(path);
                else throw new UsageException($"'{path}': not a result CSV, a run's config.json or invariance.json, or a directory");
                continue;
            }
            if (!Directory.Exists(path)) throw new UsageException($"'{path}': no such file or directory");
            if (!inputs.AddDirectory(path, lookInside: true))
                throw new UsageException($"'{path}': nothing the report can read (no result CSV, survey.csv, or run directory with config.json in it or one level down)");
        }
        if (inputs.ResultFiles.Count + inputs.SurveyDirectories.Count + inputs.RunDirectories.Count == 0)
            throw new UsageException("no input: give a results directory, a survey directory or run directories");
        return inputs;
    }

    bool AddDirectory(string directory, bool lookInside)
    {
        if (File.Exists(Path.Combine(directory, "config.json")))
        {
            AddRun(directory);
            return true;
        }
        bool found = false;
        if (File.Exists(Path.Combine(directory, "survey.csv")))
        {
            AddOnce(SurveyDirectories, directory);
            // A survey's runs are its figure's points, not runs to show one by one.
            return true;
        }
        foreach (var csv in Directory.EnumerateFiles(directory, "*.csv").Order(StringComparer.Ordinal))
            if (ResultFileName.TryParse(csv, out _) || LooksLikeResults(csv))
            {
                AddOnce(ResultFiles, csv);
                found = true;
            }
        if (!lookInside) return found;
        foreach (var sub in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(sub);
            // Staging directories of a run still being written, and benchmark's evaluation companions, are not inputs.
            if (name.StartsWith('.') || name == "evaluate") continue;
            found |= AddDirectory(sub, lookInside: name == "runs");
        }
        return found;
    }

    void AddRun(string directory) => AddOnce(RunDirectories, directory);

    static void AddOnce(List<string> list, string path)
    {
        string full = Path.GetFullPath(path);
        if (!list.Any(p => Path.GetFullPath(p) == full)) list.Add(path);
    }

    // A CSV whose header is the result files' (a renamed results file still reads as one).
    static bool LooksLikeResults(string path)
    {
        using var reader = new StreamReader(path);
        string? header = reader.ReadLine();
        return header is not null && header.Contains("lambda_sym_max", StringComparison.Ordinal) && header.Contains("test_task_loss", StringComparison.Ordinal);
    }
}
