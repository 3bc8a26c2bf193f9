using LatentSymmetry.Core.Experiments.Grid;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Tests.Experiments;

/// <summary>The baseline catalog: one registration makes a baseline that --baselines parses, recipes apply and result set-ups split.</summary>
public class BaselineCatalogTests
{
    sealed class WideBaseline() : Baseline("test-wide", "the MLP twice as wide (a test's registration)")
    {
        public override TrainingOptions Apply(TrainingOptions plain) => plain with { HiddenDim = 2 * plain.HiddenDim };
    }

    static readonly Baseline Registered = Baseline.Register(new WideBaseline());

    [Test]
    public void The_built_in_baselines_come_first_in_report_order()
    {
        Assert.That(Baseline.All.Take(2).Select(b => b.Name), Is.EqualTo(new[] { BaselineVariant.Augment, BaselineVariant.Invariant }));
        Assert.That(Baseline.ValidNames, Does.StartWith("augment, invariant"));
    }

    [Test]
    public void A_registered_baseline_is_known_applies_its_recipe_and_splits_from_a_setup()
    {
        var registered = Registered;
        Assert.That(BaselineVariant.IsKnown("test-wide"), Is.True);
        Assert.That(BaselineVariant.All, Does.Contain("test-wide"));
        var grid = new TrainingOptions { HiddenDim = 32, Augment = true, Model = ModelKind.Invariant };
        var applied = BaselineVariant.Apply("test-wide", grid);
        Assert.That((applied.HiddenDim, applied.Augment, applied.Model), Is.EqualTo((64, false, ModelKind.Mlp)), "made of the plain recipe");
        Assert.That(BaselineVariant.TrySplit(BaselineVariant.SetupOf("cone-60", registered.Name), out var setup, out var variant) && (setup, variant) == ("cone-60", "test-wide"), Is.True);
        Assert.Throws<ArgumentException>(() => Baseline.Register(new WideBaseline()), "a name is registered once");
    }

    [TestCase("Augment")]
    [TestCase("dropout")]
    [TestCase(null)]
    public void Only_a_registered_name_in_its_own_spelling_is_a_baseline(string? name) => Assert.That(BaselineVariant.IsKnown(name), Is.False);

    [Test]
    public void A_name_that_cannot_end_a_setup_is_refused() =>
        Assert.Throws<ArgumentException>(() => new BadName());

    sealed class BadName() : Baseline("a+b", "a name with '+'")
    {
        public override TrainingOptions Apply(TrainingOptions plain) => plain;
    }
}
