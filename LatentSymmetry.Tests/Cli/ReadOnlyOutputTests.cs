namespace LatentSymmetry.Tests.Cli;

/// <summary>
/// Issue 19, row 10: an output directory that cannot be written is the same fault for every command, exit 2 and
/// one line naming it, said before the work. Run on a read-only tmpfs (see <see cref="SmallDisk"/>; a read-only
/// mount refuses writes even to root, which a chmod does not).
/// </summary>
public class ReadOnlyOutputTests : TempDirectoryTests
{
    [SetUp]
    public void RequireTmpfs()
    {
        if (!SmallDisk.IsAvailable(Dir, out var why))
            Assert.Ignore($"this machine does not let a test mount a tmpfs in a private namespace: {why}");
    }

    const string ReadOnly = "mount -o remount,ro \"$disk\"";

    [Test]
    public void Evaluate_of_a_read_only_run_directory_is_a_usage_error_naming_it()
    {
        // Before: exit 1 ("Read-only file system : '/.../invariance.json'"), after the whole evaluation.
        var run = Path.Combine(Dir, "trained");
        var trained = CliRunner.Run("train", "--epochs", "1", "--samples", "200", "--hidden-dim", "4", "--num-hidden-layers", "2", "--headless", "-o", run);
        Assert.That(trained.ExitCode, Is.Zero, trained.Stderr);
        var r = SmallDisk.Run(Dir, "1m", $"cp -a '{run}' run && {ReadOnly}", "evaluate", "run", "--metrics", "SL");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        Assert.That(r.Stderr, Does.Match(@"^latsym: RUN_DIR 'run' cannot be written: '[^']*': read-only file system\n$"));
        Assert.That(r.Stdout, Is.Empty);
    }

    [Test]
    public void Survey_into_a_read_only_directory_is_a_usage_error_naming_it()
    {
        var r = SmallDisk.Run(Dir, "1m", ReadOnly, "survey", "--fields", "radius", "--seeds", "1", "--epochs", "1", "--samples", "200",
            "--hidden-dim", "4", "--num-hidden-layers", "2", "-o", "s");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        Assert.That(r.Stderr, Does.Match(@"^latsym: --output 's' cannot be written: '[^']*': read-only file system\n$"));
    }

    [Test]
    public void Train_into_a_read_only_directory_says_it_in_the_same_words()
    {
        var r = SmallDisk.Run(Dir, "1m", ReadOnly, "train", "--epochs", "1", "--samples", "200", "--hidden-dim", "4", "--num-hidden-layers", "2", "--headless", "-o", "run");
        Assert.That(r.ExitCode, Is.EqualTo(2), r.Stderr);
        Assert.That(r.Stderr, Does.Match(@"^latsym: --output 'run' cannot be written: '[^']*': read-only file system\n$"));
    }
}
