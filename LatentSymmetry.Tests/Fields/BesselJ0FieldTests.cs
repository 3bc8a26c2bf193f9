using LatentSymmetry.Core.Fields;

namespace LatentSymmetry.Tests.Fields;

public class BesselJ0FieldTests
{
    // J0 from Abramowitz & Stegun, Table 9.1 (and its first zero, 9.5), to the digits tabulated there.
    [TestCase(0.0, 1.0)]
    [TestCase(1.0, 0.765197686557967)]
    [TestCase(2.0, 0.223890779141236)]
    [TestCase(5.0, -0.177596771314338)]
    [TestCase(10.0, -0.245935764451348)]
    [TestCase(2.404825557695773, 0.0)]
    public void Matches_tabulated_values(double argument, double expected)
    {
        // scale = 1 on the x axis, so J0 is evaluated at r = argument.
        var f = FieldCatalog.Parse("bessel-j0:scale=1");
        Assert.That(f.Evaluate([argument, 0]), Is.EqualTo(expected).Within(1e-13));
    }

    [Test]
    public void Scale_multiplies_the_radius()
    {
        // Default scale 10 at r = 0.1 is J0(1); at r = 0.5 (the point (0.3, 0.4)) it is J0(5).
        var f = FieldCatalog.Parse("bessel-j0");
        Assert.That(f.Evaluate([0, -0.1]), Is.EqualTo(0.765197686557967).Within(1e-13));
        Assert.That(f.Evaluate([0.3, 0.4]), Is.EqualTo(-0.177596771314338).Within(1e-13));
    }
}
