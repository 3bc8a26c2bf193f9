using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Models;

public class OutputBoundTests
{
    [Test]
    public void A_linear_layer_is_bounded_by_its_largest_row_sum()
    {
        // y = x0 - 2 x1 + 0.5 with |x_i| <= 3: at most 3 + 6 + 0.5 = 9.5, widened by 0.1%.
        var layer = new Linear<float>(2, 1);
        layer.Weight.Span[0] = 1;
        layer.Weight.Span[1] = -2;
        layer.Bias.Span[0] = 0.5f;
        Assert.That(layer.OutputBound(3), Is.EqualTo(9.5 * 1.001).Within(1e-12));
        layer.Weight.Span[1] = float.NaN;
        Assert.That(layer.OutputBound(3), Is.EqualTo(double.PositiveInfinity));
        layer.Weight.Span[1] = float.PositiveInfinity;
        Assert.That(layer.OutputBound(3), Is.EqualTo(double.PositiveInfinity));
    }

    [Test]
    public void Every_output_of_a_network_lies_within_its_bound()
    {
        // The bound is rigorous: at points in the box and at the box's corners (where |x_i| is largest), no output exceeds it.
        const float box = 5;
        var modules = new List<Module<float>> { new Mlp<float>(3, 32, 4, 1) };
        foreach (var group in SymmetryGroup.All) modules.Add(new InvariantMlp<float>(group, 32, 4, 1));
        foreach (var model in modules)
        {
            var stream = new RandomStream(5);
            if (model is Mlp<float> mlp) mlp.Initialize(stream); else ((InvariantMlp<float>)model).Initialize(stream);
            int d = model.InputDimension, n = 4096;
            var points = new float[d * n];
            stream.FillUniform(points.AsSpan(), -box, box);
            for (int c = 0; c < 1 << d; c++)
                for (int i = 0; i < d; i++) points[d * c + i] = (c >> i & 1) == 1 ? box : -box;
            var outputs = new Evaluator<float>().Predict(model, points);
            double bound = model.OutputBound(box);
            double largest = outputs.Max(v => Math.Abs((double)v));
            Assert.That(largest, Is.LessThanOrEqualTo(bound), model.GetType().Name);
            // and not uselessly loose for this small network (a product of row sums grows with depth, but stays finite)
            Assert.That(bound, Is.LessThan(1e6), model.GetType().Name);
        }
    }

    [Test]
    public void A_network_with_a_non_finite_weight_has_no_bound()
    {
        var model = new Mlp<float>(3, 8, 2, 1);
        model.Initialize(new RandomStream(1));
        Assert.That(double.IsFinite(model.OutputBound(5)), Is.True);
        model.Layers[1].Bias.Span[3] = float.NaN;
        Assert.That(model.OutputBound(5), Is.EqualTo(double.PositiveInfinity));
    }

    [Test]
    public void Invariant_bounds_hold_at_the_corners()
    {
        foreach (var group in SymmetryGroup.All)
        {
            int d = group.Dimension;
            var corner = Enumerable.Repeat(-4f, d).ToArray();
            var invariants = new float[group.InvariantCount];
            group.Invariants<float>(corner, invariants);
            Assert.That(invariants.Max(v => Math.Abs((double)v)), Is.LessThanOrEqualTo(group.InvariantBound(4)).And.GreaterThan(group.InvariantBound(4) / 1.01), group.Name);
        }
    }
}
