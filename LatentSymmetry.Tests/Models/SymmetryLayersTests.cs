using LatentSymmetry.Core.Models;

namespace LatentSymmetry.Tests.Models;

public class SymmetryLayersTests
{
    [TestCase("none", "none")]
    [TestCase("-1", "-1")]
    [TestCase("3", "3")]
    [TestCase("-1,4,2", "2,4,-1")]
    [TestCase(" 6 , 1 ", "1,6")]
    public void Parses_into_forward_order(string text, string expected)
    {
        Assert.That(SymmetryLayers.TryParse(text, 6, out var layers, out var error), Is.True, error);
        Assert.That(layers.ToString(), Is.EqualTo(expected));
    }

    [TestCase("2,2", "layer 2 is listed twice")]
    [TestCase("-1,3,-1", "layer -1 is listed twice")]
    [TestCase("none,2", "none cannot be combined with layers")]
    [TestCase("2,none", "none cannot be combined with layers")]
    [TestCase("1,,2", "has an empty item")]
    [TestCase("1,7", "'7' is not a symmetry layer of a network with 6 hidden layers; valid: none, -1 (output), 1..6")]
    [TestCase("0", "'0' is not a symmetry layer")]
    [TestCase("", "is not a symmetry layer")]
    public void Refuses_bad_lists_in_one_line(string text, string message)
    {
        Assert.That(SymmetryLayers.TryParse(text, 6, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(message));
        Assert.That(error, Does.Not.Contain('\n'));
    }

    [Test]
    public void One_layer_converts_and_equals_its_parsed_form()
    {
        SymmetryLayers one = SymmetryLayer.Hidden(3);
        Assert.That(SymmetryLayers.TryParse("3", 6, out var parsed, out _), Is.True);
        Assert.That(parsed, Is.EqualTo(one));
        Assert.That(parsed.GetHashCode(), Is.EqualTo(one.GetHashCode()));
        Assert.That((SymmetryLayers)SymmetryLayer.None, Is.SameAs(SymmetryLayers.None));
        Assert.That(SymmetryLayers.None.IsSet, Is.False);
        Assert.That(SymmetryLayers.Of(SymmetryLayer.Output, SymmetryLayer.Hidden(2)).Deepest, Is.EqualTo(SymmetryLayer.Output));
        Assert.That(SymmetryLayers.Of(SymmetryLayer.Output, SymmetryLayer.Hidden(2)).NameToken, Is.EqualTo("2+-1"));
    }

    [Test]
    public void Of_refuses_duplicates_and_none() => Assert.Multiple(() =>
    {
        Assert.Throws<ArgumentException>(() => SymmetryLayers.Of(SymmetryLayer.Hidden(2), SymmetryLayer.Hidden(2)));
        Assert.Throws<ArgumentException>(() => SymmetryLayers.Of(SymmetryLayer.None, SymmetryLayer.Hidden(2)));
    });

    [Test]
    public void Check_names_a_layer_the_network_lacks()
    {
        var layers = SymmetryLayers.Of(SymmetryLayer.Hidden(2), SymmetryLayer.Hidden(5), SymmetryLayer.Output);
        Assert.That(layers.Check(6), Is.Null);
        Assert.That(layers.Check(4), Is.EqualTo("symmetry-layer 5 does not exist; valid: none, -1 (output), 1..4"));
        var model = new Mlp<float>(3, 4, 4, 1);
        Assert.That(model.CheckDepths(SymmetryLayers.Of(SymmetryLayer.Output, SymmetryLayer.Hidden(1))), Is.EqualTo(new[] { 2, 9 }), "stage depths: hidden layer 1 after Linear and ReLU, the output after all 2L + 1 stages");
        Assert.Throws<ArgumentOutOfRangeException>(() => model.CheckDepths(layers));
    }
}
