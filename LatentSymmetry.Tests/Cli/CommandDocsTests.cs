using System.CommandLine;
using System.CommandLine.Help;
using System.Text.RegularExpressions;
using LatentSymmetry.Tests.Docs;

namespace LatentSymmetry.Tests.Cli;

/// <summary>
/// docs/cli/&lt;command&gt;.md documents every option of its command: each option's long name appears in its page (a
/// subcommand such as <c>profile gemm</c> in its parent's page). The cases come from the real command tree, so a new
/// option without a line in its page fails here. Every example line of the README and docs/ parses.
/// </summary>
public class CommandDocsTests
{
    static string Page(string command) => Path.Combine("docs", "cli", command + ".md");

    public static IEnumerable<TestCaseData> Options()
    {
        var root = LatentSymmetry.Cli.Program.CreateRoot(TextWriter.Null, TextWriter.Null);
        foreach (var (path, command) in Commands(root, ""))
            foreach (var option in command.Options)
            {
                if (option is HelpOption || option is VersionOption) continue;
                string name = option.Name.StartsWith("--", StringComparison.Ordinal) ? option.Name : option.Aliases.First(a => a.StartsWith("--", StringComparison.Ordinal));
                yield return new TestCaseData(path, name).SetName($"docs/cli documents latsym {path} {name}");
            }
    }

    public static IEnumerable<TestCaseData> TopLevelCommands() =>
        LatentSymmetry.Cli.Program.CreateRoot(TextWriter.Null, TextWriter.Null).Subcommands
            .Select(c => new TestCaseData(c.Name).SetName($"docs/cli has a page for latsym {c.Name}"));

    [TestCaseSource(nameof(Options))]
    public void Every_option_is_in_its_commands_page(string commandPath, string option)
    {
        string page = Page(commandPath.Split(' ')[0]);
        Assert.That(File.Exists(Path.Combine(DocFiles.RepositoryRoot, page)), Is.True, $"{page} is missing");
        // The whole name, not a prefix of a longer one (--m is not --metric).
        Assert.That(Regex.IsMatch(DocFiles.Read(page), $@"(?<![\w-]){Regex.Escape(option)}(?![\w-])"), Is.True,
            $"{page} does not mention {option} of 'latsym {commandPath}'; document it with its default and meaning");
    }

    [TestCaseSource(nameof(TopLevelCommands))]
    public void Every_command_has_a_page_an_example_and_a_readme_line(string command)
    {
        string page = Page(command);
        Assert.That(File.Exists(Path.Combine(DocFiles.RepositoryRoot, page)), Is.True, $"{page} is missing");
        string text = DocFiles.Read(page);
        Assert.That(text, Does.StartWith($"# `latsym {command}"), $"{page} starts with its title");
        Assert.That(ExampleLinesOf(page).Select(l => l.Split(' ')[1]), Does.Contain(command), $"{page} has no example line 'latsym {command} ...'");
        Assert.That(DocFiles.Read("README.md"), Does.Contain($"](docs/cli/{command}.md)"), $"README.md's command list does not link {page}");
    }

    /// <summary>
    /// Every "latsym ..." (or "$ latsym ...") line of the indented examples of the README, docs/ and the package
    /// readmes, and every
    /// "dotnet run --project LatentSymmetry.Cli ... --" line (the set-up command, the SLURM script) as the latsym
    /// line it runs; continuations joined, comments cut.
    /// </summary>
    public static IEnumerable<TestCaseData> ExampleLines() =>
        DocFiles.Guide().Concat(DocFiles.PackageReadmes()).SelectMany(page => ExampleLinesOf(page).Select(line => new TestCaseData(line).SetName($"{page} example parses: {line}")));

    static IEnumerable<string> ExampleLinesOf(string page)
    {
        var lines = DocFiles.Read(page).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        for (int i = 0; i < lines.Count; i++)
        {
            string line = lines[i].Trim();
            const string Run = "dotnet run --project LatentSymmetry.Cli -c Release -- ";
            if (line.StartsWith(Run, StringComparison.Ordinal)) line = "latsym " + line[Run.Length..];
            else if (lines[i].StartsWith("    $ latsym ", StringComparison.Ordinal)) line = line[2..];
            else if (!lines[i].StartsWith("    latsym ", StringComparison.Ordinal)) continue;
            while (line.EndsWith('\\') && i + 1 < lines.Count) line = line[..^1] + " " + lines[++i].Trim();
            int comment = line.IndexOf(" #", StringComparison.Ordinal);
            if (comment >= 0) line = line[..comment];
            yield return line.TrimEnd();
        }
    }

    [TestCaseSource(nameof(ExampleLines))]
    public void Every_example_parses(string line)
    {
        // [--json] marks an optional part: parse the line with it.
        // A shell variable stands for a number there ("$SLURM_CPUS_PER_TASK").
        var args = ShellWords(line.Replace("[", "", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal))
            .Skip(1).Select(w => w.StartsWith('$') ? "2" : w).ToArray();
        var parse = LatentSymmetry.Cli.Program.CreateRoot(TextWriter.Null, TextWriter.Null).Parse(args);
        Assert.That(parse.Errors.Select(e => e.Message), Is.Empty, line);
    }

    [Test]
    public void The_readme_has_the_set_up_command_and_it_parses()
    {
        Assert.That(ExampleLinesOf("README.md"), Does.Contain("latsym train"), "README.md's first set-up command");
    }

    /// <summary>Splits a shell line into words, honouring single and double quotes (enough for the documentation's examples).</summary>
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
    public void The_tree_has_the_commands_the_docs_list()
    {
        // Guards the walk itself: an empty tree would make every case above vanish instead of fail.
        var names = Options().Select(c => (string)c.Arguments[0]! + " " + (string)c.Arguments[1]!).ToList();
        Assert.That(names, Does.Contain("train --symmetry-layer").And.Contain("profile gemm --form").And.Contain("survey --mix-a"));
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
}
