using LatentSymmetry.Core.Fields;

namespace LatentSymmetry.Tests.Fields;

/// <summary>Each disk field's formula at points where the answer is known by hand.</summary>
public class DiskFieldFormulaTests
{
    static double At(string spec, double x, double y) => FieldCatalog.Parse(spec).Evaluate([x, y]);

    // (0.3, 0.4) has r = 0.5 and cos theta = 0.6, sin theta = 0.8 (cos 2theta = -0.28).
    [TestCase("radius", 0.3, 0.4, 0.5)]
    [TestCase("radius-power", 0.3, 0.4, 0.25)]
    [TestCase("radius-power:p=3", 0.3, 0.4, 0.125)]
    [TestCase("radius-offset", 0.3, 0.4, 100.5)]
    [TestCase("radius-offset:offset=-1", 0.3, 0.4, -0.5)]
    [TestCase("radial-sine", 0.25, 0, 1.0)]
    [TestCase("radial-sine", 0, -0.75, -1.0)]
    [TestCase("radial-sine:k=1", 0.3, 0.4, 1.0)]
    [TestCase("radial-step", 0.3, 0.3, 0.0)]
    [TestCase("radial-step", 0.6, 0, 1.0)]
    [TestCase("radial-step:threshold=0.4", 0.3, 0.4, 1.0)]
    [TestCase("gaussian-ring", 0.6, 0, 1.0)]
    [TestCase("gaussian-ring", 0, 0.68, 0.6065306597126334)]
    [TestCase("gaussian-ring:center=0,std=1", 0.3, 0.4, 0.8824969025845955)]
    [TestCase("multi-ring:centers=0.5,std=0.08", 0.3, 0.4, 1.0)]
    [TestCase("multi-ring:centers=0.5;0.5;0.5", 0.3, 0.4, 3.0)]
    [TestCase("radial-gabor", 0.5, 0, -0.6536436208636119)]
    [TestCase("radial-gabor:center=0.5,std=0.1,freq=2", 0, 0.6, 0.2197810878747253)]
    [TestCase("x", 0.3, 0.4, 0.3)]
    [TestCase("y", 0.3, 0.4, 0.4)]
    [TestCase("quadrant", 1, -2, -1.0)]
    [TestCase("quadrant", -1, -2, 1.0)]
    [TestCase("quadrant", 0, 3, 0.0)]
    [TestCase("spiral", 0, 1, 0.5403023058681398)]
    [TestCase("spiral:rate=0", 0.3, 0.4, 0.8)]
    [TestCase("radial-angular", 0.3, 0.4, 0.3)]
    [TestCase("radial-angular:k=2", 0.3, 0.4, -0.14)]
    [TestCase("radial-angular:k=0", 0.3, 0.4, 0.5)]
    [TestCase("fourier", 0, 1, -1.0)]
    [TestCase("fourier", 0.3, 0.4, -0.28)]
    [TestCase("fourier:k=2,offset=0.5", -2, 0, 1.5)]
    [TestCase("fourier:k=1,offset=0", 0.3, 0.4, 0.6)]
    [TestCase("dipole", 0.3, 0.4, 0.3 / 0.51)]
    [TestCase("dipole:eps=1", 0, 0, 0.0)]
    [TestCase("vortex", 0, 1, 0.5)]
    [TestCase("vortex", 0, -1, -0.5)]
    [TestCase("vortex", -1, 0, 1.0)]
    [TestCase("vortex", 1, 0, 0.0)]
    public void Hand_values(string spec, double x, double y, double expected)
    {
        Assert.That(At(spec, x, y), Is.EqualTo(expected).Within(1e-14 * Math.Max(1, Math.Abs(expected))));
    }

    [Test]
    public void Gaussian_values_follow_the_law_on_a_radius_sweep()
    {
        // exp(-(r - c)^2 / (2 s^2)) at r = c + k s is exp(-k^2 / 2), whatever c and s.
        foreach (double k in new[] { -2.0, -1, 0, 0.5, 1, 3 })
        {
            double r = 0.6 + k * 0.08;
            Assert.That(At("gaussian-ring", r, 0), Is.EqualTo(Math.Exp(-k * k / 2)).Within(1e-12), $"k = {k}");
            Assert.That(At("multi-ring:centers=0.3;0.7,std=0.08", 0, 0.7 + k * 0.08), Is.EqualTo(Math.Exp(-k * k / 2) + Math.Exp(-Math.Pow(0.4 + k * 0.08, 2) / (2 * 0.0064))).Within(1e-12));
        }
    }

    [Test]
    public void The_step_is_strict_at_the_threshold()
    {
        // The original's (r > threshold): exactly at the threshold the value is 0.
        Assert.That(At("radial-step", 0.5, 0), Is.EqualTo(0.0));
        Assert.That(At("radial-step", Math.BitIncrement(0.5), 0), Is.EqualTo(1.0));
    }

    [Test]
    public void Vortex_jumps_across_the_negative_x_axis()
    {
        Assert.That(At("vortex", -1, 1e-9), Is.EqualTo(1.0).Within(1e-8));
        Assert.That(At("vortex", -1, -1e-9), Is.EqualTo(-1.0).Within(1e-8));
    }

    [Test]
    public void Mix_default_is_half_ring_half_fourier()
    {
        var mix = FieldCatalog.Parse("mix");
        Assert.That(mix.Spec, Is.EqualTo("mix:alpha=0.5,a=(gaussian-ring:center=0.6,std=0.08),b=(fourier:k=2,offset=0)"));
        // At (0.6, 0): ring 1, cos 0 = 1. At (0, 0.6): ring 1, cos pi = -1.
        Assert.That(mix.Evaluate([0.6, 0]), Is.EqualTo(1.0).Within(1e-15));
        Assert.That(mix.Evaluate([0, 0.6]), Is.EqualTo(0.0).Within(1e-15));
    }
}
