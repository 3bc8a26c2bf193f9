using System.CommandLine;
using System.Globalization;

namespace LatentSymmetry.Tests.Cli;

/// <summary>A single-number option reads the invariant culture's form, whatever the user's locale.</summary>
public class ScalarNumberTextTests
{
    static T ValueOf<T>(string optionName, params string[] args)
    {
        var root = LatentSymmetry.Cli.Program.CreateRoot(TextWriter.Null, TextWriter.Null);
        var parse = root.Parse(args);
        Assert.That(parse.Errors, Is.Empty, string.Join("; ", parse.Errors.Select(e => e.Message)));
        var option = (Option<T>)parse.CommandResult.Command.Options.Single(o => o.Name == optionName);
        return parse.GetValue(option)!;
    }

    [TestCase("0.5", 0.5)]
    [TestCase("1e-3", 1e-3)]
    [TestCase("-2.5E+2", -250.0)]
    public void A_decimal_point_is_read_the_same_under_a_comma_decimal_locale(string text, double expected)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            // de-DE writes 0,5 and would read "0.5" as 5 with its own rules.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.That(ValueOf<double>("--lambda-sym-max", "train", "--lambda-sym-max", text), Is.EqualTo(expected));
        }
        finally { CultureInfo.CurrentCulture = saved; }
    }

    [Test]
    public void An_absent_number_option_keeps_its_default()
    {
        Assert.That(ValueOf<int>("--epochs", "train"), Is.EqualTo(new LatentSymmetry.Core.Training.TrainingOptions().Epochs));
        Assert.That(ValueOf<double>("--box", "train"), Is.EqualTo(new LatentSymmetry.Core.Training.TrainingOptions().BoxHalfWidth));
    }
}
