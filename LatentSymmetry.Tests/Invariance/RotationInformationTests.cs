using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Invariance;

namespace LatentSymmetry.Tests.Invariance;

/// <summary>MI at its two ends: a representation that is the rotation angle, and an invariant one.</summary>
public class RotationInformationTests
{
    const int K = 16, Points = 1000, PairsPerPoint = 4;

    // Pairs of SO(2) turns of points in the unit disk; representation(x, θ) gives a layer's activation row.
    static (Variable<double> First, Variable<double> Second, int[] Classes) Pairs(Func<double, double, double, double[]> representation, ulong seed)
    {
        var d = new TestData(seed);
        var plan = RelativeRotationClasses.So2Pairs(Points, PairsPerPoint, K, seed: (int)seed);
        int m = Points * PairsPerPoint, width = representation(0, 0, 0).Length;
        var a = new double[m * width];
        var b = new double[m * width];
        for (int j = 0; j < Points; j++)
        {
            double r = Math.Sqrt(d.NextDouble()), phi = d.Uniform(0, 2 * Math.PI);
            double x = r * Math.Cos(phi), y = r * Math.Sin(phi);
            for (int p = 0; p < PairsPerPoint; p++)
            {
                int row = j * PairsPerPoint + p;
                representation(x, y, RelativeRotationClasses.So2Angle(plan.First[row], K)).CopyTo(a, row * width);
                representation(x, y, RelativeRotationClasses.So2Angle(plan.Second[row], K)).CopyTo(b, row * width);
            }
        }
        return (Variable<double>.FromSpan(m, width, a), Variable<double>.FromSpan(m, width, b), plan.Classes);
    }

    [Test]
    public void The_angle_itself_carries_all_the_information()
    {
        var (a, b, classes) = Pairs((x, y, theta) => [theta], 730);
        var e = RotationInformation.Estimate(a, b, classes, K, PairsPerPoint);
        TestContext.Out.WriteLine($"angle: {e}");
        Assert.That(e.MI.Value, Is.GreaterThan(0.9), $"{e}");
        Assert.That(e.MI.Contains(e.MI.Value), $"{e}");
    }

    [Test]
    public void The_turned_point_carries_all_the_information()
    {
        // h = g x, an equivariant layer: the pair (g1 x, g2 x) fixes the relative angle.
        var (a, b, classes) = Pairs((x, y, t) => [Math.Cos(t) * x - Math.Sin(t) * y, Math.Sin(t) * x + Math.Cos(t) * y], 731);
        var e = RotationInformation.Estimate(a, b, classes, K, PairsPerPoint);
        TestContext.Out.WriteLine($"turned point: {e}");
        Assert.That(e.MI.Value, Is.GreaterThan(0.9), $"{e}");
    }

    [Test]
    public void An_invariant_representation_carries_none()
    {
        var (a, b, classes) = Pairs((x, y, theta) => [x * x + y * y, Math.Exp(-(x * x + y * y)), 1], 732);
        var e = RotationInformation.Estimate(a, b, classes, K, PairsPerPoint);
        TestContext.Out.WriteLine($"invariant: {e}");
        Assert.That(e.MI.Value, Is.LessThan(0.02), $"{e}");
        Assert.That(e.CrossEntropy, Is.GreaterThan(Math.Log(K) * 0.98), $"{e}");
    }

    [Test]
    public void The_same_seed_gives_the_same_estimate()
    {
        var (a, b, classes) = Pairs((x, y, theta) => [theta, x], 733);
        var options = new RotationClassifierOptions { Steps = 50 };
        var e1 = RotationInformation.Estimate(a, b, classes, K, PairsPerPoint, options);
        var e2 = RotationInformation.Estimate(a, b, classes, K, PairsPerPoint, options);
        var e3 = RotationInformation.Estimate(a, b, classes, K, PairsPerPoint, options with { Seed = 1 });
        Assert.That(e2, Is.EqualTo(e1));
        Assert.That(e3.CrossEntropy, Is.Not.EqualTo(e1.CrossEntropy));
        Assert.That(e1.TrainingPairs + e1.HeldOutPairs, Is.EqualTo(Points * PairsPerPoint));
        Assert.That(e1.HeldOutPairs, Is.EqualTo(200 * PairsPerPoint));
    }

    [Test]
    public void Bad_inputs_are_refused()
    {
        var a = Variable<double>.Zeros(8, 2);
        Assert.Throws<ArgumentException>(() => RotationInformation.Estimate(a, a, new int[7], K, 4));
        Assert.Throws<ArgumentException>(() => RotationInformation.Estimate(a, a, new int[8], K, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => RotationInformation.Estimate(a, a, [0, 0, 0, 0, 0, 0, 0, 16], K, 4));
        Assert.Throws<ArgumentException>(() => RotationInformation.Estimate(a, a, new int[8], K, 8));
    }
}
