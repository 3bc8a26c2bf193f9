using LatentSymmetry.Core.Fields;

namespace LatentSymmetry.Tests.Fields;

public class MixFieldTests
{
    static IEnumerable<(string A, string B)> Pairs() =>
    [
        ("gaussian-ring", "fourier:k=2"),
        ("bessel-j0:scale=10", "radial-angular:k=2"),
        ("radius-offset", "vortex"),
        ("quadrant", "dipole:eps=0.1"),
        ("mix:alpha=0.7,a=(x),b=(y)", "spiral:rate=3"),
    ];

    [TestCaseSource(nameof(Pairs))]
    public void At_alpha_0_and_1_it_equals_its_parts_exactly((string A, string B) pair)
    {
        var a = FieldCatalog.Parse(pair.A);
        var b = FieldCatalog.Parse(pair.B);
        var at0 = FieldCatalog.Parse($"mix:alpha=0,a=({pair.A}),b=({pair.B})");
        var at1 = FieldCatalog.Parse($"mix:alpha=1,a=({pair.A}),b=({pair.B})");
        var rng = new TestData(21);
        for (int i = 0; i < 500; i++)
        {
            double[] p = TestRotations.Point(2, rng, 1.5);
            Assert.That(at0.Evaluate(p), Is.EqualTo(a.Evaluate(p)));
            Assert.That(at1.Evaluate(p), Is.EqualTo(b.Evaluate(p)));
        }
    }

    [Test]
    public void Between_it_is_the_weighted_sum()
    {
        var mix = FieldCatalog.Parse("mix:alpha=0.25,a=(x),b=(y)");
        Assert.That(mix.Evaluate([2, 6]), Is.EqualTo(0.75 * 2 + 0.25 * 6));
        var nested = FieldCatalog.Parse("mix:alpha=0.5,a=(mix:alpha=0.5,a=(x),b=(y)),b=(radius)");
        Assert.That(nested.Evaluate([3, 4]), Is.EqualTo(0.5 * (0.5 * 3 + 0.5 * 4) + 0.5 * 5).Within(1e-15));
    }

    [Test]
    public void Three_dimensional_parts_make_a_three_dimensional_mix()
    {
        var mix = FieldCatalog.Parse("mix:alpha=0.5,a=(radial),b=(broken:eps=1)");
        Assert.That(mix.Dimension, Is.EqualTo(3));
        var radial = FieldCatalog.Parse("radial");
        // Half of eps z^2 with eps = 1 at z = 2.
        Assert.That(mix.Evaluate([1, 1, 2]), Is.EqualTo(radial.Evaluate([1, 1, 2]) + 2).Within(1e-14));
    }

    [Test]
    public void Constructed_in_code_it_checks_its_arguments()
    {
        var ring = FieldCatalog.Parse("gaussian-ring");
        var radial = FieldCatalog.Parse("radial");
        Assert.Throws<ArgumentException>(() => new MixField(0.5, ring, radial));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MixField(1.5, ring, ring));
        Assert.That(new MixField(0.2, ring, FieldCatalog.Parse("x")), Is.EqualTo(FieldCatalog.Parse("mix:alpha=0.2,b=x")));
    }
}
