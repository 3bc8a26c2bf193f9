using LatentSymmetry.Autograd.Kernels;
using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Invariance;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Tests.Numerics;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Seeding;

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
    public void In_float32_the_outputs_for_x_and_Rx_differ_only_where_the_rounded_turned_point_moves_the_invariant()
    {
        // Issue 9. The turned point is computed in double and rounded once (as evaluate does); that rounding is all
        // that may remain. Where the nearest floats to the exact |x|^2 and |Rx|^2 agree, the model sees the same
        // input and its outputs must agree bit for bit; elsewhere they may differ. Summing the squares in float32
        // failed this (so3, at the second point already).
        foreach (var group in SymmetryGroup.All)
        {
            int d = group.Dimension, n = 2000, squared = group == SymmetryGroup.So3 ? 3 : 2;
            var model = new InvariantMlp<float>(group, 128, 6, 1);
            model.Initialize(new RandomStream(22));
            var (x, turned) = PointsAndTurned(group, n);
            var fx = model.Forward(new Tape<float>(), Variable<float>.FromSpan(n, d, x)).ToArray();
            var fr = model.Forward(new Tape<float>(), Variable<float>.FromSpan(n, d, turned)).ToArray();
            int same = 0;
            for (int i = 0; i < n; i++)
            {
                if (ExactSquaredNorm.Nearest(x.AsSpan(d * i, squared)) != ExactSquaredNorm.Nearest(turned.AsSpan(d * i, squared))
                    || (d == 3 && squared == 2 && x[d * i + 2] != turned[d * i + 2])) continue;
                same++;
                Assert.That(fr[i], Is.EqualTo(fx[i]), $"{group.Name}, point {i}: the same invariant must give the same output");
            }
            Assert.That(same, Is.GreaterThan(n / 2), $"{group.Name}: most turned points keep their rounded invariant, so the check above has points to check");
        }
    }

    [Test]
    public void In_float64_the_invariance_error_is_at_most_1e_14()
    {
        // eps = RMS(f(Rx) - f(x)) / std f(x) with rotations in double on the ball's points, as evaluate measures it:
        // only float64 rounding remains.
        foreach (var group in SymmetryGroup.All)
        {
            int d = group.Dimension, n = 2000;
            var model = new InvariantMlp<double>(group, 128, 6, 1);
            model.Initialize(new RandomStream(22));
            var x = Array.ConvertAll(BallPoints(d, n), v => (double)v);
            var r = new double[d * d * n];
            group.CreateSampler(31).Sample<double>(r);
            var turned = new double[d * n];
            RowRotation.Apply<double>(r, x, turned, d);
            var fx = model.Forward(new Tape<double>(), Variable<double>.FromSpan(n, d, x)).ToArray();
            var fr = model.Forward(new Tape<double>(), Variable<double>.FromSpan(n, d, turned)).ToArray();
            Assert.That(PredictionInvariance.Error<double>(fx, fr), Is.LessThanOrEqualTo(1e-14).And.GreaterThan(0), group.Name);
        }
    }

    /// <summary>Float points uniform in the ball |x| &lt;= 5, the points evaluate keeps in the default box (their orbits stay in it).</summary>
    static float[] BallPoints(int d, int n)
    {
        var data = new TestData(13);
        var x = new float[d * n];
        for (int i = 0; i < n;)
        {
            double r2 = 0;
            for (int j = 0; j < d; j++) r2 += (x[d * i + j] = (float)data.Uniform(-5, 5)) * (double)x[d * i + j];
            if (r2 <= 25) i++;
        }
        return x;
    }

    /// <summary>Points in the ball and their turned copies, each turned by a Haar rotation in double and rounded once.</summary>
    static (float[] Points, float[] Turned) PointsAndTurned(SymmetryGroup group, int n)
    {
        int d = group.Dimension;
        var x = BallPoints(d, n);
        var r = new double[d * d * n];
        group.CreateSampler(31).Sample<double>(r);
        var turned = new double[d * n];
        RowRotation.Apply<double>(r, Array.ConvertAll(x, v => (double)v), turned, d);
        return (x, Array.ConvertAll(turned, v => (float)v));
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
        Assert.That(model.Layers[0].InFeatures, Is.EqualTo(2));
        Assert.That(model.InputDimension, Is.EqualTo(3));
        Assert.That(model.NamedParameters().Select(p => p.Name), Is.EqualTo(new[] { "layers.0.weight", "layers.0.bias", "layers.2.weight", "layers.2.bias" }));
        // h = relu(W [x^2 + y^2, z] + b), out = v . h + c
        new double[] { 1, 0, 0, 2 }.CopyTo(model.Layers[0].Weight.Span);
        new double[] { 0, -1 }.CopyTo(model.Layers[0].Bias.Span);
        new double[] { 1, 3 }.CopyTo(model.Layers[1].Weight.Span);
        model.Layers[1].Bias.Span[0] = 0.5;
        var x = Variable<double>.FromSpan(2, 3, [1, 2, 3, 0, 1, -4]);
        // point 1: invariants (5, 3): h = (5, 5), out = 5 + 15 + 0.5; point 2: (1, -4): h = (1, 0), out = 1.5
        Assert.That(model.Forward(new Tape<double>(), x).ToArray(), Is.EqualTo(new[] { 20.5, 1.5 }));
    }
}
