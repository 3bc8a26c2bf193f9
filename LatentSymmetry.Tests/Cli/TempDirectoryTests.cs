namespace LatentSymmetry.Tests.Cli;

/// <summary>
/// A test class whose every test gets a fresh directory of its own (<see cref="Dir"/>), deleted after the test.
/// A derived class's own [SetUp] runs after this one's, so it can fill the directory.
/// </summary>
public abstract class TempDirectoryTests
{
    /// <summary>The current test's directory.</summary>
    protected string Dir { get; private set; } = "";

    [SetUp]
    public void CreateDirectory() => Dir = CliRunner.TempDirectory();

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(Dir, recursive: true);
}
