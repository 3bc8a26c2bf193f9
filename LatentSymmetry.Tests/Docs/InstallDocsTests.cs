using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LatentSymmetry.Tests.Docs;

/// <summary>
/// The README's Install steps and samples/Embedding agree: the folder the README packs to and installs the tool
/// from is the one the sample's nuget.config reads, and the README runs the sample from there. The README states
/// no package sizes, which no test could keep true without packing.
/// </summary>
public partial class InstallDocsTests
{
    [Test]
    public void The_readme_packs_to_the_folder_the_sample_restores_from()
    {
        string readme = DocFiles.Read("README.md");
        var pack = PackCommand().Match(readme);
        Assert.That(pack.Success, Is.True, "README.md has no 'dotnet pack LatentSymmetry.sln -c Release -o DIR' line");
        string packed = Normalise(Path.Combine(DocFiles.RepositoryRoot, pack.Groups["dir"].Value));

        var config = XDocument.Load(Path.Combine(DocFiles.RepositoryRoot, "samples", "nuget.config"));
        string local = config.Descendants("packageSources").Elements("add").Single(e => (string?)e.Attribute("key") == "local").Attribute("value")!.Value;
        Assert.That(Normalise(Path.Combine(DocFiles.RepositoryRoot, "samples", local)), Is.EqualTo(packed),
            "samples/nuget.config reads another folder than the one README.md packs to");

        var install = ToolInstall().Match(readme);
        Assert.That(install.Success, Is.True, "README.md has no 'dotnet tool install --global latsym --add-source DIR' line");
        Assert.That(Normalise(Path.Combine(DocFiles.RepositoryRoot, install.Groups["dir"].Value)), Is.EqualTo(packed));
        Assert.That(readme, Does.Contain("    cd samples/Embedding && dotnet run\n"), "README.md runs the sample after packing");
    }

    [Test]
    public void The_readme_states_no_package_sizes()
    {
        var sizes = Size().Matches(DocFiles.Read("README.md")).Select(m => m.Value).ToList();
        Assert.That(sizes, Is.Empty);
    }

    static string Normalise(string path) => Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);

    [GeneratedRegex(@"^    dotnet pack LatentSymmetry\.sln -c Release -o (?<dir>\S+)$", RegexOptions.Multiline)]
    private static partial Regex PackCommand();

    [GeneratedRegex(@"^    dotnet tool install --global latsym --add-source (?<dir>\S+)$", RegexOptions.Multiline)]
    private static partial Regex ToolInstall();

    [GeneratedRegex(@"\b\d+(\.\d+)?\s?(KB|MB|GB|KiB|MiB|GiB)\b")]
    private static partial Regex Size();
}
