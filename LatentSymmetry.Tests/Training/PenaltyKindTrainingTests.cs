using LatentSymmetry.Autograd.Kernels;
using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Invariance;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Optim;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Seeding;

namespace LatentSymmetry.Tests.Training;

public class PenaltyKindTrainingTests
{
    static readonly TrainingOptions Small = new()
    {
        HiddenLayers = 2, HiddenDim = 16, Epochs = 2, Samples = 400, BatchSize = 32, RunSeed = 5,
        LearningRate = 3e-3, SymmetryLayers = SymmetryLayer.Hidden(1), LambdaSymMax = 0.5,
    };

    [Test]
    public void Raw_is_the_original_penalty_object_so_its_bits_cannot_move() =>
        Assert.That(OrbitPenalties.Of<float>(PenaltyKind.Raw), Is.SameAs(RawOrbitPenalty<float>.Instance));

    [Test]
    public void A_normalized_step_reports_the_batch_Q_h_measured_independently()
    {
        var model = new Mlp<float>(3, 16, 2, 1);
        model.Initialize(new RandomStream(11));
        var data = new FieldDataset<float>(3, 200);
        int b = 32;
        var points = data.Train.Points[..(3 * b)].ToArray();
        var targets = data.Train.Targets[..b].ToArray();

        // The measure first, from the same rotations (the penalty draws all of R1, then all of R2).
        var sampler = SymmetryGroup.So3.CreateSampler(99);
        var r1 = new float[9 * b];
        var r2 = new float[9 * b];
        sampler.Sample<float>(r1);
        sampler.Sample<float>(r2);
        var t1 = new float[3 * b];
        var t2 = new float[3 * b];
        RowRotation.Apply<float>(r1, points, t1, 3);
        RowRotation.Apply<float>(r2, points, t2, 3);
        var tape = new Tape<float>();
        Variable<float> H(float[] x)
        {
            using var _ = tape.NoGrad();
            var h = model.Activation(tape, Variable<float>.FromSpan(b, 3, x), SymmetryLayer.Hidden(1));
            return Variable<float>.FromSpan(h.Rows, h.Cols, h.Span);
        }
        var h0 = H(points);
        var h1 = H(t1);
        var h2 = H(t2);
        // Normalized = ½ E‖h1 − h2‖² / (½ E_{i≠j}‖h_i − h_j‖² + ε), in double here.
        double expected = InvarianceMeasures.SymmetryLoss(h1, h2) / (0.5 * InvarianceMeasures.PairSpread(h0) + OrbitPenalties.Epsilon);

        var orbit = new OrbitEngine<float>(SymmetryGroup.So3.CreateSampler(99), OrbitPenalties.Of<float>(PenaltyKind.Normalized));
        var step = new TrainingStep<float>(model, new AdamW<float>(model.Parameters(), AdamWOptions.Default), SymmetryLayer.Hidden(1), orbit);
        var (_, sym) = step.Run(points, targets, lambda: 1);
        Assert.That(sym, Is.EqualTo(expected).Within(1e-4 * expected));
    }

    [TestCase("normalized", false)]
    [TestCase("normalized", true)]
    [TestCase("pca", false)]
    [TestCase("pca-normalized", false)]
    public void A_measured_penalty_trains_reproducibly_and_differently_from_raw(string kindName, bool gradDenominator)
    {
        var kind = PenaltyKindText.Parse(kindName);
        var options = Small with { Penalty = kind, PenaltyGradDenominator = gradDenominator };
        var a = new Trainer(options).Run();
        var b = new Trainer(options).Run();
        var raw = new Trainer(Small).Run();
        Assert.That(a.Diverged, Is.False);
        Assert.That(b.BatchSymLosses, Is.EqualTo(a.BatchSymLosses));
        Assert.That(a.BatchSymLosses, Is.Not.EqualTo(raw.BatchSymLosses));
        Assert.That(a.TestSymLoss, Is.Not.Null.And.GreaterThanOrEqualTo(0));
    }

    [Test]
    public void Grad_denominator_with_a_penalty_that_has_none_is_refused() =>
        Assert.That((Small with { Penalty = PenaltyKind.Pca, PenaltyGradDenominator = true }).Validate(), Does.Contain("penalty-grad-denominator"));

    [Test]
    public void A_non_raw_penalty_is_not_the_original_setup()
    {
        Assert.That((Small with { Penalty = PenaltyKind.PcaNormalized }).IsOriginalSetup, Is.False);
        Assert.That((Small with { Penalty = PenaltyKind.Raw }).IsOriginalSetup, Is.EqualTo(Small.IsOriginalSetup));
    }
}
