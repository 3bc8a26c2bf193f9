using System.Text;
using System.Text.RegularExpressions;

namespace LatentSymmetry.Tests.Cli;

/// <summary>
/// Row 11 of issue 10, on a real full disk (see <see cref="SmallDisk"/>): one line naming the file and "no space
/// left on device", exit code 1 (the README's code for a failed operating-system operation), nothing half-written.
/// </summary>
public class DiskFullTests : TempDirectoryTests
{
    const int Page = 4096;

    [SetUp]
    public void RequireTmpfs()
    {
        if (!SmallDisk.IsAvailable(Dir, out var why))
            Assert.Ignore($"this machine does not let a test mount a tmpfs in a private namespace: {why}");
    }

    static readonly string[] TinyTrain = ["train", "--epochs", "2", "--samples", "200", "--hidden-dim", "8", "--num-hidden-layers", "2", "--batch-size", "32", "--headless", "--output", "run"];

    static string[] Entries(string directory) =>
        [.. Directory.EnumerateFileSystemEntries(directory, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(directory, p)).Order(StringComparer.Ordinal)];

    [Test]
    public void A_full_disk_during_train_is_one_line_naming_the_file_and_leaves_no_run_directory()
    {
        // Each file of a tiny run takes one 4 KiB page of the tmpfs, so disks of 4, 8, 12 and 16 KiB fill up at a
        // later file each time (the run is written after training, into its staging directory).
        var named = new List<string>();
        foreach (var size in new[] { "4k", "8k", "12k", "16k" })
        {
            var r = SmallDisk.Run(Dir, size, "", TinyTrain);
            Assert.That(r.ExitCode, Is.EqualTo(1), $"{size}: {r.Stderr}");
            var line = Regex.Match(r.Stderr, @"\Alatsym: run/([a-z.]+): no space left on device; the run directory was not created\n\z");
            Assert.That(line.Success, Is.True, $"{size}: one line naming the run's file, got: {r.Stderr}");
            named.Add(line.Groups[1].Value);
            Assert.That(Entries(r.After), Is.Empty, $"{size}: neither the run directory nor its staging directory nor a lock file is left");
        }
        Assert.That(named, Is.Unique, "each disk fills up at another file");
        Assert.That(named, Does.Contain("metrics.json").And.Contain("model.safetensors"));

        // A figure is written under a hidden temporary name: the message names the figure.
        var figure = SmallDisk.Run(Dir, "24k", "", [.. TinyTrain.Where(a => a != "--headless")]);
        Assert.That(figure.ExitCode, Is.EqualTo(1), figure.Stderr);
        Assert.That(figure.Stderr, Is.EqualTo("latsym: run/loss_curves.png: no space left on device; the run directory was not created\n"));
        Assert.That(Entries(figure.After), Is.Empty);

        // The same run on a disk with room for it: the failures above were the full disk, nothing else.
        var fits = SmallDisk.Run(Dir, "32k", "", TinyTrain);
        Assert.That(fits.ExitCode, Is.EqualTo(0), fits.Stderr);
        Assert.That(File.Exists(Path.Combine(fits.After, "run", "model.safetensors")), Is.True);
    }

    [Test]
    public void A_full_disk_during_benchmark_takes_back_the_torn_row_and_keeps_the_complete_ones()
    {
        // A results file ending 8 bytes before a page boundary, on a disk with no free page: the next row's first
        // 8 bytes fit, the rest fails with ENOSPC. Those 8 bytes must be taken back, leaving the file as it was.
        string[] grid = ["benchmark", "--num-hidden-layers", "2", "--hidden-dim", "8", "--epochs", "2", "--samples", "200", "--batch-size", "32",
            "--learning-rates", "3e-4", "--seeds", "1", "--jobs", "1"];
        const string FileName = "layers=2x8_lr=3e-4_seed=1.csv";
        var seeded = Path.Combine(Dir, "seeded");
        Assert.That(CliRunner.Run([.. grid, "--lambdas", "0", "--results-dir", seeded]).ExitCode, Is.EqualTo(0));
        var file = Path.Combine(seeded, FileName);
        PadWithRows(file, Page - 8);
        var before = File.ReadAllBytes(file);

        var full = SmallDisk.Run(Dir, "64k", $"mkdir results && cp '{file}' results/ && dd if=/dev/zero of=filler bs={Page} 2>/dev/null; true",
            [.. grid, "--lambdas", "0,1", "--results-dir", "results"]);
        Assert.That(full.ExitCode, Is.EqualTo(1), full.Stderr);
        Assert.That(full.Stderr, Is.EqualTo($"latsym: results/{FileName}: no space left on device; the results keep their complete rows; free space and rerun to resume\n"));
        Assert.That(File.ReadAllBytes(Path.Combine(full.After, "results", FileName)), Is.EqualTo(before), "the torn row is taken back, the complete rows kept");

        // With room, the same command resumes from those rows: the 6 cells of lambda 1 are added.
        var room = SmallDisk.Run(Dir, "256k", $"mkdir results && cp '{file}' results/", [.. grid, "--lambdas", "0,1", "--results-dir", "results"]);
        Assert.That(room.ExitCode, Is.EqualTo(0), room.Stderr);
        var lines = File.ReadAllLines(Path.Combine(room.After, "results", FileName));
        Assert.That(lines.Length, Is.EqualTo(before.Count(b => b == '\n') + 3), "lambda 1 at layers 1, 2 and the output");
    }

    /// <summary>Appends complete rows of other lambdas (copies of the file's first row) until the file is <paramref name="length"/> bytes long.</summary>
    static void PadWithRows(string file, int length)
    {
        var text = File.ReadAllText(file);
        var fields = text.Split('\n')[1].Split(',');
        string Row(int i, int zeros)
        {
            // The lambda column is the key; trailing zeros after its decimal point pad the row without changing it.
            fields[1] = $"{100 + i}.0{new string('0', zeros)}";
            return string.Join(',', fields) + "\n";
        }
        var sb = new StringBuilder(text);
        int i = 0, rowLength = Row(0, 0).Length;
        while (length - sb.Length >= 3 * rowLength) sb.Append(Row(i++, 0));
        int spare = length - sb.Length - 2 * rowLength;
        sb.Append(Row(i++, spare / 2)).Append(Row(i, spare - spare / 2));
        Assert.That(sb.Length, Is.EqualTo(length));
        File.WriteAllText(file, sb.ToString());
    }
}
