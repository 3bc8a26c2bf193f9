using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Optim;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Tests.Training;

/// <summary>The objective's further terms: weighted and scheduled, measured at weight 0, and used the way a relaxed model's branch penalty will be.</summary>
public class LossTermTests
{
    /// <summary>½‖W‖² of one linear layer's weight: its gradient is W, so a weight c adds exactly c·W to that gradient.</summary>
    sealed class HalfSquaredWeight(Linear<double> layer) : ILossTerm<double>
    {
        public string Name => "half_w2";

        public Variable<double> Compute(Tape<double> tape, in LossTermContext<double> context) =>
            tape.Scale(tape.Sum(tape.Multiply(layer.Weight, layer.Weight)), 0.5);
    }

    /// <summary>The mean square of a branch's output on the batch: the penalty a relaxed model puts on its non-invariant part.</summary>
    sealed class BranchMeanSquare(string path) : ILossTerm<float>
    {
        public string Name => "branch_ms";

        public Variable<float> Compute(Tape<float> tape, in LossTermContext<float> context)
        {
            var branch = context.Model.Find(path)!.Forward(tape, context.Input);
            return tape.Mean(tape.Multiply(branch, branch));
        }
    }

    /// <summary>Keeps a copy of each parameter's gradient and does not update anything.</summary>
    sealed class GradientRecorder(IEnumerable<Variable<double>> parameters) : IOptimizer<double>
    {
        readonly Variable<double>[] _parameters = [.. parameters];
        public Dictionary<Variable<double>, double[]> Gradients { get; } = [];
        public void ZeroGrad() { foreach (var p in _parameters) p.Grad?.Span.Clear(); }
        public void Step() { }
        public void BeginBackward() { }
        public void GradientFinished(Variable<double> leaf) => Gradients[leaf] = leaf.Grad!.Span.ToArray();
        public void EndBackward() { }
    }

    static (double[] Points, double[] Targets) Batch(int b)
    {
        var data = new FieldDataset<double>(3, 100);
        return (data.Train.Points[..(3 * b)].ToArray(), data.Train.Targets[..b].ToArray());
    }

    [TestCase(0.0)]
    [TestCase(0.25)]
    [TestCase(3.0)]
    public void A_weighted_term_adds_its_weight_times_its_gradient_and_reports_its_unweighted_value(double weight)
    {
        var model = new Mlp<double>(3, 8, 2, 1);
        model.Initialize(new RandomStream(3));
        var first = (Linear<double>)model.Find("layers.0")!;
        var (points, targets) = Batch(16);

        var plain = new GradientRecorder(model.Parameters());
        new TrainingStep<double>(model, plain, SymmetryLayers.None, (IRotationSampler?)null).Run(points, targets, 0);
        var recorder = new GradientRecorder(model.Parameters());
        var step = new TrainingStep<double>(model, recorder, SymmetryLayers.None, (IRotationSampler?)null)
        {
            Terms = [new LossTerm<double>(new HalfSquaredWeight(first), weight)],
        };
        step.Run(points, targets, 0, epoch: 0);

        var w = first.Weight.Span.ToArray();
        Assert.That(step.TermValues[0], Is.EqualTo(0.5 * w.Sum(v => v * v)).Within(1e-12));
        var expected = plain.Gradients[first.Weight].Select((g, i) => g + weight * w[i]).ToArray();
        Assert.That(recorder.Gradients[first.Weight], Is.EqualTo(expected).Within(1e-12));
        Assert.That(recorder.Gradients[first.Bias], Is.EqualTo(plain.Gradients[first.Bias]), "the term does not reach the bias");
    }

    [Test]
    public void A_scheduled_weight_follows_its_schedule_and_a_constant_stays()
    {
        var scheduled = LossWeight.Scheduled(new LambdaSchedule(2, 5));
        Assert.That(Enumerable.Range(0, 5).Select(scheduled.At), Is.EqualTo(new[] { 0, 2 * (1 - Math.Cos(Math.PI / 4)) / 2, 1, 2 * (1 - Math.Cos(3 * Math.PI / 4)) / 2, 2 }).Within(1e-15));
        Assert.That(LossWeight.Constant(0.5).At(7), Is.EqualTo(0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => LossWeight.Constant(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LossWeight.Constant(double.NaN));
    }

    static readonly TrainingOptions Small = new() { HiddenLayers = 1, HiddenDim = 8, Epochs = 3, Samples = 300, BatchSize = 32, RunSeed = 4, LearningRate = 3e-3 };

    static Sum<float> TwoBranch()
    {
        var model = new Sum<float>(("main", new Mlp<float>(3, 8, 1, 1)), ("branch", new Linear<float>(3, 1)));
        model.Initialize(new RandomStream(9));
        return model;
    }

    [Test]
    public void A_branch_penalty_trains_the_branch_down_and_is_recorded_per_epoch()
    {
        var data = new FieldDataset<float>(Small.Seeds.Data, Small.Samples, Small.Domain, Small.TargetField, Small.TrainRegion);
        // Adam moves each weight by about the learning rate a step; enough steps to move the branch's ~0.5 weights to 0.
        var fast = Small with { LearningRate = 0.03, Epochs = 6 };
        var free = new Trainer(fast, data, TwoBranch()).Run();
        var penalised = new Trainer(fast, data, TwoBranch()) { LossTerms = [new LossTerm<float>(new BranchMeanSquare("branch"), 100)] }.Run();

        Assert.That(penalised.LossTermNames, Is.EqualTo(new[] { "branch_ms" }));
        Assert.That(penalised.History.Select(h => h.TrainTerms.Count), Is.All.EqualTo(1));
        Assert.That(free.History.Select(h => h.TrainTerms.Count), Is.All.EqualTo(0));
        double Norm(TrainingResult r) => ((Linear<float>)r.Model.Find("branch")!).Weight.Span.ToArray().Sum(v => (double)v * v);
        Assert.That(Norm(penalised), Is.LessThan(0.1 * Norm(free)), "weight 100 on the branch's output pushes its weights toward 0");
        Assert.That(penalised.History[^1].TrainTerms[0], Is.LessThan(penalised.History[0].TrainTerms[0]));

        var csv = RunArtifacts.HistoryCsv(penalised.History, penalised.Options.SymmetryLayers, penalised.LossTermNames).Split('\n');
        Assert.That(csv[0], Does.EndWith(",elapsed_seconds,train_branch_ms"));
        Assert.That(double.Parse(csv[1].Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(penalised.History[0].TrainTerms[0]));
    }

    [Test]
    public void A_term_at_weight_zero_is_measured_but_leaves_every_bit_of_the_run()
    {
        var data = new FieldDataset<float>(Small.Seeds.Data, Small.Samples, Small.Domain, Small.TargetField, Small.TrainRegion);
        var plain = new Trainer(Small, data, TwoBranch()).Run();
        var measured = new Trainer(Small, data, TwoBranch()) { LossTerms = [new LossTerm<float>(new BranchMeanSquare("branch"), 0)] }.Run();
        Assert.That(measured.BatchTaskLosses, Is.EqualTo(plain.BatchTaskLosses));
        Assert.That(measured.TestTaskLoss, Is.EqualTo(plain.TestTaskLoss));
        Assert.That(measured.History.Select(h => h.TrainTerms[0]), Is.All.GreaterThan(0));
    }

    [TestCase("Branch")]
    [TestCase("task_loss")]
    [TestCase("sym_loss_layer2")]
    [TestCase("2nd")]
    [TestCase("")]
    public void A_term_name_that_cannot_be_a_history_column_is_refused(string name) =>
        Assert.Throws<ArgumentException>(() => _ = new Trainer(Small) { LossTerms = [new LossTerm<float>(new Named(name), 1)] });

    [Test]
    public void Two_terms_of_one_name_are_refused() =>
        Assert.Throws<ArgumentException>(() => _ = new Trainer(Small) { LossTerms = [new LossTerm<float>(new Named("a"), 1), new LossTerm<float>(new Named("a"), 2)] });

    sealed class Named(string name) : ILossTerm<float>
    {
        public string Name => name;
        public Variable<float> Compute(Tape<float> tape, in LossTermContext<float> context) => throw new NotSupportedException();
    }
}
