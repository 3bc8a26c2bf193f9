using System.Globalization;
using System.Text.Json;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Evaluation;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Tests.Cli;

/// <summary><c>latsym train --data FILE.csv</c>: a researcher's own samples trained, read back, evaluated, discovered and reported.</summary>
public class DataTrainTests
{
    static readonly string[] Tiny = ["train", "--hidden-dim", "8", "--num-hidden-layers", "2", "--batch-size", "32"];

    string _root = "", _csv = "", _run = "";

    /// <summary>Writes <paramref name="rows"/> samples of <paramref name="field"/> at points uniform in [-3, 3]^d (seed 1) as CSV.</summary>
    static string WriteSamples(string path, string field, int rows, int dimension = 3)
    {
        var f = FieldCatalog.Parse(field);
        var points = new double[rows * dimension];
        new RandomStream(1).FillUniform<double>(points, -3, 3);
        var lines = new List<string> { dimension == 3 ? "x,y,z,f" : "x,y,f" };
        for (int i = 0; i < rows; i++)
        {
            var p = points.AsSpan(i * dimension, dimension);
            lines.Add(string.Join(",", p.ToArray().Append(f.Evaluate(p)).Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        }
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    [OneTimeSetUp]
    public void TrainOnce()
    {
        _root = CliRunner.TempDirectory();
        _csv = WriteSamples(Path.Combine(_root, "radial.csv"), "radial", 300);
        _run = Path.Combine(_root, "run");
        var r = CliRunner.Run([.. Tiny, "--epochs", "2", "--data", _csv, "--output", _run]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stdout, Does.Contain("data             " + _csv).And.Contain("samples          300 (train 180, val 60, test 60)"));
    }

    [OneTimeTearDown]
    public void DeleteAll() => Directory.Delete(_root, recursive: true);

    [Test]
    public void Config_records_the_file_and_reads_back_to_the_same_options_and_split()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_run, "config.json")));
        var data = doc.RootElement.GetProperty("data");
        var source = SampleFile.Read(_csv).Source;
        Assert.That(data.GetProperty("path").GetString(), Is.EqualTo(Path.GetFullPath(_csv)));
        Assert.That(data.GetProperty("sha256").GetString(), Is.EqualTo(source.Sha256));
        Assert.That((data.GetProperty("rows").GetInt32(), data.GetProperty("target").GetString(), data.GetProperty("dimension").GetInt32()), Is.EqualTo((300, "f", 3)));
        Assert.That(doc.RootElement.GetProperty("field").GetString(), Is.EqualTo("data:radial.csv"));
        Assert.That(doc.RootElement.TryGetProperty("data_given", out _), Is.False);

        var saved = SavedRun.Open(_run);
        Assert.That(saved.Options.DataSource, Is.EqualTo(source));
        Assert.That(saved.Options.Field, Is.Null);
        // The options read back write the same config, byte for byte.
        Assert.That(RunArtifacts.ConfigJson(saved.Options), Is.EqualTo(File.ReadAllText(Path.Combine(_run, "config.json"))));
        // The extent is the data's: the largest |coordinate| of the rows.
        Assert.That(saved.Options.BoxHalfWidth, Is.EqualTo(SampleFile.Read(_csv).Points.Max(Math.Abs)));
        var rebuilt = saved.CreateDataset();
        var direct = SampleFile.Read(_csv).Split<float>(saved.Options.Seeds.Data, TrainRegion.Full, saved.Options.Domain);
        Assert.That(rebuilt.Test.SourceRows.ToArray(), Is.EqualTo(direct.Test.SourceRows.ToArray()));
        Assert.That(rebuilt.Train.Targets.ToArray(), Is.EqualTo(direct.Train.Targets.ToArray()));
        Assert.That((rebuilt.Train.Count, rebuilt.Validation.Count, rebuilt.Test.Count), Is.EqualTo((180, 60, 60)));
        Assert.That(File.Exists(Path.Combine(_run, "loss_curves.png")) && !File.Exists(Path.Combine(_run, "slice.png")), "loss curves, and no slice without a field");
    }

    [Test]
    public void Evaluate_recomputes_the_test_loss_bit_for_bit_and_leaves_the_orbit_measures_out()
    {
        var dir = Copy(_run, "evaluate");
        var r = CliRunner.Run("evaluate", dir);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stdout, Does.Contain("(= metrics.json, bit for bit)").And.Contain("orbit_task_loss:  -").And.Contain("a sample file has no truth at turned points"));
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "invariance.json")));
        Assert.That(doc.RootElement.GetProperty("layers").GetArrayLength(), Is.EqualTo(3));
    }

    [Test]
    public void Discover_reads_the_model_at_the_files_own_rows()
    {
        var dir = Copy(_run, "discover");
        var r = CliRunner.Run("discover", dir, "--json", "--within", "so", "--points", "2000");
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(r.Stderr, Does.Contain("has 300 rows; discovering at all of them (--points 2000)"));
        // The default asks for more rows than a small file has without being asked to: no note, the same rows.
        var byDefault = CliRunner.Run("discover", dir, "--json", "--within", "so", "-o", Path.Combine(dir, "default"));
        Assert.That(byDefault.ExitCode, Is.EqualTo(0), byDefault.Stderr);
        Assert.That(byDefault.Stderr, Does.Not.Contain("discovering at all of them"));
        Assert.That(byDefault.Stdout, Is.EqualTo(r.Stdout));
        using var doc = JsonDocument.Parse(r.Stdout);
        var e = doc.RootElement;
        Assert.That(e.GetProperty("points").GetInt32(), Is.EqualTo(300));
        Assert.That(e.GetProperty("subject").GetString(), Does.Contain("data " + _csv));
        Assert.That(e.GetProperty("gradients").GetString(), Does.Contain("the data's local slope"));
        Assert.That(e.GetProperty("dimension").GetInt32(), Is.InRange(0, 3));
        Assert.That(e.GetProperty("singular_values").GetArrayLength(), Is.EqualTo(3));
        Assert.That(File.Exists(Path.Combine(dir, "discovery.json")));
        var report = CliRunner.Run("report", dir, "-o", Path.Combine(_root, "report.html"));
        Assert.That(report.ExitCode, Is.EqualTo(0), report.Stderr);
        Assert.That(File.ReadAllText(Path.Combine(_root, "report.html")), Does.Contain("data:radial.csv"));
    }

    [Test]
    public void A_run_whose_file_changed_or_moved_is_one_line_and_exit_2()
    {
        var csv = WriteSamples(Path.Combine(_root, "moving.csv"), "radial", 40);
        var run = Path.Combine(_root, "moving-run");
        Assert.That(CliRunner.Run([.. Tiny, "--epochs", "1", "--headless", "--data", csv, "--output", run]).ExitCode, Is.EqualTo(0));
        File.AppendAllText(csv, "1,2,3,4\n");
        var changed = CliRunner.Run("evaluate", run);
        Assert.That(changed.ExitCode, Is.EqualTo(2));
        Assert.That(changed.Stderr.TrimEnd(), Does.Not.Contain("\n").And.Contain($"{csv}: changed since the run trained on it"));
        File.Move(csv, csv + ".moved");
        var moved = CliRunner.Run("discover", run);
        Assert.That(moved.ExitCode, Is.EqualTo(2));
        Assert.That(moved.Stderr.TrimEnd(), Does.Not.Contain("\n").And.Contain($"{csv}: no such file"));
        Assert.That(File.Exists(Path.Combine(run, "invariance.json")) || File.Exists(Path.Combine(run, "discovery.json")), Is.False);
    }

    [Test]
    public void Disk_samples_train_with_so2_and_a_region_filters_the_files_points()
    {
        var disk = WriteSamples(Path.Combine(_root, "disk.csv"), "radius", 60, dimension: 2);
        var run = Path.Combine(_root, "disk-run");
        var r = CliRunner.Run([.. Tiny, "--epochs", "1", "--headless", "--data", disk, "--group", "so2", "--output", run]);
        Assert.That(r.ExitCode, Is.EqualTo(0), r.Stderr);
        Assert.That(SavedRun.Open(run).Options.Radius, Is.EqualTo(SampleFile.Read(disk).MaxRadius));

        var cone = Path.Combine(_root, "cone-run");
        var c = CliRunner.Run([.. Tiny, "--epochs", "1", "--headless", "--data", _csv, "--train-region", "cone:90", "--output", cone]);
        Assert.That(c.ExitCode, Is.EqualTo(0), c.Stderr);
        var data = SavedRun.Open(cone).CreateDataset();
        Assert.That(data.Region, Is.EqualTo(TrainRegion.Cone(90)));
        var all = SampleFile.Read(_csv);
        foreach (var split in new[] { data.Train, data.Validation, data.Test })
            foreach (int row in split.SourceRows) Assert.That(all.Points[3 * row + 2], Is.GreaterThanOrEqualTo(0), "cone:90 keeps z >= 0");
        int upper = Enumerable.Range(0, all.Count).Count(i => all.Points[3 * i + 2] >= 0);
        Assert.That(data.Train.Count + data.Validation.Count + data.Test.Count, Is.EqualTo(upper));
    }

    static IEnumerable<TestCaseData> BadData()
    {
        TestCaseData Case(string text, string[] extra, string message, string name) => new TestCaseData(text, extra, message).SetName($"train --data: {name}");
        const string rows = "1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n";
        yield return Case("x,y,f\n" + rows.Replace(",4\n", "\n", StringComparison.Ordinal), [], "--data {dir}/s.csv: 2 input columns (x, y) but group so3 acts on 3-D points; use --group so2", "2 columns with so3");
        yield return Case("x,y,z,f\n" + rows, ["--group", "so2"], "3 input columns (x, y, z) but group so2 acts on 2-D points", "3 columns with so2");
        yield return Case("x,z,f\n" + rows, [], "--data: {dir}/s.csv:1: no column 'y'", "missing column");
        yield return Case("x,y,z,f\n" + rows + "1,2,three,4\n", [], "--data: {dir}/s.csv:17: column 'z' (field 3): 'three' is not a number", "non-number");
        yield return Case("x,y,z,f\n" + rows + "1,2,3,nan\n", [], "--data: {dir}/s.csv:17: column 'f' (field 4): 'nan' is not finite", "NaN");
        yield return Case("x,y,z,f\n" + rows + "1,2,3,4,5\n", [], "--data: {dir}/s.csv:17: 5 fields, the header has 4", "wrong number of fields");
        yield return Case("", [], "--data: {dir}/s.csv: empty", "empty file");
        yield return Case("x,y,z,f\n1,2,3,4\n", [], "--data: {dir}/s.csv: 1 data row; a 60/20/20 split needs at least 5", "too few rows");
        yield return Case("x,y,z,f\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n1,2,3,4\n", [], "--data {dir}/s.csv: its 5 rows leave 1 test point; 'latsym evaluate' needs at least 3", "too few test rows");
        yield return Case("x,y,f,f\n" + rows, [], "--data: {dir}/s.csv:1: column 'f' is named twice (columns 3 and 4)", "duplicate header");
        yield return Case("x,y,z,f\n" + rows, ["--data-target", "energy"], "--data: {dir}/s.csv:1: no target column 'energy'", "unknown target");
        yield return Case("x,y,z,f\n" + rows, ["--field", "radial"], "--field cannot be combined with --data", "with --field");
        yield return Case("x,y,z,f\n" + rows, ["--samples", "100"], "--samples cannot be combined with --data", "with --samples");
        yield return Case("x,y,z,f\n" + rows, ["--box", "2"], "--box cannot be combined with --data", "with --box");
        yield return Case("x,y,z,f\n" + rows, ["--task", "flow"], "--task cannot be combined with --data", "with --task");
        yield return Case("x,y,z,f\n" + rows.Replace("3,4\n", "-30,4\n", StringComparison.Ordinal), ["--train-region", "cone:10"], "--train-region cone:10 keeps 0 training", "region keeping nothing");
    }

    [TestCaseSource(nameof(BadData))]
    public void Bad_data_is_one_line_exit_2_and_nothing_written(string text, string[] extra, string message)
    {
        var dir = CliRunner.TempDirectory();
        try
        {
            var csv = Path.Combine(dir, "s.csv");
            File.WriteAllText(csv, text);
            var r = CliRunner.Run([.. Tiny, "--epochs", "1", "--data", csv, "--output", Path.Combine(dir, "run"), .. extra]);
            Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
            var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(lines, Has.Length.EqualTo(1), r.Stderr);
            Assert.That(lines[0], Does.StartWith("latsym: ").And.Contain(message.Replace("{dir}", dir, StringComparison.Ordinal)));
            Assert.That(Directory.EnumerateFileSystemEntries(dir), Is.EqualTo(new[] { csv }), "nothing written");
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Test]
    public void Data_target_needs_data()
    {
        var r = CliRunner.Run([.. Tiny, "--data-target", "g", "--output", Path.Combine(_root, "never")]);
        Assert.That((r.ExitCode, r.Stderr.Trim()), Is.EqualTo((2, "latsym: --data-target names a column of --data; give --data FILE.csv")));
    }

    string Copy(string run, string name)
    {
        var dir = Path.Combine(_root, name);
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(run)) File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return dir;
    }
}
