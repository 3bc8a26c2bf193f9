using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Models;

public class MlpTests
{
    // A 2-2-2-1 MLP (L = 2, H = 2) with hand-chosen weights.
    static Mlp<double> Tiny()
    {
        var m = new Mlp<double>(inputDim: 2, hiddenDim: 2, hiddenLayers: 2, outputDim: 1);
        double[][] w = [[1, -1, 2, 0.5], [1, 1, -1, 2], [3, -2]];
        double[][] b = [[0, -1], [0.5, 0], [1]];
        for (int k = 0; k < 3; k++)
        {
            w[k].CopyTo(m.Layers[k].Weight.Span);
            b[k].CopyTo(m.Layers[k].Bias.Span);
        }
        return m;
    }

    [Test]
    public void Intermediate_activations_match_hand_computation()
    {
        // x = (2, 1): layer 1 pre = (2-1+0, 4+0.5-1) = (1, 3.5) → relu (1, 3.5)
        // layer 2 pre = (1+3.5+0.5, -1+7+0) = (5, 6) → relu (5, 6); output = 15 - 12 + 1 = 4
        // x = (-1, 2): layer 1 pre = (-3, -2.5) → (0, 0); layer 2 pre = (0.5, 0) → (0.5, 0); output = 2.5
        var m = Tiny();
        var tape = new Tape<double>();
        var x = Variable<double>.FromSpan(2, 2, [2, 1, -1, 2]);
        Assert.That(m.Activation(tape, x, SymmetryLayer.Hidden(1)).ToArray(), Is.EqualTo(new double[] { 1, 3.5, 0, 0 }));
        Assert.That(m.Activation(tape, x, SymmetryLayer.Hidden(2)).ToArray(), Is.EqualTo(new double[] { 5, 6, 0.5, 0 }));
        Assert.That(m.Activation(tape, x, SymmetryLayer.Output).ToArray(), Is.EqualTo(new double[] { 4, 2.5 }));
        Assert.That(m.Forward(tape, x).ToArray(), Is.EqualTo(new double[] { 4, 2.5 }));
    }

    [Test]
    public void Forward_in_two_parts_equals_the_whole()
    {
        var m = Tiny();
        var tape = new Tape<double>();
        var x = Variable<double>.FromSpan(2, 2, [2, 1, -1, 2]);
        var whole = m.Forward(tape, x).ToArray();
        for (int split = 0; split <= m.StageCount; split++)
        {
            var parts = m.Forward(tape, m.Forward(tape, x, 0, split), split, m.StageCount).ToArray();
            Assert.That(parts, Is.EqualTo(whole), $"split after stage {split}");
        }
    }

    [Test]
    public void Parameters_use_PyTorch_state_dict_names_and_shapes()
    {
        var m = new Mlp<float>(3, 8, 2, 1);
        var names = m.NamedParameters().Select(p => $"{p.Name}{p.Tensor.Shape}").ToArray();
        Assert.That(names, Is.EqualTo(new[]
        {
            "layers.0.weight[8 x 3]", "layers.0.bias[1 x 8]", "layers.2.weight[8 x 8]", "layers.2.bias[1 x 8]",
            "layers.4.weight[1 x 8]", "layers.4.bias[1 x 1]",
        }));
    }

    [Test]
    public void Initialization_is_uniform_within_the_PyTorch_bound_and_seeded()
    {
        var a = new Mlp<float>(3, 64, 2, 1);
        var b = new Mlp<float>(3, 64, 2, 1);
        a.Initialize(new RandomStream(5));
        b.Initialize(new RandomStream(5));
        foreach (var ((_, ta), (_, tb)) in a.NamedParameters().Zip(b.NamedParameters()))
            Assert.That(ta.ToArray(), Is.EqualTo(tb.ToArray()));
        var w = a.Layers[1].Weight.ToArray();
        double bound = 1 / Math.Sqrt(64);
        Assert.That(w.Max(), Is.LessThanOrEqualTo(bound).And.GreaterThan(0.9 * bound));
        Assert.That(w.Min(), Is.GreaterThanOrEqualTo(-bound).And.LessThan(-0.9 * bound));
        // Uniform on [-c, c] has variance c²/3.
        double variance = w.Select(v => (double)v * v).Average();
        Assert.That(variance, Is.EqualTo(bound * bound / 3).Within(5).Percent);
    }

    [TestCase("none", 0)]
    [TestCase("-1", -1)]
    [TestCase("1", 1)]
    [TestCase("6", 6)]
    public void Symmetry_layer_parses_valid_values(string text, int value)
    {
        Assert.That(SymmetryLayer.TryParse(text, 6, out var layer, out _), Is.True);
        Assert.That(layer.Value, Is.EqualTo(value));
    }

    [TestCase("0")]
    [TestCase("7")]
    [TestCase("-2")]
    [TestCase("x")]
    [TestCase("")]
    public void Symmetry_layer_rejects_invalid_values_listing_the_valid_ones(string text)
    {
        Assert.That(SymmetryLayer.TryParse(text, 6, out _, out var error), Is.False);
        Assert.That(error, Does.Contain("none, -1 (output), 1..6"));
    }
}
