using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Evaluation;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Tests.Evaluation;

/// <summary>
/// evaluate's SL, Q_h and Q at a <c>--latent-rep vectors:C</c> layer against the training penalty and against sums
/// written out by hand: the same layer, the same point in it (the pre-activation), the same C vectors turned back by
/// Rᵀ, the same normalisation.
/// </summary>
public class LatentRepresentationMeasureTests
{
    const int Seed = 23, Points = 64, Vectors = 2, Width = 8;

    static FieldSplit<float> TestPoints()
    {
        var stream = new RandomStream(5);
        var points = new float[3 * Points];
        for (int i = 0; i < points.Length; i++) points[i] = (float)stream.NextUniform(-2, 2);
        return new FieldSplit<float>(points, new float[Points], dimension: 3);
    }

    // With equivariantVectors, layer 1's C vectors are 2x and -x (zero bias): exactly equivariant there, scalars random.
    static Mlp<float> Model(bool equivariantVectors = false)
    {
        var model = new Mlp<float>(3, Width, 2, 3);
        model.Initialize(new RandomStream(17));
        if (equivariantVectors)
        {
            var (w, b) = (model.Layers[0].Weight, model.Layers[0].Bias);
            w.Span[..(9 * Vectors)].Clear();
            b.Span[..(3 * Vectors)].Clear();
            for (int c = 0; c < Vectors; c++)
                for (int j = 0; j < 3; j++) w.Span[3 * (3 * c + j) + j] = c == 0 ? 2f : -1f;
        }
        return model;
    }

    static GroupRepresentation?[] Representations() => [SymmetryGroup.So3.DirectSum(Vectors, Width - 3 * Vectors), null, SymmetryGroup.So3.Vector];

    static LayerEvaluation MeasureFirstLayer(Mlp<float> model, FieldSplit<float> test)
    {
        var options = EvaluationOptions.Default with { Measures = LayerMeasureSet.Of(LayerMeasures.SL, LayerMeasures.Qh, LayerMeasures.Q), BootstrapReplicates = 0 };
        var request = new LayerMeasureRequest(model, test, SymmetryGroup.So3, options, Seed, Representations());
        var results = new LayerMeasureResults(request.Depth);
        LayerMeasures.Q.Source.Measure(request, results);
        return results.ToLayers()[0];
    }

    // Layer 1 of the model at point p, in float64 from its float32 weights: W p + b, and optionally its ReLU.
    static double[] Layer1(Mlp<float> model, ReadOnlySpan<double> p, bool relu)
    {
        var w = model.Layers[0].Weight.Span;
        var b = model.Layers[0].Bias.Span;
        var h = new double[Width];
        for (int j = 0; j < Width; j++)
        {
            double s = b[j];
            for (int k = 0; k < 3; k++) s += w[3 * j + k] * p[k];
            h[j] = relu ? Math.Max(s, 0) : s;
        }
        return h;
    }

    static double[] Turn(ReadOnlySpan<float> r, ReadOnlySpan<double> v, bool transpose)
    {
        var y = new double[3];
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 3; k++) y[j] += (transpose ? r[3 * k + j] : r[3 * j + k]) * v[k];
        return y;
    }

    /// <summary>
    /// SL = ½ mean ‖ρ(R1)⁻¹h(R1 x) − ρ(R2)⁻¹h(R2 x)‖² and Q_h = that mean over E‖h(x) − h(x')‖², by hand, with the
    /// rotations the measure draws (its stream, all of R1 then all of R2); the variant asked for reads the layer
    /// after its ReLU or turns back by R instead of Rᵀ, the readings a mismatch would make.
    /// </summary>
    static (double SL, double Qh) ByHand(Mlp<float> model, FieldSplit<float> test, bool relu = false, bool turnBackByR = false)
    {
        var r1 = new float[9 * Points];
        var r2 = new float[9 * Points];
        var sampler = SymmetryGroup.So3.CreateSampler(Seed ^ RotationStreams.LayerMeasures);
        sampler.Sample<float>(r1);
        sampler.Sample<float>(r2);
        double orbit = 0;
        var clean = new double[Points][];
        for (int i = 0; i < Points; i++)
        {
            var x = new double[3];
            for (int k = 0; k < 3; k++) x[k] = test.Points[3 * i + k];
            clean[i] = Layer1(model, x, relu);
            // The turned points in float32, as the engine feeds them to the float32 network.
            var a = Layer1(model, Array.ConvertAll(Turn(r1.AsSpan(9 * i, 9), x, false), v => (double)(float)v), relu);
            var b = Layer1(model, Array.ConvertAll(Turn(r2.AsSpan(9 * i, 9), x, false), v => (double)(float)v), relu);
            for (int c = 0; c < Vectors; c++)
            {
                Turn(r1.AsSpan(9 * i, 9), a.AsSpan(3 * c, 3), !turnBackByR).CopyTo(a, 3 * c);
                Turn(r2.AsSpan(9 * i, 9), b.AsSpan(3 * c, 3), !turnBackByR).CopyTo(b, 3 * c);
            }
            for (int j = 0; j < Width; j++) orbit += (a[j] - b[j]) * (a[j] - b[j]);
        }
        double pairs = 0;
        for (int i = 0; i < Points; i++)
            for (int k = 0; k < Points; k++)
                if (i != k)
                    for (int j = 0; j < Width; j++) pairs += (clean[i][j] - clean[k][j]) * (clean[i][j] - clean[k][j]);
        pairs /= Points * (Points - 1.0);
        return (0.5 * orbit / Points, orbit / Points / pairs);
    }

    [Test]
    public void Evaluate_s_SL_and_Q_h_at_a_vectors_layer_are_the_turned_back_pre_activation_s_by_hand()
    {
        var test = TestPoints();
        foreach (bool equivariantVectors in new[] { false, true })
        {
            var model = Model(equivariantVectors);
            var layer = MeasureFirstLayer(model, test);
            var (sl, qh) = ByHand(model, test);
            Assert.That(layer.Get(LayerMeasures.SL).Value, Is.EqualTo(sl).Within(1e-4).Percent);
            Assert.That(layer.Get(LayerMeasures.Qh).Value, Is.EqualTo(qh).Within(1e-4).Percent);
        }
        // The readings a mismatch would make are far from it where the vectors are equivariant: the test tells them apart.
        var exact = Model(equivariantVectors: true);
        double right = ByHand(exact, test).SL;
        Assert.That(ByHand(exact, test, relu: true).SL, Is.Not.EqualTo(right).Within(10).Percent);
        Assert.That(ByHand(exact, test, turnBackByR: true).SL, Is.GreaterThan(2 * right));
    }

    [Test]
    public void The_training_penalty_at_a_vectors_layer_is_evaluate_s_SL_on_the_same_rotations()
    {
        var model = Model();
        var test = TestPoints();
        var engine = new OrbitEngine<float>(SymmetryGroup.So3.CreateSampler(Seed ^ RotationStreams.LayerMeasures), new EquivariantOrbitPenalty<float>())
        {
            Representations = [Representations()[0]],
        };
        var tape = new Tape<float>();
        var depth = engine.Depths(model, SymmetryLayers.Of(SymmetryLayer.Hidden(1)))[0];
        var h = engine.Forward(tape, model, Variable<float>.FromSpan(Points, 3, test.Points), depth, withOriginal: false);
        double penalty = double.CreateChecked(engine.Compute(tape, h).Item());
        Assert.That(penalty, Is.EqualTo(ByHand(model, test).SL).Within(1e-4).Percent);
        Assert.That(penalty, Is.EqualTo(MeasureFirstLayer(model, test).Get(LayerMeasures.SL).Value).Within(1e-4).Percent);
    }

    /// <summary>
    /// Why a larger weight on the raw penalty can leave Q larger: scaling layer 1 by s (W1, b1 times s, W2 times 1/s)
    /// leaves the network's function and the layer's Q_h and Q unchanged (ReLU is positively homogeneous) but
    /// multiplies the raw penalty by s². The optimiser can lower the raw penalty by shrinking the layer instead of
    /// turning it equivariant; Q, a ratio, does not see the shrinking.
    /// </summary>
    [Test]
    public void Shrinking_the_layer_lowers_the_raw_penalty_by_s_squared_and_leaves_Q_unchanged()
    {
        var test = TestPoints();
        var model = Model();
        var before = MeasureFirstLayer(model, test);
        const float s = 0.125f; // a power of 2: every scaled weight is exact
        var scaled = Model();
        var w1 = scaled.Layers[0].Weight.Span;
        var b1 = scaled.Layers[0].Bias.Span;
        var w2 = scaled.Layers[1].Weight.Span;
        for (int p = 0; p < w1.Length; p++) w1[p] *= s;
        for (int j = 0; j < b1.Length; j++) b1[j] *= s;
        for (int p = 0; p < w2.Length; p++) w2[p] /= s;
        var after = MeasureFirstLayer(scaled, test);
        Assert.That(after.Get(LayerMeasures.SL).Value, Is.EqualTo(s * s * before.Get(LayerMeasures.SL).Value).Within(1e-4).Percent);
        Assert.That(after.Get(LayerMeasures.Qh).Value, Is.EqualTo(before.Get(LayerMeasures.Qh).Value).Within(1e-4).Percent);
        Assert.That(after.Get(LayerMeasures.Q).Value, Is.EqualTo(before.Get(LayerMeasures.Q).Value).Within(1e-4).Percent);
        var x = Variable<float>.FromSpan(Points, 3, test.Points);
        var tape = new Tape<float>();
        Assert.That(scaled.Forward(tape, x).ToArray(), Is.EqualTo(model.Forward(tape, x).ToArray()).Within(1e-5), "the same function");
    }
}
