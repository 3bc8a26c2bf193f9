using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Experiments;

namespace LatentSymmetry.Tests.Experiments;

public class SymmetryLayerTextTests
{
    [Test]
    public void Spec_accepts_lists_ranges_and_all()
    {
        Assert.That(SymmetryLayerText.ParseSpec(["1,3", "-1"], 6), Is.EqualTo(new[] { 1, 3, -1 }));
        Assert.That(SymmetryLayerText.ParseSpec(["2-4"], 6), Is.EqualTo(new[] { 2, 3, 4 }));
        Assert.That(SymmetryLayerText.ParseSpec(["all"], 3), Is.EqualTo(new[] { 1, 2, 3, -1 }));
        Assert.That(SymmetryLayerText.ParseSpec(["3", "1-3"], 3), Is.EqualTo(new[] { 3, 1, 2 }));
    }

    [TestCase("7")]
    [TestCase("0")]
    [TestCase("-2")]
    [TestCase("x")]
    [TestCase("4-2")]
    [TestCase("-1-3")]
    [TestCase("5-7")]
    public void Spec_rejects_layers_outside_the_network(string token)
    {
        Assert.Throws<GridSpecException>(() => SymmetryLayerText.ParseSpec([token], 6));
    }

    [TestCase("", null)]
    [TestCase("None", null)]
    [TestCase("3", 3)]
    [TestCase("-1", -1)]
    public void Cell_text_parses(string text, int? expected)
    {
        Assert.That(SymmetryLayerText.TryParse(text, out SymmetryLayer layer), Is.True);
        Assert.That(layer.Number, Is.EqualTo(expected));
    }
}
