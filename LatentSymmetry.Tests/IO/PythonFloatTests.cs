using LatentSymmetry.Core.IO;

namespace LatentSymmetry.Tests.IO;

public class PythonFloatTests
{
    // Expected strings are Python 3 repr() outputs.
    [TestCase(0.0003, "0.0003")]
    [TestCase(0.001, "0.001")]
    [TestCase(100.0, "100.0")]
    [TestCase(0.0, "0.0")]
    [TestCase(-0.0, "-0.0")]
    [TestCase(1.0, "1.0")]
    [TestCase(0.00012345678, "0.00012345678")]
    [TestCase(1.2e-05, "1.2e-05")]
    [TestCase(1e-05, "1e-05")]
    [TestCase(0.0001, "0.0001")]
    [TestCase(1e16, "1e+16")]
    [TestCase(1e15, "1000000000000000.0")]
    [TestCase(123456789.125, "123456789.125")]
    [TestCase(0.1, "0.1")]
    [TestCase(1.0 / 3.0, "0.3333333333333333")]
    [TestCase(2.5e-300, "2.5e-300")]
    [TestCase(1.7976931348623157e308, "1.7976931348623157e+308")]
    [TestCase(5e-324, "5e-324")]
    [TestCase(-1.5, "-1.5")]
    [TestCase(double.NaN, "nan")]
    [TestCase(double.PositiveInfinity, "inf")]
    [TestCase(double.NegativeInfinity, "-inf")]
    public void Format_matches_python_repr(double value, string expected)
    {
        Assert.That(PythonFloat.Format(value), Is.EqualTo(expected));
    }

    [TestCase("1e-05", 1e-05)]
    [TestCase("1.2E-05", 1.2e-05)]
    [TestCase(" 0.0003 ", 0.0003)]
    [TestCase("100", 100.0)]
    [TestCase(".5", 0.5)]
    [TestCase("5.", 5.0)]
    [TestCase("+2", 2.0)]
    [TestCase("1_000.5", 1000.5)]
    [TestCase("-inf", double.NegativeInfinity)]
    [TestCase("Infinity", double.PositiveInfinity)]
    [TestCase("INF", double.PositiveInfinity)]
    public void Parse_accepts_python_float_syntax(string text, double expected)
    {
        Assert.That(PythonFloat.TryParse(text, out double value), Is.True);
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("nan")]
    [TestCase("NaN")]
    [TestCase("-nan")]
    public void Parse_accepts_nan(string text)
    {
        Assert.That(PythonFloat.TryParse(text, out double value), Is.True);
        Assert.That(double.IsNaN(value), Is.True);
    }

    [TestCase("")]
    [TestCase("abc")]
    [TestCase("1e")]
    [TestCase("e5")]
    [TestCase("1,5")]
    [TestCase("_1")]
    [TestCase("1__0")]
    [TestCase("1.2.3")]
    [TestCase("0x10")]
    [TestCase("--1")]
    [TestCase("1e5.0")]
    public void Parse_rejects_what_python_rejects(string text)
    {
        Assert.That(PythonFloat.TryParse(text, out _), Is.False);
    }

    [Test]
    public void Format_then_parse_round_trips_exactly_across_magnitudes()
    {
        // Deterministic walk over bit patterns (no System.Random): a multiplicative sequence mod 2^64.
        ulong bits = 0x9E3779B97F4A7C15UL;
        for (int i = 0; i < 20_000; i++)
        {
            bits = bits * 6364136223846793005UL + 1442695040888963407UL;
            double v = BitConverter.UInt64BitsToDouble(bits);
            if (!double.IsFinite(v))
            {
                continue;
            }

            Assert.That(PythonFloat.TryParse(PythonFloat.Format(v), out double back), Is.True);
            Assert.That(BitConverter.DoubleToUInt64Bits(back), Is.EqualTo(BitConverter.DoubleToUInt64Bits(v)), PythonFloat.Format(v));
        }
    }

    [TestCase(1e-4, "1e-4")]
    [TestCase(3e-4, "3e-4")]
    [TestCase(6e-4, "6e-4")]
    [TestCase(0.001, "1e-3")]
    [TestCase(2.5e-4, "2.5e-4")]
    [TestCase(0.1, "1e-1")]
    [TestCase(1e-10, "1e-10")]
    [TestCase(1.0, "1e+00")]
    [TestCase(20.0, "2e+01")]
    public void Scientific_form_is_short_and_matches_the_original_when_exact(double value, string expected)
    {
        Assert.That(PythonFloat.FormatScientific(value), Is.EqualTo(expected));
    }
}
