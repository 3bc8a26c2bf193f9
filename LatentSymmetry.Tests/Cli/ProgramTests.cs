namespace LatentSymmetry.Tests.Cli;

/// <summary>The command line's own behaviour, before any command runs.</summary>
public class ProgramTests
{
    // In-process the root is named after the test host, so the usage line is matched from the command on.
    [TestCase(new string[0], " [command] [options]")]
    [TestCase(new[] { "profile" }, " profile [command] [options]")]
    public void A_command_that_needs_a_subcommand_alone_prints_its_help(string[] args, string usage)
    {
        // Issue 19, row 18: bare "latsym" said "Required command was not provided" (exit 2).
        var r = CliRunner.Run(args);
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stderr, Is.Empty);
        Assert.That(r.Stdout, Does.Contain(usage).And.Contain("Commands:"));
    }

    [Test]
    public void A_value_after_a_double_dash_may_look_like_an_option()
    {
        // "--" ends the options, so the unknown-option rule leaves the words after it alone.
        var r = CliRunner.Run("analyze", "--", "--no-such-file.csv");
        Assert.That(r.ExitCode, Is.EqualTo(2));
        Assert.That(r.Stderr, Does.Not.Contain("unknown option"));
    }

    [Test]
    public void The_top_level_help_gives_each_command_one_line()
    {
        // Issue 19: each command had its whole description there (evaluate's about 2,000 characters).
        var r = CliRunner.Run("--help");
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        var commands = r.Stdout[r.Stdout.IndexOf("Commands:", StringComparison.Ordinal)..].Split('\n').Skip(1).TakeWhile(l => l.Trim().Length > 0).ToList();
        var root = LatentSymmetry.Cli.Program.CreateRoot(TextWriter.Null, TextWriter.Null);
        Assert.That(commands, Has.Count.EqualTo(root.Subcommands.Count), "one line per command");
        foreach (var command in root.Subcommands)
            Assert.That(commands.Count(l => l.TrimStart().StartsWith(command.Name + " ", StringComparison.Ordinal)), Is.EqualTo(1), command.Name);
        Assert.That(r.Stdout.Split('\n').Select(l => l.Length), Is.All.LessThanOrEqualTo(180));
        Assert.That(commands.Select(l => l.Length), Is.All.LessThan(80), "each command's line fits an 80-column terminal");
    }

    [Test]
    public void Every_command_has_a_summary_for_the_top_level_help()
    {
        var root = LatentSymmetry.Cli.Program.CreateRoot(TextWriter.Null, TextWriter.Null);
        Assert.That(root.Subcommands.Select(c => c.Name), Is.EquivalentTo(LatentSymmetry.Cli.Output.RootHelp.Summaries.Keys));
    }

    [Test]
    public void A_commands_own_help_keeps_its_detail()
    {
        var r = CliRunner.Run("evaluate", "--help");
        Assert.That(r.ExitCode, Is.Zero, r.Stderr);
        Assert.That(r.Stdout, Does.Contain("angle_curve").And.Contain("--rotations"));
    }
}
