using System.Text.RegularExpressions;

namespace LatentSymmetry.Tests.Design;

/// <summary>Inside Core, no namespace imports another that imports it back, however long the loop.</summary>
public partial class NamespaceCycleTests
{
    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();

    [GeneratedRegex(@"^using (LatentSymmetry\.Core[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex UsingLine();

    [GeneratedRegex(@"\b(LatentSymmetry\.Core\.[A-Z]\w*(?:\.[A-Z]\w*)*)\.[A-Z]\w*")]
    private static partial Regex QualifiedName();

    static string CoreDirectory()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LatentSymmetry.sln"))) return Path.Combine(dir.FullName, "LatentSymmetry.Core");
        throw new DirectoryNotFoundException("no LatentSymmetry.sln above the test directory");
    }

    /// <summary>namespace → the Core namespaces it names (by using or by a qualified name), with one file for each.</summary>
    static Dictionary<string, Dictionary<string, string>> Imports(string root)
    {
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .ToList();
        var texts = files.Select(f => (File: f, Text: File.ReadAllText(f))).ToList();
        var namespaces = texts.Select(t => NamespaceLine().Match(t.Text)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        var imports = new Dictionary<string, Dictionary<string, string>>();
        foreach (var (file, text) in texts)
        {
            var ns = NamespaceLine().Match(text);
            if (!ns.Success) continue;
            var from = ns.Groups[1].Value;
            var targets = UsingLine().Matches(text).Select(m => m.Groups[1].Value)
                .Concat(QualifiedName().Matches(text).Select(m => LongestNamespace(m.Groups[1].Value, namespaces)).OfType<string>());
            foreach (var to in targets.Where(t => t != from && namespaces.Contains(t)))
            {
                if (!imports.TryGetValue(from, out var set)) imports[from] = set = [];
                set.TryAdd(to, Path.GetFileName(file));
            }
        }
        return imports;
    }

    static string? LongestNamespace(string qualified, HashSet<string> namespaces)
    {
        for (var name = qualified; name.Contains('.'); name = name[..name.LastIndexOf('.')])
            if (namespaces.Contains(name)) return name;
        return null;
    }

    /// <summary>One loop of imports, if any (a → b → ... → a), by depth-first search.</summary>
    static List<string>? FindCycle(Dictionary<string, Dictionary<string, string>> imports)
    {
        var state = new Dictionary<string, int>(); // 1: on the path, 2: done
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var next in imports.GetValueOrDefault(node)?.Keys ?? Enumerable.Empty<string>())
            {
                if (state.GetValueOrDefault(next) == 1) return [.. path[path.IndexOf(next)..], next];
                if (state.GetValueOrDefault(next) == 0 && Visit(next) is { } found) return found;
            }
            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }
        foreach (var node in imports.Keys.Order())
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle) return cycle;
        return null;
    }

    [Test]
    public void Core_namespaces_import_one_way()
    {
        var imports = Imports(CoreDirectory());
        var cycle = FindCycle(imports);
        Assert.That(cycle, Is.Null, cycle is null ? "" : "namespace cycle: " + string.Join(" -> ",
            cycle.Zip(cycle.Skip(1), (a, b) => $"{a} ({imports[a][b]})")) + " -> " + cycle[^1]);
    }

    [Test]
    public void The_search_finds_a_planted_cycle()
    {
        var imports = new Dictionary<string, Dictionary<string, string>>
        {
            ["A"] = new() { ["B"] = "a.cs" },
            ["B"] = new() { ["C"] = "b.cs" },
            ["C"] = new() { ["A"] = "c.cs" },
            ["D"] = new() { ["A"] = "d.cs" },
        };
        Assert.That(FindCycle(imports), Is.EqualTo(new[] { "A", "B", "C", "A" }));
        imports["C"].Clear();
        Assert.That(FindCycle(imports), Is.Null);
    }
}
