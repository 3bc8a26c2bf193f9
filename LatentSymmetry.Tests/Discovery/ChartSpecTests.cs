using LatentSymmetry.Core.Discovery;

namespace LatentSymmetry.Tests.Discovery;

public class ChartSpecTests
{
    static ChartSpec Parse(string text)
    {
        Assert.That(ChartSpec.TryParse(text, out var spec, out var error), Is.True, error);
        return spec!;
    }

    [TestCase("shells")]
    [TestCase("shells:0")]
    [TestCase("kmeans:x")]
    [TestCase("cone:180")]
    [TestCase("octants:2")]
    [TestCase("nosuch")]
    public void A_malformed_spec_is_refused_with_the_valid_forms(string text)
    {
        Assert.That(ChartSpec.TryParse(text, out _, out var error), Is.False);
        Assert.That(error, Does.Contain(text));
    }

    [Test]
    public void Every_point_falls_in_exactly_one_chart()
    {
        var points = new TestData(3).Array<double>(3 * 500, -2, 2);
        foreach (var text in new[] { "shells:3", "octants", "kmeans:4", "cone:45" })
        {
            var charts = Parse(text).Split(points, 3);
            Assert.That(charts.SelectMany(c => c.Indices).Order(), Is.EqualTo(Enumerable.Range(0, 500)), text);
        }
    }

    [Test]
    public void Octants_and_cones_put_each_point_where_its_coordinates_say()
    {
        double[] points = [1, 2, 3, -1, 2, -3, 0.1, 0.1, 5, 1, 0, -0.1];
        var octants = Parse("octants").Split(points, 3);
        Assert.That(octants.Single(c => c.Name == "+x+y+z").Indices, Is.EqualTo(new[] { 0, 2 }));
        Assert.That(octants.Single(c => c.Name == "-x+y-z").Indices, Is.EqualTo(new[] { 1 }));
        Assert.That(octants.Single(c => c.Name == "+x+y-z").Indices, Is.EqualTo(new[] { 3 }));
        // (1, 2, 3) is 36.7 degrees from +z, (0.1, 0.1, 5) 1.6 degrees, the others below the plane z = 0.
        var cone = Parse("cone:40").Split(points, 3);
        Assert.That(cone[0].Indices, Is.EqualTo(new[] { 0, 2 }));
        Assert.That(cone[1].Indices, Is.EqualTo(new[] { 1, 3 }));
        Assert.That(Parse("cone:30").Split(points, 3)[0].Indices, Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public void Shells_have_equal_widths_up_to_the_largest_radius_and_kmeans_is_repeatable()
    {
        double[] points = [0.5, 0, 0, 0, 1.5, 0, 0, 0, 2.5, 3, 0, 0];
        var shells = Parse("shells:3").Split(points, 3);
        Assert.That(shells.Select(c => c.Indices.Count), Is.EqualTo(new[] { 1, 1, 2 }));
        var many = new TestData(4).Array<double>(2 * 300, -1, 1);
        var a = Parse("kmeans:3").Split(many, 2);
        var b = Parse("kmeans:3").Split(many, 2);
        Assert.That(a.Select(c => c.Indices), Is.EqualTo(b.Select(c => c.Indices)));
        Assert.That(a.Select(c => c.Indices.Count), Is.All.GreaterThan(50));
    }
}
