using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Autograd.Verification;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Tests.Orbits;

public class EquivariantOrbitPenaltyTests
{
    static (Variable<float> Value, float[] Gradient) PenaltyAndGradient(IOrbitPenaltyKind<float> kind, GroupRepresentation? rho)
    {
        var model = new Mlp<float>(3, 16, 2, 6);
        model.Initialize(new RandomStream(8));
        var x = new TestData(9).Variable<float>(40, 3, lo: -2, hi: 2);
        var tape = new Tape<float>();
        var engine = new OrbitEngine<float>(SymmetryGroup.So3.CreateSampler(4), kind) { Representations = [rho] };
        var h = engine.Forward(tape, model, x, model.StageCount, withOriginal: false);
        var penalty = engine.Compute(tape, h);
        tape.Backward(penalty);
        return (penalty, model.Parameters().SelectMany(p => p.Grad!.ToArray()).ToArray());
    }

    [Test]
    public void With_the_trivial_representation_it_is_todays_penalty_bit_for_bit()
    {
        var (raw, rawGrad) = PenaltyAndGradient(RawOrbitPenalty<float>.Instance, null);
        foreach (var rho in new GroupRepresentation?[] { null, GroupRepresentation.Trivial(6, 3) })
        {
            var (pair, pairGrad) = PenaltyAndGradient(new EquivariantOrbitPenalty<float>(), rho);
            Assert.That(BitConverter.SingleToInt32Bits(pair.Item()), Is.EqualTo(BitConverter.SingleToInt32Bits(raw.Item())));
            Assert.That(pairGrad, Is.EqualTo(rawGrad), "every gradient bit");
        }
        var (turned, _) = PenaltyAndGradient(new EquivariantOrbitPenalty<float>(), GroupRepresentation.DirectSum(2, 0, 3));
        Assert.That(turned.Item(), Is.Not.EqualTo(raw.Item()), "a vector representation turns the outputs back");
    }

    [Test]
    public void An_equivariant_layer_has_zero_penalty_and_an_invariant_reading_of_it_does_not()
    {
        // h = the identity on points (F(x) = x): equivariant under the vector representation, not invariant.
        var tape = new Tape<double>();
        var x = new TestData(10).Variable<double>(30, 3, lo: -2, hi: 2);
        var r1 = tape.NewScratch(30, 9);
        var r2 = tape.NewScratch(30, 9);
        SymmetryGroup.So3.CreateSampler(1).Sample(r1.Span);
        SymmetryGroup.So3.CreateSampler(2).Sample(r2.Span);
        var orbit = new OrbitActivations<double>(null, tape.RotateRows(x, r1), tape.RotateRows(x, r2)) { R1 = r1, R2 = r2 };
        var penalty = new EquivariantOrbitPenalty<double>();
        Assert.That(penalty.Compute(tape, orbit with { Representation = SymmetryGroup.So3.Vector }).Item(), Is.LessThan(1e-30));
        Assert.That(penalty.Compute(tape, orbit).Item(), Is.GreaterThan(0.1));
    }

    [Test]
    public void The_turned_back_penalty_has_the_gradient_of_central_differences()
    {
        var d = new TestData(11);
        var h1 = d.Variable<double>(7, 8, true);
        var h2 = d.Variable<double>(7, 8, true);
        var r1 = Variable<double>.Zeros(7, 9);
        var r2 = Variable<double>.Zeros(7, 9);
        SymmetryGroup.So3.CreateSampler(3).Sample(r1.Span);
        SymmetryGroup.So3.CreateSampler(5).Sample(r2.Span);
        var rho = GroupRepresentation.DirectSum(2, 2, 3);
        var kind = new EquivariantOrbitPenalty<double>();
        var check = GradientCheck.Elementwise(t => kind.Compute(t, new OrbitActivations<double>(null, h1, h2) { R1 = r1, R2 = r2, Representation = rho }), [h1, h2]);
        Assert.That(check.Passes, Is.True, check.ToString());
    }

    [Test]
    public void RotateBlocks_gradients_match_finite_differences_and_it_is_rho_applied_per_row()
    {
        var d = new TestData(12);
        var h = d.Variable<double>(4, 7, true);
        var r = d.Variable<double>(4, 9, true);
        foreach (bool transpose in new[] { false, true })
        {
            var check = GradientCheck.Elementwise(t => t.Sum(t.Multiply(t.RotateBlocks(h, r, 2, transpose), new TestData(13).Variable<double>(4, 7))), [h, r]);
            Assert.That(check.Passes, Is.True, check.ToString());
        }
        var rotations = new double[4 * 9];
        SymmetryGroup.So3.CreateSampler(6).Sample<double>(rotations);
        var y = new Tape<double>().RotateBlocks(h, Variable<double>.FromSpan(4, 9, rotations), 2, transpose: true);
        var rho = GroupRepresentation.DirectSum(2, 1, 3);
        var expected = new double[7];
        for (int i = 0; i < 4; i++)
        {
            rho.Apply(rotations.AsSpan(9 * i, 9), h.Row(i), expected, transpose: true);
            Assert.That(y.Row(i).ToArray(), Is.EqualTo(expected).Within(1e-15));
        }
    }

    [Test]
    public void A_hidden_layer_with_a_vector_representation_is_read_before_its_relu()
    {
        var model = new Mlp<float>(3, 16, 3, 3);
        var layers = SymmetryLayers.Of(SymmetryLayer.Hidden(2), SymmetryLayer.Output);
        var plain = new OrbitEngine<float>(SymmetryGroup.So3.CreateSampler(1));
        Assert.That(plain.Depths(model, layers), Is.EqualTo(model.CheckDepths(layers)));
        var turned = new OrbitEngine<float>(SymmetryGroup.So3.CreateSampler(1)) { Representations = [SymmetryGroup.So3.DirectSum(4, 4), SymmetryGroup.So3.Vector] };
        var depths = turned.Depths(model, layers);
        Assert.That(depths, Is.EqualTo(new[] { model.CheckDepths(layers)[0] - 1, model.StageCount }));
        Assert.That(model.Stages[depths[0] - 1].Module, Is.TypeOf<Linear<float>>(), "the pre-activation");
    }
}
