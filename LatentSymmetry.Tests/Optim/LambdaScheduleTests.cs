using LatentSymmetry.Core.Optim;

namespace LatentSymmetry.Tests.Optim;

public class LambdaScheduleTests
{
    [Test]
    public void Rises_from_zero_to_lambda_max()
    {
        var schedule = new LambdaSchedule(0.8, 100);
        Assert.That(schedule.At(0), Is.EqualTo(0));
        Assert.That(schedule.At(99), Is.EqualTo(0.8));
    }

    [TestCase(3)]
    [TestCase(5)]
    [TestCase(101)]
    public void Midpoint_of_an_odd_count_is_half_lambda_max(int epochs) =>
        Assert.That(new LambdaSchedule(2.0, epochs).At(epochs / 2), Is.EqualTo(1.0).Within(1e-15));

    [Test]
    public void Matches_the_one_minus_cosine_formula_and_increases()
    {
        var schedule = new LambdaSchedule(1.5, 10);
        for (int e = 0; e < 10; e++)
            Assert.That(schedule.At(e), Is.EqualTo(1.5 * (1 - Math.Cos(Math.PI * e / 9)) / 2).Within(1e-15));
        for (int e = 1; e < 10; e++)
            Assert.That(schedule.At(e), Is.GreaterThan(schedule.At(e - 1)));
    }

    [Test]
    public void Single_epoch_uses_lambda_max() => Assert.That(new LambdaSchedule(0.3, 1).At(0), Is.EqualTo(0.3));

    [Test]
    public void Zero_lambda_max_is_zero_throughout() => Assert.That(new LambdaSchedule(0, 4).At(3), Is.EqualTo(0));

    [Test]
    public void Invalid_arguments_name_the_value()
    {
        Assert.That(() => new LambdaSchedule(-1, 10), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("lambdaMax"));
        Assert.That(() => new LambdaSchedule(double.NaN, 10), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new LambdaSchedule(1, 0), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("epochs"));
        Assert.That(() => new LambdaSchedule(1, 10).At(10), Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("[0, 10)"));
        Assert.That(() => new LambdaSchedule(1, 10).At(-1), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
