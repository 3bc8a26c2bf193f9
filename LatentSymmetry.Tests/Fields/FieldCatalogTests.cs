using LatentSymmetry.Core.Fields;

namespace LatentSymmetry.Tests.Fields;

public class FieldCatalogTests
{
    [Test]
    public void The_catalogue_holds_the_issues_fields_once_each()
    {
        string[] expected =
        [
            "radial", "broken", "linear", "cylinder", "changing", "radius", "radius-power", "radius-offset", "radial-sine", "multi-ring", "radial-step", "bessel-j0",
            "radial-gabor", "gaussian-ring", "x", "y", "quadrant", "spiral", "radial-angular", "fourier", "dipole", "vortex", "mix",
        ];
        Assert.That(FieldCatalog.All.Select(d => d.Name), Is.EqualTo(expected));
    }

    [Test]
    public void Each_description_agrees_with_its_default_field()
    {
        foreach (var d in FieldCatalog.All)
        {
            var f = FieldCatalog.Parse(d.Name);
            Assert.That(f.Name, Is.EqualTo(d.Name));
            Assert.That(d.DefaultSpec, Is.EqualTo(f.Spec));
            Assert.That(d.InvariantUnder, Is.EqualTo(f.InvariantUnder), d.Name);
            if (d.Dimension is int dim) Assert.That(f.Dimension, Is.EqualTo(dim), d.Name);
            Assert.That(d.Formula, Is.Not.Empty);
            Assert.That(d.Summary, Is.Not.Empty);
            // Every default is written in the spec syntax and accepted by the parser.
            foreach (var p in d.Parameters)
                Assert.That(FieldCatalog.Parse($"{d.Name}:{p.Name}={p.Default}"), Is.EqualTo(f), $"{d.Name} {p.Name}");
        }
    }

    [Test]
    public void The_invariant_disk_fields_are_the_issues_list()
    {
        var invariant = FieldCatalog.All.Where(d => d.Dimension == 2 && d.InvariantUnder.Contains(LatentSymmetry.Core.Symmetry.SymmetryGroup.So2)).Select(d => d.Name);
        Assert.That(invariant, Is.EquivalentTo(new[]
        {
            "radius", "radius-power", "radius-offset", "radial-sine", "multi-ring", "radial-step", "bessel-j0", "radial-gabor", "gaussian-ring",
        }));
    }

    [Test]
    public void Defaults_are_radial_in_3d_and_the_gaussian_ring_on_the_disk()
    {
        Assert.That(FieldCatalog.Default(3), Is.EqualTo(new RadialField()));
        Assert.That(FieldCatalog.Default(2), Is.EqualTo(new GaussianRingField(0.6, 0.08)));
        Assert.Throws<ArgumentOutOfRangeException>(() => FieldCatalog.Default(4));
    }

    [Test]
    public void Constructors_refuse_what_the_parser_refuses()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianRingField(0.6, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GaussianRingField(double.NaN, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MultiRingField([], 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MultiRingField([0.2, double.PositiveInfinity], 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DipoleField(-1));
    }

    [Test]
    public void Equal_parameters_make_equal_fields()
    {
        Assert.That(FieldCatalog.Parse("multi-ring:centers=0.3;0.7"), Is.EqualTo(new MultiRingField([0.3, 0.7], 0.08)));
        Assert.That(FieldCatalog.Parse("multi-ring:centers=0.7;0.3"), Is.Not.EqualTo(new MultiRingField([0.3, 0.7], 0.08)));
        Assert.That(FieldCatalog.Parse("multi-ring").GetHashCode(), Is.EqualTo(new MultiRingField([0.3, 0.7], 0.08).GetHashCode()));
        Assert.That(FieldCatalog.Parse("fourier:k=3"), Is.Not.EqualTo(FieldCatalog.Parse("fourier")));
        Assert.That(FieldCatalog.Parse("mix:b=(y)"), Is.Not.EqualTo(FieldCatalog.Parse("mix:b=(x)")));
    }
}
