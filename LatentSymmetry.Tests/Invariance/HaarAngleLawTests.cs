using LatentSymmetry.Core.Invariance;

namespace LatentSymmetry.Tests.Invariance;

/// <summary>The Haar angle law of SO(3), its quantile function, and the classes of relative rotations.</summary>
public class HaarAngleLawTests
{
    [Test]
    public void Quantile_inverts_the_distribution_function()
    {
        foreach (double t in new[] { 1e-6, 1e-3, 0.1, 0.49, 0.5, 1, 2, 3, Math.PI - 1e-6 })
            Assert.That(HaarAngleLaw.Quantile(HaarAngleLaw.Cdf(t)), Is.EqualTo(t).Within(1e-12 * Math.Max(t, 1e-3)), $"t = {t}");
        for (int i = 1; i < 1000; i++)
        {
            double u = i / 1000.0;
            Assert.That(HaarAngleLaw.Cdf(HaarAngleLaw.Quantile(u)), Is.EqualTo(u).Within(1e-14));
        }
        Assert.That(HaarAngleLaw.Quantile(0), Is.EqualTo(0));
        Assert.That(HaarAngleLaw.Quantile(1), Is.EqualTo(Math.PI));
        Assert.Throws<ArgumentOutOfRangeException>(() => HaarAngleLaw.Quantile(1.5));
    }

    [Test]
    public void Distribution_function_integrates_the_density()
    {
        // Simpson's rule on (1 − cos s)/π from 0 to t.
        foreach (double t in new[] { 0.3, 1.0, 2.5, Math.PI })
        {
            int n = 2000;
            double h = t / n, s = HaarAngleLaw.Density(0) + HaarAngleLaw.Density(t);
            for (int i = 1; i < n; i++) s += (i % 2 == 1 ? 4 : 2) * HaarAngleLaw.Density(i * h);
            Assert.That(HaarAngleLaw.Cdf(t), Is.EqualTo(s * h / 3).Within(1e-12));
        }
    }

    [Test]
    public void Classes_are_equally_likely_under_Haar_sampling()
    {
        // 48000 pairs of independent Haar rotations (drawn here from Gaussian quaternions); the relative
        // rotation is Haar too, so each of 16 classes gets 3000 ± 53. Pearson's χ² with 15 degrees of
        // freedom exceeds 37.7 with probability 0.001.
        const int K = 16, Pairs = 48000;
        var s = new OrbitSamples(720);
        var first = new double[9 * Pairs];
        var second = new double[9 * Pairs];
        for (int r = 0; r < Pairs; r++)
        {
            s.Rotation().CopyTo(first, 9 * r);
            s.Rotation().CopyTo(second, 9 * r);
        }
        var counts = new int[K];
        foreach (int c in RelativeRotationClasses.So3Classes(first, second, K)) counts[c]++;
        double expected = (double)Pairs / K;
        double chi2 = counts.Sum(c => (c - expected) * (c - expected) / expected);
        Assert.That(chi2, Is.LessThan(37.7), string.Join(", ", counts));
        // Equal widths in angle would not do: the first class of equal width would hold only F(π/16) of them.
        Assert.That(HaarAngleLaw.Cdf(Math.PI / K) * Pairs, Is.LessThan(expected / 100));
    }

    [Test]
    public void Relative_angle_of_rotations_about_one_axis_is_their_difference()
    {
        static double[] Rz(double t) => [Math.Cos(t), -Math.Sin(t), 0, Math.Sin(t), Math.Cos(t), 0, 0, 0, 1];
        foreach (double t in new[] { 0.0, 1e-9, 0.3, 1.5, 3.0, Math.PI })
        {
            Assert.That(RelativeRotationClasses.So3RelativeAngle(Rz(0.7), Rz(0.7 + t)), Is.EqualTo(t).Within(1e-12), $"t = {t}");
            Assert.That(RelativeRotationClasses.So3RelativeAngle(Rz(0.7 + t), Rz(0.7)), Is.EqualTo(t).Within(1e-12), $"t = {t}");
        }
    }

    [Test]
    public void Boundaries_and_class_lookup()
    {
        var b = HaarAngleLaw.ClassBoundaries(4);
        Assert.That(b.Length, Is.EqualTo(5));
        Assert.That(b[0], Is.EqualTo(0));
        Assert.That(b[4], Is.EqualTo(Math.PI));
        for (int c = 1; c < 4; c++) Assert.That(HaarAngleLaw.Cdf(b[c]), Is.EqualTo(c / 4.0).Within(1e-14));
        Assert.That(HaarAngleLaw.ClassOf(0, b), Is.EqualTo(0));
        Assert.That(HaarAngleLaw.ClassOf(b[2], b), Is.EqualTo(2));
        Assert.That(HaarAngleLaw.ClassOf(b[2] - 1e-12, b), Is.EqualTo(1));
        Assert.That(HaarAngleLaw.ClassOf(Math.PI, b), Is.EqualTo(3));
    }

    [Test]
    public void So2_classes_are_the_index_difference_mod_K()
    {
        Assert.That(RelativeRotationClasses.So2Class(3, 5, 16), Is.EqualTo(2));
        Assert.That(RelativeRotationClasses.So2Class(5, 3, 16), Is.EqualTo(14));
        Assert.That(RelativeRotationClasses.So2Class(15, 0, 16), Is.EqualTo(1));
        var plan = RelativeRotationClasses.So2Pairs(100, 4, 16, seed: 1);
        Assert.That(plan.Classes.Length, Is.EqualTo(400));
        for (int r = 0; r < 400; r++) Assert.That(plan.Classes[r], Is.EqualTo(((plan.Second[r] - plan.First[r]) % 16 + 16) % 16));
        Assert.That(RelativeRotationClasses.So2Pairs(100, 4, 16, seed: 1).First, Is.EqualTo(plan.First));
    }
}
