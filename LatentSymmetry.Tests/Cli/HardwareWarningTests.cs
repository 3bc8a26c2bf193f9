using System.CommandLine;
using LatentSymmetry.Cli.Output;

namespace LatentSymmetry.Tests.Cli;

public class HardwareWarningTests
{
    private static readonly RootCommand Root = new()
    {
        new Command("train") { new Option<bool>("--json") },
        new Command("profile") { new Command("step") },
        new Command("analyze"),
    };

    [TestCase("train", true)]
    [TestCase("train --json", true)]
    [TestCase("profile step", true)]
    [TestCase("train --help", false)]
    [TestCase("analyze", false)]
    public void A_computing_command_warns_once_on_stderr(string commandLine, bool warns)
    {
        var stderr = new StringWriter();
        bool wrote = HardwareWarning.WriteIfSlow(Root.Parse(commandLine), "FMA is emulated; do X.", stderr);
        Assert.That(wrote, Is.EqualTo(warns));
        Assert.That(stderr.ToString(), Is.EqualTo(warns ? "latsym: warning: FMA is emulated; do X." + Environment.NewLine : ""));
    }

    [Test]
    public void No_warning_when_fma_runs_in_hardware()
    {
        var stderr = new StringWriter();
        Assert.That(HardwareWarning.WriteIfSlow(Root.Parse("train"), advice: null, stderr), Is.False);
        Assert.That(stderr.ToString(), Is.Empty);
    }
}
