using LatentSymmetry.Core.Fields;

namespace LatentSymmetry.Tests.Fields;

public class FieldSpecTests
{
    static IEnumerable<string> Specs() => FieldCatalog.All.Select(d => d.Name).Concat(
    [
        "gaussian-ring:std=0.1", "gaussian-ring:center=-0.25,std=1e-3", "multi-ring:centers=0.1;0.5;0.9", "multi-ring:centers=0.4",
        "fourier:k=-3,offset=2.5", "radial-gabor:freq=0.125", "broken:eps=-0", "radius-power:p=1.5", "spiral:rate=123456789.125",
        "mix:alpha=0.3,a=(bessel-j0:scale=10),b=(radial-angular:k=2)", "mix:a=radius,b=x",
        "mix:alpha=0.5,a=(mix:alpha=0.2,a=(radius),b=(x)),b=(mix:alpha=1,a=(vortex),b=(mix))",
        "mix:alpha=0.1,a=(radial),b=(broken:eps=0.2)",
    ]);

    [TestCaseSource(nameof(Specs))]
    public void Spec_parses_back_to_an_equal_field_with_the_same_spec(string spec)
    {
        var field = FieldCatalog.Parse(spec);
        var again = FieldCatalog.Parse(field.Spec);
        Assert.That(again, Is.EqualTo(field));
        Assert.That(again.Spec, Is.EqualTo(field.Spec));
        Assert.That(again.Formula, Is.EqualTo(field.Formula));
        var rng = new TestData(31);
        for (int i = 0; i < 50; i++)
        {
            double[] p = TestRotations.Point(field.Dimension, rng, 1.5);
            Assert.That(again.Evaluate(p), Is.EqualTo(field.Evaluate(p)));
        }
    }

    [Test]
    public void Random_values_round_trip_bit_for_bit()
    {
        var rng = new TestData(32);
        for (int i = 0; i < 1000; i++)
        {
            double center = rng.Uniform(-3, 3) * Math.Pow(10, rng.Uniform(-20, 20));
            double std = rng.Uniform(0, 1) * Math.Pow(10, rng.Uniform(-30, 30)) + double.Epsilon;
            var f = (GaussianRingField)FieldCatalog.Parse(new GaussianRingField(center, std).Spec);
            Assert.That(BitConverter.DoubleToInt64Bits(f.Center), Is.EqualTo(BitConverter.DoubleToInt64Bits(center)));
            Assert.That(BitConverter.DoubleToInt64Bits(f.Std), Is.EqualTo(BitConverter.DoubleToInt64Bits(std)));
        }
    }

    [TestCase("gaussian-ring", "gaussian-ring:center=0.6,std=0.08")]
    [TestCase("  gaussian-ring : std = 0.1 ", "gaussian-ring:center=0.6,std=0.1")]
    [TestCase("gaussian-ring:std=1e-3,center=0", "gaussian-ring:center=0,std=0.001")]
    [TestCase("radial", "radial")]
    [TestCase("broken", "broken:eps=0.05")]
    [TestCase("radius-power", "radius-power:p=2")]
    [TestCase("radius-offset", "radius-offset:offset=100")]
    [TestCase("radial-sine", "radial-sine:k=2")]
    [TestCase("multi-ring", "multi-ring:centers=0.3;0.7,std=0.08")]
    [TestCase("radial-step", "radial-step:threshold=0.5")]
    [TestCase("bessel-j0", "bessel-j0:scale=10")]
    [TestCase("radial-gabor", "radial-gabor:center=0.5,std=0.15,freq=8")]
    [TestCase("spiral", "spiral:rate=1")]
    [TestCase("radial-angular", "radial-angular:k=1")]
    [TestCase("fourier", "fourier:k=2,offset=0")]
    [TestCase("fourier:k=2.0", "fourier:k=2,offset=0")]
    [TestCase("dipole", "dipole:eps=0.01")]
    [TestCase("mix:b=x", "mix:alpha=0.5,a=(gaussian-ring:center=0.6,std=0.08),b=(x)")]
    [TestCase("mix:alpha=0.3,a=(bessel-j0:scale=10),b=(radial-angular:k=2)", "mix:alpha=0.3,a=(bessel-j0:scale=10),b=(radial-angular:k=2)")]
    [TestCase("mix:a=( radius ),b=(mix:alpha=1)", "mix:alpha=0.5,a=(radius),b=(mix:alpha=1,a=(gaussian-ring:center=0.6,std=0.08),b=(fourier:k=2,offset=0))")]
    public void Canonical_spec_writes_every_parameter_with_the_originals_defaults(string spec, string canonical)
    {
        Assert.That(FieldCatalog.Parse(spec).Spec, Is.EqualTo(canonical));
    }

    [TestCase("", "empty")]
    [TestCase("   ", "empty")]
    [TestCase("nope", "unknown field 'nope'")]
    [TestCase("Gaussian-Ring", "unknown field 'Gaussian-Ring'")]
    [TestCase("gaussian-ring:sd=1", "field 'gaussian-ring' has no parameter 'sd'; parameters: center (default 0.6), std (default 0.08)")]
    [TestCase("gaussian-ring:std=abc", "field 'gaussian-ring': std=abc: 'abc' is not a number")]
    [TestCase("gaussian-ring:std=0", "field 'gaussian-ring': std=0 is out of range; std must be a finite number > 0")]
    [TestCase("gaussian-ring:std=-1", "std=-1 is out of range")]
    [TestCase("gaussian-ring:std=NaN", "std=NaN is out of range")]
    [TestCase("gaussian-ring:center=Infinity", "center=Infinity is out of range")]
    [TestCase("gaussian-ring:std=0.1,std=0.2", "std is given twice")]
    [TestCase("gaussian-ring:", "empty parameter")]
    [TestCase("gaussian-ring:std=0.1,", "empty parameter")]
    [TestCase("gaussian-ring:std", "'std' is not param=value")]
    [TestCase("gaussian-ring:std=", "std has no value")]
    [TestCase("radius:p=2", "field 'radius' takes no parameters")]
    [TestCase("radial:", "field 'radial' takes no parameters")]
    [TestCase("fourier:k=1.5", "field 'fourier': k=1.5 is out of range; k must be an integer")]
    [TestCase("radial-angular:k=1e9", "k=1e9 is out of range")]
    [TestCase("radius-power:p=0", "p=0 is out of range")]
    [TestCase("dipole:eps=0", "eps=0 is out of range")]
    [TestCase("multi-ring:centers=0.3;;0.7", "centers=0.3;;0.7 has an empty element")]
    [TestCase("multi-ring:centers=0.3;x", "'x' is not a number")]
    [TestCase("mix:alpha=1.5", "field 'mix': alpha=1.5 is out of range; alpha must be a number in [0, 1]")]
    [TestCase("mix:alpha=-0.1", "alpha=-0.1 is out of range")]
    [TestCase("mix:a=(x", "unbalanced parentheses, 1 '(' not closed")]
    [TestCase("mix:a=(mix:a=(x),b=(y)", "unbalanced parentheses")]
    [TestCase("mix:a=x)", "the ')' at character 8 closes no '('")]
    [TestCase("mix:a=(x)y", "a=(x)y has text after its closing ')'")]
    [TestCase("mix:a=(x)(y)", "text after its closing ')'")]
    [TestCase("mix:a=fourier:k=3", "a field with parameters goes in parentheses, a=(fourier:k=3)")]
    [TestCase("mix:a=(zzz)", "unknown field 'zzz'")]
    [TestCase("mix:a=(gaussian-ring:std=-2)", "field 'gaussian-ring': std=-2 is out of range")]
    [TestCase("mix:a=(radial)", "field 'mix': a=(radial) is 3-D but b=(fourier:k=2,offset=0) is 2-D")]
    [TestCase("mix:a=(radial),b=(mix)", "is 3-D but b=(mix:")]
    [TestCase("mix:alpha=(0.5)", "alpha=(0.5): '(0.5)' is not a number")]
    [TestCase("gaussian-ring:std=0,08", "'08' is not param=value")]
    public void Bad_specs_are_one_line_errors_naming_the_problem(string spec, string expected)
    {
        var e = Assert.Throws<FieldSpecException>(() => FieldCatalog.Parse(spec))!;
        Assert.That(e, Is.InstanceOf<FormatException>());
        Assert.That(e.Message, Does.Contain(expected));
        Assert.That(e.Message, Does.Not.Contain('\n'));
    }

    [Test]
    public void Unknown_field_lists_the_valid_names()
    {
        var e = Assert.Throws<FieldSpecException>(() => FieldCatalog.Parse("gauss"))!;
        foreach (var d in FieldCatalog.All) Assert.That(e.Message, Does.Contain(d.Name));
    }
}
