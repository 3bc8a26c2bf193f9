using LatentSymmetry.Cli.Output;

namespace LatentSymmetry.Tests.Cli;

/// <summary>The claim lock removes its file on release and stays exclusive while doing so (issue 19, row 25).</summary>
public class ClaimLockTests : TempDirectoryTests
{
    [SetUp]
    public void RequireLinux()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("the lock file is removed only where /proc/self/fd shows an unlinked handle (Linux)");
    }

    string LockPath => Path.Combine(Dir, ".latsym.lock");

    [Test]
    public void Releasing_the_lock_removes_its_file()
    {
        using (ClaimLock.Acquire(LockPath, TimeSpan.FromSeconds(5)))
            Assert.That(File.Exists(LockPath), Is.True);
        Assert.That(Directory.EnumerateFileSystemEntries(Dir), Is.Empty);
    }

    [Test]
    public void A_waiter_on_the_removed_file_locks_the_new_one_and_excludes_the_next()
    {
        // The first holder removes the file while the second waits on it: the second must not settle for the
        // unlinked file, or a third would lock a new file at the path and both would hold "the" lock.
        var first = ClaimLock.Acquire(LockPath, TimeSpan.FromSeconds(5));
        var second = Task.Run(() => ClaimLock.Acquire(LockPath, TimeSpan.FromSeconds(30)));
        Thread.Sleep(300); // the second has opened the file and waits for its lock
        Assert.That(second.IsCompleted, Is.False, "the lock is exclusive");
        first.Dispose();
        using var held = second.Result;
        Assert.That(File.Exists(LockPath), Is.True, "the second holds a file at the path again");
        Assert.Throws<TimeoutException>(() => ClaimLock.Acquire(LockPath, TimeSpan.FromMilliseconds(200)), "a third is still excluded");
    }
}
