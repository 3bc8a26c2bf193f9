using LatentSymmetry.Cli.Plots;
using LatentSymmetry.Core.Experiments.Results;

namespace LatentSymmetry.Tests.Plots;

public class FigureTitleTests
{
    [Test]
    public void A_group_is_titled_in_words_not_file_tokens()
    {
        Assert.That(FigureTitle.Of(new ResultGroupKey(2, 16, 1.0)), Is.EqualTo("2 x 16, lr 1"));
        Assert.That(FigureTitle.Of(new ResultGroupKey(6, 128, 3e-4)), Is.EqualTo("6 x 128, lr 3e-4"));
        Assert.That(FigureTitle.Of(new ResultGroupKey(6, 128, 2.5e-4) { Setup = "so2+sector90+augment" }), Is.EqualTo("6 x 128, lr 2.5e-4, so2 + sector90 + augment"));
        Assert.That(FigureTitle.Of(new ResultGroupKey(null, null, 0.1)), Is.EqualTo("architecture unknown, lr 0.1"));
    }

    [TestCase(1.0, "1")]
    [TestCase(0.5, "0.5")]
    [TestCase(0.01, "0.01")]
    [TestCase(1e-3, "1e-3")]
    [TestCase(6e-4, "6e-4")]
    [TestCase(9.999e-4, "1e-3")]
    [TestCase(1e300, "1e300")]
    [TestCase(123.456, "123")]
    [TestCase(0.0, "0")]
    public void Numbers_are_written_compactly(double value, string expected) =>
        Assert.That(FigureTitle.Number(value), Is.EqualTo(expected));
}
