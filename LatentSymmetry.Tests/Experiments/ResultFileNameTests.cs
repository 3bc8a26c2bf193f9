using LatentSymmetry.Core.Experiments.Results;

namespace LatentSymmetry.Tests.Experiments;

public class ResultFileNameTests
{
    [TestCase(1e-4, "layers=6x128_lr=1e-4_seed=42.csv")]
    [TestCase(3e-4, "layers=6x128_lr=3e-4_seed=42.csv")]
    [TestCase(6e-4, "layers=6x128_lr=6e-4_seed=42.csv")]
    [TestCase(0.001, "layers=6x128_lr=1e-3_seed=42.csv")]
    [TestCase(2.5e-4, "layers=6x128_lr=2.5e-4_seed=42.csv")]
    [TestCase(0.1, "layers=6x128_lr=1e-1_seed=42.csv")]
    public void File_name_uses_short_scientific_learning_rate(double lr, string expected)
    {
        Assert.That(new ResultFileName(6, 128, lr, 42).FileName, Is.EqualTo(expected));
    }

    [Test]
    public void Parse_reads_architecture_learning_rate_and_seed()
    {
        ResultFileName name = ResultFileName.Parse("layers=6x128_lr=3e-4_seed=42.csv");
        Assert.That(name, Is.EqualTo(new ResultFileName(6, 128, 3e-4, 42)));
        Assert.That(name.Architecture, Is.EqualTo("6x128"));
    }

    [Test]
    public void Parse_takes_the_last_path_component()
    {
        Assert.That(ResultFileName.Parse(Path.Combine("results", "run1", "layers=4x256_lr=1e-04_seed=7.csv")),
            Is.EqualTo(new ResultFileName(4, 256, 1e-4, 7)));
    }

    [TestCase(1e-4)]
    [TestCase(3e-4)]
    [TestCase(6e-4)]
    [TestCase(2.5e-4)]
    [TestCase(0.00012345678)]
    [TestCase(0.1)]
    [TestCase(1.0)]
    public void Format_then_parse_round_trips(double lr)
    {
        var name = new ResultFileName(3, 64, lr, 1234);
        Assert.That(ResultFileName.Parse(name.FileName), Is.EqualTo(name));
    }

    [TestCase("layers=6x128_lr=3e-4_seed=42.txt")]
    [TestCase("layers=6_lr=3e-4_seed=42.csv")]
    [TestCase("layers=6x128_lr=abc_seed=42.csv")]
    [TestCase("layers=6x128_lr=3e-4_seed=.csv")]
    [TestCase("layers=0x128_lr=3e-4_seed=1.csv")]
    [TestCase("layers=6x128_lr=-3e-4_seed=1.csv")]
    [TestCase("results.csv")]
    public void Parse_rejects_other_names(string name)
    {
        Assert.That(ResultFileName.TryParse(name, out _), Is.False);
        var ex = Assert.Throws<FormatException>(() => ResultFileName.Parse(name));
        Assert.That(ex!.Message, Does.Contain(name));
    }
}
