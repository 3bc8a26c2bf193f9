using System.Numerics;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Symmetry;

public class InvarianceCheckTests
{
    static T[] Points<T>() where T : INumberBase<T> => new TestData(5).Array<T>(3 * 64, -3, 3);

    static Mlp<T> Model<T>(bool invariantFirstLayer) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var m = new Mlp<T>(3, 16, 3, 1);
        m.Initialize(new RandomStream(4));
        // With zero input weights every activation is a constant of the biases: exactly invariant.
        if (invariantFirstLayer) m.Layers[0].Weight.Span.Clear();
        return m;
    }

    [Test]
    public void A_function_of_the_biases_alone_is_invariant_in_float_and_double()
    {
        InvarianceCheck.AssertInvariant(Model<float>(true), SymmetryLayer.Output, Points<float>(), new HaarSo3Sampler(1), 0);
        InvarianceCheck.AssertInvariant(Model<double>(true), SymmetryLayer.Hidden(2), Points<double>(), new HaarSo3Sampler(1), 0);
    }

    [Test]
    public void A_generic_mlp_is_not_invariant_and_the_violation_reports_its_size()
    {
        var e = Assert.Throws<InvariantViolationException>(() =>
            InvarianceCheck.AssertInvariant(Model<double>(false), SymmetryLayer.Hidden(1), Points<double>(), new HaarSo3Sampler(2), 1e-3));
        Assert.That(e!.Deviation, Is.GreaterThan(0.01));
        Assert.That(e.Message, Does.Contain("layer 1"));
        float f = (float)InvarianceCheck.MaxDeviation(Model<float>(false), SymmetryLayer.Hidden(1), Points<float>(), new HaarSo3Sampler(2));
        Assert.That(f, Is.EqualTo(e.Deviation).Within(1e-4), "float32 and float64 agree");
    }
}
