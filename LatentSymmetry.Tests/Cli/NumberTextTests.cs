using LatentSymmetry.Cli.Output;

namespace LatentSymmetry.Tests.Cli;

/// <summary>Issue 19, row 19: one compact form for the numbers of reports and progress lines.</summary>
public class NumberTextTests
{
    [TestCase(0.0, "0")]
    [TestCase(0.0003197, "3.197e-04")]
    [TestCase(3.503e-06, "3.503e-06")]
    [TestCase(0.001, "0.001")]
    [TestCase(0.04253, "0.04253")]
    [TestCase(1.0, "1")]
    [TestCase(-2.5, "-2.5")]
    [TestCase(1234.567, "1235")]
    [TestCase(9999.7, "1e+04")]
    [TestCase(12345.0, "1.235e+04")]
    [TestCase(1e300, "1e+300")]
    [TestCase(-4.2e-120, "-4.2e-120")]
    [TestCase(double.NaN, "NaN")]
    [TestCase(double.PositiveInfinity, "inf")]
    public void Four_significant_digits_positional_from_a_thousandth_to_ten_thousand(double value, string expected) =>
        Assert.That(NumberText.Short(value), Is.EqualTo(expected));

    [TestCase(3.503e-06, "3.5e-06")]
    [TestCase(0.1234, "0.123")]
    public void A_table_may_ask_for_fewer_digits(double value, string expected) =>
        Assert.That(NumberText.Short(value, 3), Is.EqualTo(expected));

    [Test]
    public void A_huge_lambda_is_printed_compactly_in_the_epoch_line()
    {
        // Before: "lambda 1000000000000000052504760255204420248704468581108159154915854115111802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115467196834763571840.000".
        var m = new LatentSymmetry.Core.Training.EpochMetrics(1, 1e300, 0.5, 0.25, 0.5, 0.25, 1.0);
        var line = RunReport.EpochLine(m, 2);
        Assert.That(line, Does.Contain("lambda 1e+300  task"));
        Assert.That(line.Length, Is.LessThan(80));
        Assert.That(RunReport.EpochLine(m with { Lambda = 0.5 }, 2), Does.Contain("lambda 0.500  task"), "the usual weights keep three decimals");
    }
}
