using LatentSymmetry.Core.Invariance;

namespace LatentSymmetry.Tests.Invariance;

/// <summary>The invariance error ε of predictions and the error-against-angle curve.</summary>
public class PredictionInvarianceTests
{
    [Test]
    public void Invariance_error_by_hand()
    {
        // f = 1, 2, 3, 4: mean 2.5, sample variance 5/3. Changes 1, −1, 1, −1: RMS 1. ε = 1/√(5/3).
        double[] f = [1, 2, 3, 4];
        double[] turned = [2, 1, 4, 3];
        Assert.That(PredictionInvariance.Error<double>(f, turned), Is.EqualTo(1 / Math.Sqrt(5.0 / 3)).Within(1e-15));
        Assert.That(PredictionInvariance.Error<double>(f, f), Is.EqualTo(0));
        Assert.That(PredictionInvariance.Error<float>([1f, 2f, 3f, 4f], [2f, 1f, 4f, 3f]), Is.EqualTo(1 / Math.Sqrt(5.0 / 3)).Within(1e-15));
        Assert.That(PredictionInvariance.Error<double>([1, 1], [1, 2]), Is.EqualTo(double.PositiveInfinity));
        Assert.Throws<ArgumentException>(() => PredictionInvariance.Error<double>([1, 2], [1]));
    }

    [Test]
    public void Unrelated_predictions_give_about_root_two()
    {
        // Two independent draws of the same law: E(f' − f)² = 2 Var f.
        var d = new TestData(740);
        var f = d.Array<double>(100000);
        var g = d.Array<double>(100000);
        Assert.That(PredictionInvariance.Error<double>(f, g), Is.EqualTo(Math.Sqrt(2)).Within(0.01));
    }

    [Test]
    public void Angle_to_axis()
    {
        Assert.That(AngleCurve.AngleToAxis([0, 0, 5], [0, 0, 1]), Is.EqualTo(0));
        Assert.That(AngleCurve.AngleToAxis([1, 0, 0], [0, 0, 2]), Is.EqualTo(90).Within(1e-12));
        Assert.That(AngleCurve.AngleToAxis([1, 0, -1], [0, 0, 1]), Is.EqualTo(135).Within(1e-12));
        Assert.That(AngleCurve.AngleToAxis([0, 0, -3], [0, 0, 1]), Is.EqualTo(180).Within(1e-12));
        Assert.That(AngleCurve.AngleToAxis([1e-9, 0, 1], [0, 0, 1]), Is.EqualTo(1e-9 * 180 / Math.PI).Within(1e-20), "small angles stay accurate");
        Assert.That(AngleCurve.AngleToAxis([1, 1], [1, 0]), Is.EqualTo(45).Within(1e-12));
        Assert.Throws<ArgumentException>(() => AngleCurve.AngleToAxis([1, 0, 0], [0, 0, 0]));
    }

    [Test]
    public void Curve_bins_by_ten_degrees()
    {
        double[] angles = [0, 5, 9.999, 10, 95, 180, 175];
        double[] errors = [1, 2, 3, 4, 5, 6, 8];
        var curve = AngleCurve.Compute(angles, errors);
        Assert.That(curve.Length, Is.EqualTo(18));
        Assert.That(curve[0], Is.EqualTo(new AngleBin(0, 10, 3, 2)));
        Assert.That(curve[1], Is.EqualTo(new AngleBin(10, 20, 1, 4)));
        Assert.That(curve[9], Is.EqualTo(new AngleBin(90, 100, 1, 5)));
        Assert.That(curve[17], Is.EqualTo(new AngleBin(170, 180, 2, 7)), "180 belongs to the last bin");
        Assert.That(curve[5].Count, Is.EqualTo(0));
        Assert.That(curve[5].MeanSquaredError, Is.NaN);
        Assert.That(AngleCurve.Compute([359], [1], maxDegrees: 360).Length, Is.EqualTo(36));
        Assert.Throws<ArgumentOutOfRangeException>(() => AngleCurve.Compute([181], [1]));
    }
}
