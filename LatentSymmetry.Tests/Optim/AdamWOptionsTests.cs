using LatentSymmetry.Core.Optim;

namespace LatentSymmetry.Tests.Optim;

public class AdamWOptionsTests
{
    [Test]
    public void Defaults_are_the_study_settings()
    {
        var o = AdamWOptions.Default;
        Assert.That((o.LearningRate, o.Beta1, o.Beta2, o.Epsilon, o.WeightDecay), Is.EqualTo((3e-4, 0.9, 0.999, 1e-8, 0.0)));
        Assert.That(new AdamWOptions(), Is.EqualTo(o));
    }

    [Test]
    public void With_changes_one_value_and_keeps_the_rest()
    {
        var o = AdamWOptions.Default with { LearningRate = 1e-3 };
        Assert.That((o.LearningRate, o.Beta1, o.WeightDecay), Is.EqualTo((1e-3, 0.9, 0.0)));
    }

    [Test]
    public void Invalid_values_name_the_property()
    {
        Assert.That(() => new AdamWOptions { LearningRate = 0 }, Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("LearningRate"));
        Assert.That(() => new AdamWOptions { Beta1 = 1 }, Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("Beta1"));
        Assert.That(() => new AdamWOptions { Beta2 = -0.1 }, Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("Beta2"));
        Assert.That(() => new AdamWOptions { Epsilon = double.NaN }, Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("Epsilon"));
        Assert.That(() => new AdamWOptions { WeightDecay = -1 }, Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("WeightDecay"));
    }
}
