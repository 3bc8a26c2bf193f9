using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Verification;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Symmetry;

public class OrbitVarianceLossTests
{
    [Test]
    public void Value_is_half_the_mean_squared_distance()
    {
        var tape = new Tape<double>();
        var h1 = Variable<double>.FromSpan(2, 2, [1, 2, 3, 4]);
        var h2 = Variable<double>.FromSpan(2, 2, [1, 0, 0, 0]);
        // rows: ‖(0, 2)‖² = 4, ‖(3, 4)‖² = 25 → ½ · (4 + 25) / 2
        Assert.That(OrbitVarianceLoss.Compute(tape, h1, h2).Item(), Is.EqualTo(7.25));
    }

    [Test]
    public void Gradient_through_an_mlp_matches_finite_differences()
    {
        var d = new TestData(90);
        var model = new Mlp<double>(3, 5, 2, 1);
        model.Initialize(new LatentSymmetry.Core.Seeding.RandomStream(3));
        var x = d.Variable<double>(4, 3, lo: -2, hi: 2);
        var r1 = Variable<double>.FromSpan(4, 9, d.Rotations(4));
        var r2 = Variable<double>.FromSpan(4, 9, d.Rotations(4));
        var parameters = model.NamedParameters().Select(p => p.Tensor).ToArray();
        foreach (var layer in new[] { SymmetryLayer.Hidden(1), SymmetryLayer.Hidden(2), SymmetryLayer.Output })
        {
            Variable<double> Loss(Tape<double> t) => OrbitVarianceLoss.Compute(t,
                model.Activation(t, t.RotateRows(x, r1), layer), model.Activation(t, t.RotateRows(x, r2), layer));
            var r = GradientCheck.Elementwise(Loss, parameters);
            Assert.That(r.Passes, Is.True, $"layer {layer}: {r}");
            // Dead ReLU units give exact zeros analytically and ~1e-11 noise numerically, so the absolute
            // error is the meaningful bound here; gradcheck's mixed rule above covers the rest.
            Assert.That(r.MaxAbsoluteError, Is.LessThan(1e-8), $"layer {layer}: {r}");
        }
    }

    [Test]
    public void Penalty_vanishes_for_an_invariant_function()
    {
        // h(x) = ‖x‖² is invariant; computed as SumRows(Square(x)) it gives a zero penalty for any rotations.
        var d = new TestData(91);
        var tape = new Tape<double>();
        var x = d.Variable<double>(16, 3);
        var h1 = tape.SumRows(tape.Square(tape.RotateRows(x, Variable<double>.FromSpan(16, 9, d.Rotations(16)))));
        var h2 = tape.SumRows(tape.Square(tape.RotateRows(x, Variable<double>.FromSpan(16, 9, d.Rotations(16)))));
        Assert.That(OrbitVarianceLoss.Compute(tape, h1, h2).Item(), Is.LessThan(1e-28));
    }
}
