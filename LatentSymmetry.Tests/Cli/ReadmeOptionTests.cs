using System.CommandLine;
using System.CommandLine.Help;
using System.Text.RegularExpressions;

namespace LatentSymmetry.Tests.Cli;

/// <summary>
/// The README documents every command and option of <c>latsym</c>: each option's long name appears in the
/// README's section for its command ("### `latsym train`" up to the next "### " heading; a subcommand such as
/// <c>profile gemm</c> is documented in its parent's section). The cases come from the real command tree, so a
/// new option without a README line fails here.
/// </summary>
public class ReadmeOptionTests
{
    static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

    public static IEnumerable<TestCaseData> Options()
    {
        var root = LatentSymmetry.Cli.Program.CreateRoot(TextWriter.Null, TextWriter.Null);
        foreach (var (path, command) in Commands(root, ""))
            foreach (var option in command.Options)
            {
                if (option is HelpOption || option is VersionOption) continue;
                string name = option.Name.StartsWith("--", StringComparison.Ordinal) ? option.Name : option.Aliases.First(a => a.StartsWith("--", StringComparison.Ordinal));
                yield return new TestCaseData(path, name).SetName($"README documents latsym {path} {name}");
            }
    }

    public static IEnumerable<TestCaseData> TopLevelCommands() =>
        LatentSymmetry.Cli.Program.CreateRoot(TextWriter.Null, TextWriter.Null).Subcommands
            .Select(c => new TestCaseData(c.Name).SetName($"README has a section for latsym {c.Name}"));

    [TestCaseSource(nameof(Options))]
    public void Every_option_is_in_its_commands_readme_section(string commandPath, string option)
    {
        string section = Section(commandPath.Split(' ')[0]);
        // The whole name, not a prefix of a longer one (--m is not --metric).
        Assert.That(Regex.IsMatch(section, $@"(?<![\w-]){Regex.Escape(option)}(?![\w-])"), Is.True,
            $"README.md's section for 'latsym {commandPath}' does not mention {option}; document it with its default and meaning");
    }

    [TestCaseSource(nameof(TopLevelCommands))]
    public void Every_command_has_a_readme_section(string command) =>
        Assert.That(Readme, Does.Contain($"### `latsym {command}"));

    /// <summary>
    /// Every "latsym ..." line of the README's indented examples and every "dotnet run --project LatentSymmetry.Cli ... --"
    /// line (the set-up command, the SLURM script) as the latsym line it runs; continuations joined, comments cut.
    /// </summary>
    public static IEnumerable<TestCaseData> ExampleLines()
    {
        var lines = Readme.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i].Trim();
            const string Run = "dotnet run --project LatentSymmetry.Cli -c Release -- ";
            if (line.StartsWith(Run, StringComparison.Ordinal)) line = "latsym " + line[Run.Length..];
            else if (!lines[i].StartsWith("    latsym ", StringComparison.Ordinal)) continue;
            while (line.EndsWith('\\') && i + 1 < lines.Count) line = line[..^1] + " " + lines[++i].Trim();
            int comment = line.IndexOf(" #", StringComparison.Ordinal);
            if (comment >= 0) line = line[..comment];
            yield return new TestCaseData(line.TrimEnd()).SetName($"README example parses: {line.TrimEnd()}");
        }
    }

    [TestCaseSource(nameof(ExampleLines))]
    public void Every_readme_example_parses(string line)
    {
        // [--json] marks an optional part: parse the line with it.
        // A shell variable stands for a number there ("$SLURM_CPUS_PER_TASK").
        var args = ShellWords(line.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal))
            .Skip(1).Select(w => w.StartsWith('$') ? "2" : w).ToArray();
        var parse = LatentSymmetry.Cli.Program.CreateRoot(TextWriter.Null, TextWriter.Null).Parse(args);
        Assert.That(parse.Errors.Select(e => e.Message), Is.Empty, line);
    }

    [Test]
    public void The_readme_has_examples_of_every_command() =>
        Assert.That(ExampleLines().Select(c => ((string)c.Arguments[0]!).Split(' ')[1]).Distinct(),
            Is.SupersetOf(new[] { "train", "profile", "benchmark", "analyze", "compare", "fields", "evaluate", "survey" }));

    [Test]
    public void Every_embedded_figure_exists()
    {
        var paths = Regex.Matches(Readme, @"!\[[^\]]*\]\(([^)\s]+)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.That(paths, Is.Not.Empty);
        Assert.That(paths.Where(p => !File.Exists(Path.Combine(RepositoryRoot(), p))), Is.Empty, "README.md embeds figures that are not in the repository");
    }

    /// <summary>Splits a shell line into words, honouring single and double quotes (enough for the README's examples).</summary>
    static IEnumerable<string> ShellWords(string line)
    {
        var word = new System.Text.StringBuilder();
        bool inWord = false;
        char quote = '\0';
        foreach (char c in line)
        {
            if (quote != '\0') { if (c == quote) quote = '\0'; else word.Append(c); continue; }
            if (c is '\'' or '"') { quote = c; inWord = true; continue; }
            if (char.IsWhiteSpace(c)) { if (inWord) yield return word.ToString(); word.Clear(); inWord = false; continue; }
            word.Append(c);
            inWord = true;
        }
        if (inWord) yield return word.ToString();
    }

    [Test]
    public void The_tree_has_the_commands_the_readme_lists()
    {
        // Guards the walk itself: an empty tree would make every case above vanish instead of fail.
        var names = Options().Select(c => (string)c.Arguments[0]! + " " + (string)c.Arguments[1]!).ToList();
        Assert.That(names, Does.Contain("train --symmetry-layer").And.Contain("profile gemm --form").And.Contain("survey --mix-a"));
    }

    /// <summary>The text from "### `latsym COMMAND" to the next "## " or "### " heading ("#### " subsections belong to it).</summary>
    static string Section(string command)
    {
        int start = Readme.IndexOf($"### `latsym {command}", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"README.md has no section '### `latsym {command}`'");
        var next = new Regex("^#{2,3} ", RegexOptions.Multiline).Match(Readme, start + 1);
        return next.Success ? Readme[start..next.Index] : Readme[start..];
    }

    static IEnumerable<(string Path, Command Command)> Commands(Command command, string path)
    {
        foreach (var sub in command.Subcommands)
        {
            string subPath = path.Length == 0 ? sub.Name : path + " " + sub.Name;
            yield return (subPath, sub);
            foreach (var nested in Commands(sub, subPath)) yield return nested;
        }
    }

    static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LatentSymmetry.sln")) && File.Exists(Path.Combine(dir.FullName, "README.md")))
                return dir.FullName;
        throw new InvalidOperationException("README.md not found above the test directory");
    }
}
