using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Tests.Models;

public class InvariantMlpTests
{
    [Test]
    public void Output_and_hidden_activations_are_the_same_for_x_and_Rx_to_float64_rounding()
    {
        foreach (var group in SymmetryGroup.All)
        {
            var model = new InvariantMlp<double>(group, 16, 3, 1);
            model.Initialize(new RandomStream(21));
            var points = new TestData(4).Array<double>(group.Dimension * 64, -2, 2);
            foreach (var layer in new[] { SymmetryLayer.Hidden(1), SymmetryLayer.Hidden(3), SymmetryLayer.Output })
                InvarianceCheck.AssertInvariant(model, layer, points, group.CreateSampler(9), 1e-12);
        }
    }

    [Test]
    public void A_plain_mlp_with_the_same_width_is_not_invariant()
    {
        // Guards the test above: the check does find a violation when there is one.
        var model = new Mlp<double>(3, 16, 3, 1);
        model.Initialize(new RandomStream(21));
        var points = new TestData(4).Array<double>(3 * 64, -2, 2);
        Assert.That(InvarianceCheck.MaxDeviation(model, SymmetryLayer.Output, points, SymmetryGroup.So3.CreateSampler(9)), Is.GreaterThan(1e-3));
    }

    [Test]
    public void The_first_layer_takes_the_invariants_and_the_output_is_the_mlp_of_them_by_hand()
    {
        var model = new InvariantMlp<double>(SymmetryGroup.So2z, 2, 1, 1);
        Assert.That(model.Mlp.Layers[0].InFeatures, Is.EqualTo(2));
        Assert.That(model.InputDimension, Is.EqualTo(3));
        Assert.That(model.NamedParameters().Select(p => p.Name), Is.EqualTo(new[] { "layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias" }));
        // h = relu(W [x^2 + y^2, z] + b), out = v . h + c
        new double[] { 1, 0, 0, 2 }.CopyTo(model.Mlp.Layers[0].Weight.Span);
        new double[] { 0, -1 }.CopyTo(model.Mlp.Layers[0].Bias.Span);
        new double[] { 1, 3 }.CopyTo(model.Mlp.Layers[1].Weight.Span);
        model.Mlp.Layers[1].Bias.Span[0] = 0.5;
        var x = Variable<double>.FromSpan(2, 3, [1, 2, 3, 0, 1, -4]);
        // point 1: invariants (5, 3): h = (5, 5), out = 5 + 15 + 0.5; point 2: (1, -4): h = (1, 0), out = 1.5
        Assert.That(model.Forward(new Tape<double>(), x).ToArray(), Is.EqualTo(new[] { 20.5, 1.5 }));
    }
}
