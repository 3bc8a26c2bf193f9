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
}
