using LatentSymmetry.Core.Fields;

namespace LatentSymmetry.Tests.Fields;

public class FieldInvarianceTests
{
    /// <summary>Every catalogue field at its defaults, and variants whose invariance depends on their parameters.</summary>
    static IEnumerable<string> Specs() => FieldCatalog.All.Select(d => d.Name).Concat(
    [
        "broken:eps=0", "linear:a=0;0;-2", "changing:eps=0", "fourier:k=0,offset=0.3", "fourier:k=-3", "radial-angular:k=0", "radial-angular:k=3", "spiral:rate=0",
        "radius-power:p=0.5", "multi-ring:centers=0.1;0.5;0.9,std=0.2", "radial-gabor:center=0.2,std=0.3,freq=20", "bessel-j0:scale=3",
        "mix:alpha=0,a=(gaussian-ring),b=(x)", "mix:alpha=1,a=(x),b=(radius)", "mix:alpha=0.3,a=(bessel-j0:scale=10),b=(radial-angular:k=2)",
        "mix:alpha=0.4,a=(radius),b=(radial-sine)", "mix:alpha=0.5,a=(radial),b=(broken)", "mix:alpha=0.5,a=(radial),b=(broken:eps=0)",
        "mix:alpha=0.5,a=(mix:alpha=0.2,a=(radius),b=(multi-ring)),b=(radial-step)",
    ]);

    [TestCaseSource(nameof(Specs))]
    public void Invariant_under_each_group_it_names_to_rounding(string spec)
    {
        var field = FieldCatalog.Parse(spec);
        var rng = new TestData(11);
        foreach (var group in field.InvariantUnder.Select(g => g.Name))
        {
            Assert.That(TestRotations.GroupsOf(field.Dimension), Does.Contain(group), $"{spec} names a group of the wrong dimension");
            for (int i = 0; i < 2000; i++)
            {
                double[] p = TestRotations.Point(field.Dimension, rng, field.Dimension == 3 ? 5 : 1.2);
                double[] q = TestRotations.Apply(TestRotations.Of(group, rng), p);
                double fp = field.Evaluate(p), fq = field.Evaluate(q);
                // Rotating moves the point by rounding (~1e-16 relative); the steepest fields change by ~20 per unit.
                Assert.That(fq, Is.EqualTo(fp).Within(1e-12 * Math.Max(1, Math.Abs(fp))), $"{spec} under {group} at ({string.Join(", ", p)})");
            }
        }
    }

    [TestCaseSource(nameof(Specs))]
    public void Changes_under_some_rotation_of_each_group_it_does_not_name(string spec)
    {
        var field = FieldCatalog.Parse(spec);
        var rng = new TestData(12);
        foreach (var group in TestRotations.GroupsOf(field.Dimension).Except(field.InvariantUnder.Select(g => g.Name)))
        {
            double largest = 0;
            for (int i = 0; i < 200; i++)
            {
                double[] p = TestRotations.Point(field.Dimension, rng, field.Dimension == 3 ? 2 : 1);
                double[] q = TestRotations.Apply(TestRotations.Of(group, rng), p);
                largest = Math.Max(largest, Math.Abs(field.Evaluate(q) - field.Evaluate(p)));
            }
            Assert.That(largest, Is.GreaterThan(0.01), $"{spec} claims no invariance under {group} but never changed");
        }
    }

    [Test]
    public void Invariance_follows_the_parameters()
    {
        Assert.That(FieldCatalog.Parse("fourier").InvariantUnder, Is.Empty);
        Assert.That(FieldCatalog.Parse("fourier:k=0").InvariantUnder.Select(g => g.Name), Is.EqualTo(new[] { "so2" }));
        Assert.That(FieldCatalog.Parse("radial-angular:k=0").InvariantUnder.Select(g => g.Name), Is.EqualTo(new[] { "so2" }));
        Assert.That(FieldCatalog.Parse("mix").InvariantUnder, Is.Empty);
        Assert.That(FieldCatalog.Parse("mix:alpha=0").InvariantUnder.Select(g => g.Name), Is.EqualTo(new[] { "so2" }));
        Assert.That(FieldCatalog.Parse("mix:alpha=1").InvariantUnder, Is.Empty);
        Assert.That(FieldCatalog.Parse("mix:a=(radius),b=(bessel-j0)").InvariantUnder.Select(g => g.Name), Is.EqualTo(new[] { "so2" }));
        Assert.That(FieldCatalog.Parse("mix:a=(radial),b=(broken)").InvariantUnder.Select(g => g.Name), Is.EqualTo(new[] { "so2z" }));
    }
}
