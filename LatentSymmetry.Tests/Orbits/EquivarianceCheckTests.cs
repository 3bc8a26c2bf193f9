using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Tests.Orbits;

public class EquivarianceCheckTests
{
    static T[] Points<T>() where T : System.Numerics.INumberBase<T> => new TestData(31).Array<T>(3 * 200, -3, 3);

    static void Check<T>() where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var invariant = new InvariantMlp<T>(SymmetryGroup.So3, 32, 3, 1);
        invariant.Initialize(new RandomStream(2));
        Assert.DoesNotThrow(() => EquivarianceCheck.AssertEquivariant(invariant, SymmetryGroup.So3, Points<T>()));
        // Hidden layers of the invariant model are invariant too.
        Assert.DoesNotThrow(() => EquivarianceCheck.AssertEquivariant(invariant, SymmetryGroup.So3, Points<T>(), tap: invariant.HiddenLayerTap(2)));

        var mlp = new Mlp<T>(3, 32, 3, 1);
        mlp.Initialize(new RandomStream(2));
        var e = Assert.Throws<InvariantViolationException>(() => EquivarianceCheck.AssertEquivariant(mlp, SymmetryGroup.So3, Points<T>()))!;
        Assert.That(e.Message, Does.Contain("the output is not equivariant under so3").And.Contain("reaches").And.Contain("at point"));
        Assert.That(e.Deviation, Is.GreaterThan(1e-3));
    }

    [Test]
    public void The_invariant_model_passes_and_a_plain_mlp_fails_in_float32() => Check<float>();

    [Test]
    public void The_invariant_model_passes_and_a_plain_mlp_fails_in_float64() => Check<double>();

    [Test]
    public void A_vector_output_is_checked_against_the_vector_representation()
    {
        // F(x) = 2x is equivariant (F(Rx) = R F(x)) but not invariant; F(x) = x + (1, 0, 0) is neither.
        var scale = new Linear<double>(3, 3);
        new double[] { 2, 0, 0, 0, 2, 0, 0, 0, 2 }.CopyTo(scale.Weight.Span);
        var group = SymmetryGroup.So3;
        Assert.DoesNotThrow(() => EquivarianceCheck.AssertEquivariant(scale, group, Points<double>(), output: group.Vector));
        Assert.Throws<InvariantViolationException>(() => EquivarianceCheck.AssertEquivariant(scale, group, Points<double>()));
        scale.Bias.Span[0] = 1;
        var (error, _, _) = EquivarianceCheck.MaxError(scale, group, Points<double>(), output: group.Vector);
        Assert.That(error, Is.GreaterThan(0.1));
        Assert.Throws<ArgumentException>(() => EquivarianceCheck.MaxError(scale, group, Points<double>(), output: group.DirectSum(2, 0)));
    }
}
