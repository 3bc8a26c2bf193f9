using System.Text.RegularExpressions;

namespace LatentSymmetry.Tests.Docs;

/// <summary>
/// Every C# block of the README, docs/ and the package readmes is code that a test compiles and runs: its using
/// lines are using lines of the test file that holds the example, and its other lines are, line for line, the
/// lines between "// begin example: NAME" and "// end example" there (<see cref="ReadmeExample"/>,
/// <see cref="LibraryExamples"/>), indentation aside. A block after a line "&lt;!-- example: NAME --&gt;" is held
/// to that example; a block without one (in a package readme, where nuget.org shows no HTML) to whichever matches.
/// </summary>
public partial class DocExampleTextTests
{
    static readonly string SourceDirectory = Path.Combine(DocFiles.RepositoryRoot, "LatentSymmetry.Tests", "Docs");

    public static IEnumerable<TestCaseData> Blocks()
    {
        foreach (string page in DocFiles.Guide().Concat(DocFiles.PackageReadmes()))
            foreach (var fence in MarkdownText.Fences(DocFiles.Read(page)).Where(f => f.Info is "csharp" or "cs" or "c#"))
            {
                var name = ExampleName().Match(fence.LineBefore);
                string label = name.Success ? name.Groups[1].Value : "(unnamed)";
                yield return new TestCaseData(page, label, fence.Lines).SetName($"{page} example {label} is the tested code");
            }
    }

    [TestCaseSource(nameof(Blocks))]
    public void A_csharp_block_is_the_code_a_test_runs(string page, string name, IReadOnlyList<string> block)
    {
        if (name == "(unnamed)")
        {
            name = RegionNames().FirstOrDefault(n => Dedent(CodeLines(block)).SequenceEqual(Dedent(FindRegion(n).Lines))) ?? "";
            Assert.That(name, Is.Not.Empty, $"a C# block in {page} is none of the examples the tests run; put it in LatentSymmetry.Tests/Docs and mark it '<!-- example: NAME -->'");
        }
        var (file, region) = FindRegion(name);
        var fileUsings = File.ReadAllLines(file).Where(l => l.StartsWith("using ", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var usings = block.Where(l => l.StartsWith("using ", StringComparison.Ordinal)).ToList();
        Assert.That(usings.Where(u => !fileUsings.Contains(u)), Is.Empty, $"{page}'s example {name} opens namespaces that {Path.GetFileName(file)} does not");
        Assert.That(Dedent(CodeLines(block)), Is.EqualTo(Dedent(region)), $"{page}'s example {name} differs from the code in {Path.GetFileName(file)}");
    }

    [Test]
    public void Every_tested_example_is_shown_somewhere()
    {
        var shown = Blocks().Select(c => (string)c.Arguments[1]!).ToHashSet(StringComparer.Ordinal);
        var regions = RegionNames();
        Assert.That(regions, Does.Contain("readme"));
        Assert.That(regions.Where(r => !shown.Contains(r)), Is.Empty, "examples in the tests that no page shows");
    }

    [Test]
    public void A_changed_line_is_found()
    {
        // Guards the comparison: the README's block with one line altered no longer matches.
        var readme = Blocks().Single(c => (string)c.Arguments[1]! == "readme");
        var lines = ((IReadOnlyList<string>)readme.Arguments[2]!).ToList();
        var (_, region) = FindRegion("readme");
        Assert.That(Dedent(CodeLines(lines)), Is.EqualTo(Dedent(region)));
        int last = lines.FindLastIndex(l => l.Trim().Length > 0);
        lines[last] = lines[last].Replace("model", "modle", StringComparison.Ordinal);
        Assert.That(Dedent(CodeLines(lines)), Is.Not.EqualTo(Dedent(region)));
    }

    static List<string> RegionNames() =>
        [.. Directory.GetFiles(SourceDirectory, "*.cs").SelectMany(File.ReadAllLines)
            .Select(l => BeginMarker().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value)];

    /// <summary>A block's lines without its using lines and the blank lines after them.</summary>
    static IEnumerable<string> CodeLines(IEnumerable<string> block) =>
        block.Where(l => !l.StartsWith("using ", StringComparison.Ordinal)).SkipWhile(l => l.Trim().Length == 0);

    static (string File, IReadOnlyList<string> Lines) FindRegion(string name)
    {
        foreach (string file in Directory.GetFiles(SourceDirectory, "*.cs"))
        {
            var lines = File.ReadAllLines(file);
            int begin = Array.FindIndex(lines, l => l.Trim() == $"// begin example: {name}");
            if (begin < 0) continue;
            int end = Array.FindIndex(lines, begin, l => l.Trim() == "// end example");
            Assert.That(end, Is.GreaterThan(begin), $"{file}: example {name} has no '// end example'");
            return (file, lines[(begin + 1)..end]);
        }
        Assert.Fail($"no test in LatentSymmetry.Tests/Docs holds '// begin example: {name}'");
        throw new InvalidOperationException();
    }

    static List<string> Dedent(IEnumerable<string> lines)
    {
        var list = lines.Select(l => l.TrimEnd()).ToList();
        while (list.Count > 0 && list[^1].Length == 0) list.RemoveAt(list.Count - 1);
        int indent = list.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return [.. list.Select(l => l.Length >= indent ? l[indent..] : l)];
    }

    [GeneratedRegex(@"^<!--\s*example:\s*([\w-]+)\s*-->$")]
    private static partial Regex ExampleName();

    [GeneratedRegex(@"^\s*// begin example: ([\w-]+)\s*$")]
    private static partial Regex BeginMarker();
}
