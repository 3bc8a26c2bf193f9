using LatentSymmetry.Core.Experiments.Grid;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Tests.Experiments;

public class SeedSpecTests
{
    [Test]
    public void Single_seed_parses()
    {
        Assert.That(SeedSpec.Parse("42"), Is.EqualTo(new[] { 42 }));
    }

    [Test]
    public void Range_is_inclusive()
    {
        Assert.That(SeedSpec.Parse("1-100"), Is.EqualTo(Enumerable.Range(1, 100)));
    }

    [Test]
    public void Comma_list_parses()
    {
        Assert.That(SeedSpec.Parse("1,5,9"), Is.EqualTo(new[] { 1, 5, 9 }));
    }

    [Test]
    public void Mixed_arguments_are_merged_deduplicated_and_sorted()
    {
        Assert.That(SeedSpec.Parse(["42", "3-5,1", "4", "0", "7,3"]), Is.EqualTo(new[] { 0, 1, 3, 4, 5, 7, 42 }));
    }

    [Test]
    public void Single_element_range_is_allowed()
    {
        Assert.That(SeedSpec.Parse("7-7"), Is.EqualTo(new[] { 7 }));
    }

    [TestCase("5-1")]
    [TestCase("x")]
    [TestCase("")]
    [TestCase("-3")]
    [TestCase("99999999999")]
    [TestCase("1-99999999999")]
    [TestCase("1.5")]
    [TestCase("1-2-3")]
    [TestCase("0-2147483647")]
    public void Invalid_token_is_an_error_naming_it(string token)
    {
        var ex = Assert.Throws<GridSpecException>(() => SeedSpec.Parse(["1", "2," + token]));
        Assert.That(ex!.Token, Is.EqualTo(token));
        Assert.That(ex.Message, Does.Contain($"'{token}'"));
    }

    [Test]
    public void Trailing_comma_is_an_empty_token_error()
    {
        var ex = Assert.Throws<GridSpecException>(() => SeedSpec.Parse("1,"));
        Assert.That(ex!.Token, Is.EqualTo(string.Empty));
    }

    [Test]
    public void No_arguments_is_an_error()
    {
        Assert.Throws<GridSpecException>(() => SeedSpec.Parse(Array.Empty<string>()));
    }
}
