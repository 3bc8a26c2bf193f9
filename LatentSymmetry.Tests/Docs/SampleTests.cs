using System.Reflection;
using System.Xml.Linq;

namespace LatentSymmetry.Tests.Docs;

/// <summary>
/// samples/Embedding stays the short program the foundations promised (at most 40 lines of code and 4 usings), and the
/// implicit usings the packages ship name namespaces that exist, so a rename cannot break every consumer silently.
/// </summary>
public class SampleTests
{
    static string[] CodeLines() => File.ReadAllLines(Path.Combine(DocFiles.RepositoryRoot, "samples", "Embedding", "Program.cs"))
        .Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith("//", StringComparison.Ordinal)).ToArray();

    [Test]
    public void The_sample_is_at_most_40_lines_of_code_with_at_most_4_usings()
    {
        var lines = CodeLines();
        Assert.That(lines, Has.Length.LessThanOrEqualTo(40));
        Assert.That(lines.Count(l => l.StartsWith("using ", StringComparison.Ordinal) && l.TrimEnd().EndsWith(';') && !l.Contains('(')), Is.LessThanOrEqualTo(4));
    }

    [TestCase("LatentSymmetry.Autograd", typeof(LatentSymmetry.Autograd.Tape<>))]
    [TestCase("LatentSymmetry.Core", typeof(LatentSymmetry.Core.Training.Trainer))]
    public void Every_implicit_using_a_package_ships_is_a_namespace_of_its_assembly(string project, Type inAssembly)
    {
        var props = XDocument.Load(Path.Combine(DocFiles.RepositoryRoot, project, "buildTransitive", project + ".props"));
        var usings = props.Descendants("Using").Select(u => (string)u.Attribute("Include")!).ToList();
        Assert.That(usings, Is.Not.Empty);
        var namespaces = inAssembly.Assembly.GetExportedTypes().Select(t => t.Namespace).ToHashSet();
        Assert.That(usings, Is.SubsetOf(namespaces));
        var csproj = XDocument.Load(Path.Combine(DocFiles.RepositoryRoot, project, project + ".csproj"));
        Assert.That(csproj.Descendants("None").Any(n => (string?)n.Attribute("Include") == $"buildTransitive/{project}.props" && (string?)n.Attribute("Pack") == "true"),
            Is.True, "the props file is packed");
    }
}
