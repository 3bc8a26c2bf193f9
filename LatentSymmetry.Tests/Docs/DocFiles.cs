namespace LatentSymmetry.Tests.Docs;

/// <summary>The repository's documentation as the tests read it: the README, the guide under docs/, the package readmes.</summary>
static class DocFiles
{
    /// <summary>The directory holding LatentSymmetry.sln, found upwards from the test assembly.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The packable projects, each packing the README.md of its own directory as its package readme.</summary>
    public static readonly string[] PackageProjects = ["LatentSymmetry.Autograd", "LatentSymmetry.Core", "LatentSymmetry.Cli"];

    /// <summary>README.md and every .md file under docs/, as paths relative to the repository root with '/' separators.</summary>
    public static IReadOnlyList<string> Guide()
    {
        var docs = Directory.GetFiles(Path.Combine(RepositoryRoot, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryRoot, p).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        return ["README.md", .. docs];
    }

    /// <summary>The package readmes, relative to the repository root.</summary>
    public static IReadOnlyList<string> PackageReadmes() => [.. PackageProjects.Select(p => p + "/README.md")];

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(RepositoryRoot, relativePath));

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LatentSymmetry.sln")) && File.Exists(Path.Combine(dir.FullName, "README.md")))
                return dir.FullName;
        throw new InvalidOperationException("LatentSymmetry.sln and README.md not found above the test directory");
    }
}
