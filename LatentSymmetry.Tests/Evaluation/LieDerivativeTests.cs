using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Evaluation;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Tests.Evaluation;

/// <summary>The Lie derivative per layer (evaluate's LD and LD_rel) against values derived by hand.</summary>
public class LieDerivativeTests
{
    static FieldSplit<float> Points(int n, int seed)
    {
        var stream = new RandomStream(seed);
        var points = new float[3 * n];
        for (int i = 0; i < points.Length; i++) points[i] = (float)stream.NextUniform(-2, 2);
        return new FieldSplit<float>(points, new float[n], dimension: 3);
    }

    static List<LayerEvaluation> Measure(Module<float> model, FieldSplit<float> test, IReadOnlyList<GroupRepresentation?>? representations = null)
    {
        var options = EvaluationOptions.Default with { Measures = LayerMeasureSet.Of(LayerMeasures.LieDerivative, LayerMeasures.LieDerivativeRelative), BootstrapReplicates = 50 };
        var request = new LayerMeasureRequest(model, test, SymmetryGroup.So3, options, 11, representations ?? []);
        var results = new LayerMeasureResults(request.Depth);
        LayerMeasures.LieDerivative.Source.Measure(request, results);
        return results.ToLayers();
    }

    // d/dt f(exp(tL) x) = w·(L x) for f = w·x + b, whatever the step: the map is linear.
    [Test]
    public void A_linear_function_s_Lie_derivative_is_w_dot_L_x()
    {
        var model = new Sequential<float>(new Linear<float>(3, 1));
        float[] w = [0.5f, -1.25f, 2f];
        w.CopyTo(model.ParameterList[0].Tensor.Span);
        model.ParameterList[1].Tensor.Span[0] = 0.3f;
        var test = Points(200, 1);
        var layer = Measure(model, test).Single();

        double all = 0;
        var perGenerator = new double[3];
        for (int g = 0; g < 3; g++)
        {
            var l = SymmetryGroup.So3.Generators[g];
            double sum = 0;
            for (int i = 0; i < test.Count; i++)
            {
                double rate = 0;
                for (int r = 0; r < 3; r++)
                    for (int s = 0; s < 3; s++) rate += w[r] * l[r * 3 + s] * test.Points[i * 3 + s];
                sum += rate * rate;
            }
            perGenerator[g] = Math.Sqrt(sum / test.Count);
            all += sum / test.Count / 3;
        }
        Assert.That(layer.Get(LayerMeasures.LieDerivative).Value, Is.EqualTo(Math.Sqrt(all)).Within(1e-9).Percent);
        for (int g = 0; g < 3; g++)
            Assert.That(layer.Details[$"LD_{SymmetryGroup.So3.GeneratorNames[g]}"], Is.EqualTo(perGenerator[g]).Within(1e-9).Percent);
        var ld = layer.Get(LayerMeasures.LieDerivative);
        Assert.That(ld.Lower, Is.LessThan(ld.Value));
        Assert.That(ld.Upper, Is.GreaterThan(ld.Value));
        // A generic linear function is about as broken by a rotation as by a random linear flow.
        Assert.That(layer.Get(LayerMeasures.LieDerivativeRelative).Value, Is.InRange(0.2, 5));
    }

    // h(x) = x turns with the points: J L x = L x, which the vector representation's own turn dρ(L) h = L x cancels.
    [Test]
    public void The_identity_is_equivariant_in_the_vector_representation_and_not_invariant()
    {
        var model = new Sequential<float>(new Linear<float>(3, 3));
        var weight = model.ParameterList[0].Tensor.Span;
        weight.Clear();
        for (int i = 0; i < 3; i++) weight[i * 3 + i] = 1;
        var test = Points(100, 2);

        var asVector = Measure(model, test, [GroupRepresentation.Vector(3)]).Single();
        Assert.That(asVector.Get(LayerMeasures.LieDerivative).Value, Is.LessThan(1e-9));

        // Trivially read, the rate is |L x| over the three units: mean over generators of |L_g x|² / 3, whose sum over
        // the three generators is 2|x|² (each coordinate is moved by two of them).
        var asScalars = Measure(model, test).Single();
        double expected = 0;
        for (int i = 0; i < test.Count; i++)
            for (int c = 0; c < 3; c++) expected += 2.0 * test.Points[i * 3 + c] * test.Points[i * 3 + c];
        expected = Math.Sqrt(expected / test.Count / 3 / 3);
        Assert.That(asScalars.Get(LayerMeasures.LieDerivative).Value, Is.EqualTo(expected).Within(1e-9).Percent);
    }

    [Test]
    public void The_invariant_model_is_at_rounding_in_every_layer_and_a_plain_MLP_is_not()
    {
        var test = Points(300, 3);
        var invariant = new InvariantMlp<float>(SymmetryGroup.So3, hiddenDim: 16, hiddenLayers: 2, outputDim: 1);
        invariant.Initialize(new RandomStream(4));
        var plain = new Mlp<float>(3, 16, 2, 1);
        plain.Initialize(new RandomStream(4));
        foreach (var layer in Measure(invariant, test))
        {
            Assert.That(layer.Get(LayerMeasures.LieDerivativeRelative).Value, Is.LessThan(1e-8), $"layer {layer.Layer}");
            Assert.That(layer.Width, Is.EqualTo(layer.Layer == -1 ? 1 : 16));
        }
        foreach (var layer in Measure(plain, test))
            Assert.That(layer.Get(LayerMeasures.LieDerivativeRelative).Value, Is.GreaterThan(0.05), $"layer {layer.Layer}");
    }

    [Test]
    public void Choosing_the_Lie_derivative_leaves_the_other_measures_bits_alone()
    {
        var test = Points(120, 5);
        var model = new Mlp<float>(3, 16, 2, 1);
        model.Initialize(new RandomStream(6));
        var data = EvaluationOptions.Default with { BootstrapReplicates = 20, Reference = false };
        var without = LayerMeasureSet.Of(LayerMeasures.SL, LayerMeasures.Qh);
        var a = MeasureWith(without);
        var b = MeasureWith(LayerMeasureSet.Of([.. without, LayerMeasures.LieDerivative]));
        for (int k = 0; k < a.Count; k++)
        {
            Assert.That(b[k].Get(LayerMeasures.Qh), Is.EqualTo(a[k].Get(LayerMeasures.Qh)));
            Assert.That(b[k].Get(LayerMeasures.SL), Is.EqualTo(a[k].Get(LayerMeasures.SL)));
        }

        List<LayerEvaluation> MeasureWith(LayerMeasureSet measures)
        {
            var request = new LayerMeasureRequest(model, test, SymmetryGroup.So3, data with { Measures = measures }, 7, []);
            var results = new LayerMeasureResults(request.Depth);
            foreach (var source in measures.Select(m => m.Source).Distinct()) source.Measure(request, results);
            return results.ToLayers();
        }
    }
}
