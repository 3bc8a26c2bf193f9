using System.Numerics;
using System.Diagnostics;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Optim;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Tasks;

namespace LatentSymmetry.Core.Training;

/// <summary>
/// Runs the original project's protocol: data from the data seed, weights from the model seed, rotations
/// from the augmentation seed; AdamW on MSE + λ(epoch) · L_sym; validation every epoch; test at the end.
/// Single-threaded and bit-reproducible: the same options give the same numbers on every machine.
/// </summary>
public sealed class Trainer
{
    /// <summary>The rotation stream of orbit_task_loss (see <see cref="RotationStreams"/>, where every stream's offset lives).</summary>
    public const int OrbitRotationOffset = RotationStreams.OrbitTaskLoss;

    readonly FieldDataset<float>? _data;
    readonly Module<float>? _model;

    /// <summary>A trainer for <paramref name="options"/>, which must be valid; it builds its data and model from them.</summary>
    public Trainer(TrainingOptions options)
    {
        var error = options.Validate();
        if (error is not null) throw new ArgumentException(error, nameof(options));
        Options = options;
    }

    /// <summary>
    /// A trainer of components built elsewhere: <paramref name="model"/> is trained in place on
    /// <paramref name="data"/>; the options give the group, schedule, optimizer and seeds of the rotations.
    /// The data's and the model's dimension must be the group's.
    /// </summary>
    public Trainer(TrainingOptions options, FieldDataset<float> data, Module<float> model) : this(options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        int d = options.Task.InputDimension;
        if (data.Dimension != d || model.InputDimension != d)
            throw new ArgumentException($"the task ({options.Task}) has inputs of {d} values; the data are {data.Dimension}-D and the model takes {model.InputDimension}");
        model.CheckDepths(options.SymmetryLayers);
        _data = data;
        _model = model;
    }

    /// <summary>
    /// The penalty strategy to train with, in place of the options' <see cref="TrainingOptions.Penalty"/> (null: that one).
    /// Its value is what the history records as the sym loss, at training, validation and test alike.
    /// </summary>
    public IOrbitPenaltyKind<float>? Penalty { get; init; }

    /// <summary>
    /// What is learned and how the group acts on it (null: the options' group acting on a scalar invariant target, the
    /// original's task). The model's output width is the task's, and augmentation turns the targets through its
    /// representation.
    /// </summary>
    public SupervisedTask? Task { get; init; }

    SupervisedTask TaskOrDefault => Task ?? Options.Task;

    /// <summary>
    /// Further terms of the objective, after the task loss and the orbit penalty: MSE + λ(e)·L_sym + Σ w_k(e)·term_k
    /// (none by default). Each term's mean training value per epoch is in <see cref="EpochMetrics.TrainTerms"/> and
    /// history.csv (<c>train_NAME</c>); names must be distinct.
    /// </summary>
    public IReadOnlyList<LossTerm<float>> LossTerms
    {
        get => _lossTerms;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var t in value)
                if (!LossTermName.IsValid(t.Name) || !names.Add(t.Name))
                    throw new ArgumentException($"loss term name '{t.Name}' is {(names.Contains(t.Name) ? "used twice" : "not lower case letters, digits and '_'")}", nameof(value));
            _lossTerms = value;
        }
    }

    readonly IReadOnlyList<LossTerm<float>> _lossTerms = [];

    /// <summary>The optimiser to train with, made for the model (null: AdamW with the options' settings).</summary>
    public Func<Module<float>, IOptimizer<float>>? Optimizer { get; init; }

    /// <summary>The run's settings.</summary>
    public TrainingOptions Options { get; }

    /// <summary>
    /// What each epoch measures beyond what it trains on (default: everything, as <c>latsym train</c> records it). The
    /// experiment grid, which keeps only test losses, passes <see cref="TrainingMeasurements.TestLossesOnly"/>; every
    /// recorded number keeps its bits either way.
    /// </summary>
    public TrainingMeasurements Measurements { get; init; } = TrainingMeasurements.All;

    // Outputs and targets below this keep every float32 squared error, and their sum over a chunk, far from overflow
    // (1e15^2 * 1024 = 1e33 < 3.4e38).
    const double CertainlyFiniteBound = 1e15;

    /// <summary>Builds the data set this run trains on (a pure function of the data seed, sizes, domain, field and region).</summary>
    public FieldDataset<float> CreateDataset() => Options.CreateDataset();

    /// <summary>Builds the initial model (a pure function of the model seed and architecture).</summary>
    public Module<float> CreateModel() => CreateModel<float>(Options, TaskOrDefault.OutputWidth);

    /// <summary>
    /// The initial network of <paramref name="options"/> in precision <typeparamref name="T"/>: the weights a run
    /// starts from (float32 to train; float64 to evaluate the same initial weights in double). The output width is the
    /// options' task's (1 for a scalar field, d for a vector field) unless given.
    /// </summary>
    public static Module<T> CreateModel<T>(TrainingOptions options, int? outputWidth = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(options);
        int width = outputWidth ?? options.Task.OutputWidth;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width, nameof(outputWidth));
        var stream = new RandomStream(options.Seeds.Model);
        var model = options.Model.Create<T>(options.Task, options.HiddenDim, options.HiddenLayers, width);
        model.Initialize(stream);
        return model;
    }

    /// <summary>
    /// Trains to the end, reporting each epoch to <paramref name="onEpoch"/>. A non-finite loss stops the
    /// run early and marks it diverged (its test losses are then NaN).
    /// </summary>
    public TrainingResult Run(Action<EpochMetrics>? onEpoch = null, CancellationToken cancellation = default)
    {
        var o = Options;
        var seeds = o.Seeds;
        var clock = Stopwatch.StartNew();
        var data = _data ?? CreateDataset();
        var model = _model ?? CreateModel();
        var group = o.Group;
        int d = group.Dimension;
        if (data.Train.Count == 0 || data.Validation.Count == 0 || data.Test.Count == 0)
            throw new ArgumentException($"train-region {data.Region} keeps none of the {data.Count} points in a split (train {data.Train.Count}, validation {data.Validation.Count}, test {data.Test.Count})");
        var task = TaskOrDefault;
        int w = task.OutputWidth, m = task.InputDimension;
        if (task.Group != group) throw new ArgumentException($"the task is of group {task.Group.Name}; the options' group is {group.Name}");
        if (data.Dimension != m) throw new ArgumentException($"the task ({task}) has inputs of {m} values; the data are {data.Dimension}-D");
        if (data.TargetWidth != w || (model.OutputDimension != 0 && model.OutputDimension != w))
            throw new ArgumentException($"the task ({task}) has targets of width {w}; the data have {data.TargetWidth} and the model gives {model.OutputDimension}");
        var terms = ModelTerms.With(o.Model, model, _lossTerms);
        var optimizer = Optimizer?.Invoke(model) ?? new AdamW<float>(model.Parameters(), o.Optimizer);
        var sampler = o.SymmetryLayers.IsSet ? group.CreateSampler(seeds.Augmentation) : null;
        var representations = LayerRepresentations(o, task);
        var penaltyKind = WithRepresentations(Penalty ?? OrbitPenalties.Of<float>(o.Penalty, o.PenaltyGradDenominator), representations);
        var step = new TrainingStep<float>(model, optimizer, o.SymmetryLayers, sampler is null ? null : OrbitEngineFor(o, task, sampler, Penalty))
        {
            MeasureUnweightedPenalty = Measurements.UnweightedSymLoss,
            Terms = terms,
        };
        // The probe draws its own rotations and leaves no gradient behind, so the run keeps its bits.
        var probe = o.GradAlignInterval > 0 && o.SymmetryLayers.IsSet
            ? new GradientAlignment<float>(model, o.SymmetryLayers, new OrbitEngine<float>(group.CreateSampler(RotationStreams.Seed(seeds.Augmentation, RotationStreams.GradAlignment)), penaltyKind))
            : null;
        long steps = 0;
        var augmenter = o.Augment ? group.CreateSampler(o.DataAugmentationSeed) : null;
        var turns = new float[augmenter is null ? 0 : d * d * o.BatchSize];
        var evaluator = new Evaluator<float>();
        var schedule = new LambdaSchedule(o.LambdaSymMax, o.Epochs);
        var order = data.CreateBatchOrder(o.BatchSize);
        var points = new float[m * o.BatchSize];
        var targets = new float[o.BatchSize * w];
        var history = new List<EpochMetrics>(o.Epochs);
        var batchTask = new List<double>(o.Epochs * order.BatchCount);
        var batchSym = new List<double>(o.SymmetryLayers.IsSet ? o.Epochs * order.BatchCount : 0);
        bool diverged = false;
        // Without anything to record, the validation pass only has to show the loss finite; a bound may show it for free.
        bool skipFiniteValidation = !Measurements.ValidationTaskLoss && (!Measurements.ValidationSymLoss || !o.SymmetryLayers.IsSet);
        double valCoordinateBound = data.Validation.Count == 0 ? 0 : double.CreateChecked(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(data.Validation.Points));
        double valTargetBound = data.Validation.Count == 0 ? 0 : double.CreateChecked(System.Numerics.Tensors.TensorPrimitives.MaxMagnitude(data.Validation.Targets));

        for (int epoch = 0; epoch < o.Epochs && !diverged; epoch++)
        {
            cancellation.ThrowIfCancellationRequested();
            double lambda = o.SymmetryLayers.IsSet ? schedule.At(epoch) : 0;
            bool symMeasured = sampler is not null && (lambda != 0 || Measurements.UnweightedSymLoss);
            order.NextEpoch();
            double taskSum = 0, symSum = 0;
            // The terms of a summed penalty, kept only when there are several.
            var trainByLayer = new double[o.SymmetryLayers.Count > 1 ? o.SymmetryLayers.Count : 0];
            var valByLayer = new double[trainByLayer.Length];
            var termSums = new double[terms.Count];
            double alignSum = 0;
            int alignCount = 0;
            for (int i = 0; i < order.BatchCount; i++)
            {
                var rows = order.Batch(i);
                var batch = points.AsSpan(0, m * rows.Length);
                var batchTargets = targets.AsSpan(0, w * rows.Length);
                data.Train.Gather(rows, batch, batchTargets);
                if (augmenter is not null)
                {
                    // The points turn by R, the targets by ρ(R): fixed for an invariant field, turned for a vector field.
                    var r = turns.AsSpan(0, d * d * rows.Length);
                    augmenter.Sample(r);
                    task.Augment<float>(r, batch, batchTargets);
                }
                if (probe is not null && steps % o.GradAlignInterval == 0)
                {
                    double cosine = probe.Measure(batch, batchTargets);
                    if (!double.IsNaN(cosine)) { alignSum += cosine; alignCount++; }
                }
                steps++;
                var (taskLoss, sym) = step.Run(batch, batchTargets, lambda, epoch);
                bool termsFinite = true;
                for (int k = 0; k < termSums.Length; k++)
                {
                    termSums[k] += step.TermValues[k];
                    termsFinite &= double.IsFinite(step.TermValues[k]);
                }
                batchTask.Add(taskLoss);
                taskSum += taskLoss;
                if (sampler is not null) batchSym.Add(sym); // NaN where not measured, so batches stay aligned with batchTask
                if (symMeasured)
                {
                    symSum += sym;
                    for (int k = 0; k < trainByLayer.Length; k++) trainByLayer[k] += step.LayerSym[k];
                }
                if (!double.IsFinite(taskLoss) || (symMeasured && !double.IsFinite(sym)) || !termsFinite) { diverged = true; break; }
            }
            double valTask = double.NaN;
            double? valSym = null;
            if (!skipFiniteValidation || model.OutputBound(valCoordinateBound) + valTargetBound >= CertainlyFiniteBound)
            {
                (valTask, valSym) = evaluator.Evaluate(model, data.Validation, o.SymmetryLayers, group, seeds.Augmentation ^ RotationStreams.Validation,
                    penaltyKind, valByLayer, measureSym: Measurements.ValidationSymLoss, representations: representations);
                diverged |= !double.IsFinite(valTask);
            }
            else
            {
                valByLayer.AsSpan().Fill(double.NaN);
            }
            var metrics = new EpochMetrics(epoch, lambda, taskSum / order.BatchCount,
                symMeasured ? symSum / order.BatchCount : null, valTask, valSym, clock.Elapsed.TotalSeconds)
            {
                TrainSymLossByLayer = symMeasured ? Array.ConvertAll(trainByLayer, v => v / order.BatchCount) : [],
                ValSymLossByLayer = valByLayer,
                TrainTerms = Array.ConvertAll(termSums, v => v / order.BatchCount),
                GradAlignment = probe is null ? null : alignCount > 0 ? alignSum / alignCount : double.NaN,
            };
            history.Add(metrics);
            onEpoch?.Invoke(metrics);
        }

        var test = Test(o, penaltyKind, model, data, diverged, evaluator, representations);
        // Measured only for a vector task, so a scalar run's metrics keep their bytes.
        var equivariance = task.Target.IsTrivial || diverged ? (double.NaN, double.NaN)
            : EquivarianceErrors(model, group, data.Test.Points, task.Target, seeds.Augmentation ^ RotationStreams.InvarianceError, task.Input);
        return new TrainingResult(o, seeds, history, batchTask, batchSym, test.Task, test.Sym, diverged, clock.Elapsed.TotalSeconds, model, data)
        {
            EquivarianceError = equivariance,
            DataGiven = _data is not null && !IsOwnData(o, _data),
            OrbitTaskLoss = test.Orbit,
            TestSymLossByLayer = test.SymByLayer,
            LossTermNames = terms.Select(t => t.Name).ToArray(),
        };
    }

    /// <summary>
    /// The orbit engine a run of <paramref name="options"/> trains with: <paramref name="sampler"/>'s rotations, the penalty
    /// (<paramref name="penalty"/> or the options' kind), turned back by each layer's representation when one is not trivial.
    /// </summary>
    public static OrbitEngine<float> OrbitEngineFor(TrainingOptions options, SupervisedTask task, Symmetry.IRotationSampler sampler, IOrbitPenaltyKind<float>? penalty = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(task);
        var representations = LayerRepresentations(options, task);
        var kind = WithRepresentations(penalty ?? OrbitPenalties.Of<float>(options.Penalty, options.PenaltyGradDenominator), representations);
        return new OrbitEngine<float>(sampler, kind) { Representations = representations };
    }

    /// <summary>The options' layer representations, with the task's target at the output (a trainer's task may differ from the options').</summary>
    static IReadOnlyList<Symmetry.GroupRepresentation?> LayerRepresentations(TrainingOptions o, SupervisedTask task)
    {
        var list = o.LayerRepresentations().ToArray();
        for (int i = 0; i < list.Length; i++)
            if (o.SymmetryLayers[i] == SymmetryLayer.Output) list[i] = task.Target.IsTrivial ? null : task.Target;
        return list;
    }

    /// <summary>The kind itself when every layer is trivial (today's penalty, untouched); else the kind on turned-back activations.</summary>
    static IOrbitPenaltyKind<float> WithRepresentations(IOrbitPenaltyKind<float> kind, IReadOnlyList<Symmetry.GroupRepresentation?> representations) =>
        representations.Any(r => r is { IsTrivial: false }) && kind is not EquivariantOrbitPenalty<float> ? new EquivariantOrbitPenalty<float>(kind) : kind;

    /// <summary>eps_eq of <paramref name="model"/> and of its float64 copy at the same turned points (<see cref="Orbits.EquivarianceError"/>).</summary>
    public static (double Float32, double Float64) EquivarianceErrors(Module<float> model, Symmetry.SymmetryGroup group, ReadOnlySpan<float> points,
        Symmetry.GroupRepresentation output, int seed, Symmetry.GroupRepresentation? input = null)
    {
        var exact = model.To<double>();
        var wide = new double[points.Length];
        for (int i = 0; i < wide.Length; i++) wide[i] = points[i];
        return (Orbits.EquivarianceError.Measure(model, group, points, output, seed, input), Orbits.EquivarianceError.Measure<double>(exact, group, wide, output, seed, input));
    }

    /// <summary>Whether <paramref name="data"/> are what <paramref name="options"/> draw by themselves (<see cref="CreateDataset"/>).</summary>
    static bool IsOwnData(TrainingOptions options, FieldDataset<float> data)
    {
        var domain = options.Domain;
        if (options.DataSource is not null || data.Source is not null)
            return data.Source == options.DataSource && data.DataSeed == options.Seeds.Data && data.Region.Equals(options.TrainRegion);
        return data.DataSeed == options.Seeds.Data && data.Count == options.Samples && data.FieldSpec == options.FieldSpec
            && data.Region.Equals(options.TrainRegion) && data.Domain.Dimension == domain.Dimension && data.Domain.Extent == domain.Extent
            && data.Domain.Description == domain.Description;
    }

    /// <summary>
    /// The test figures of a trained <paramref name="model"/> under <paramref name="options"/>: task loss, sym loss
    /// (summed and per layer) and orbit task loss, each from its own rotation stream; NaN when the run diverged.
    /// </summary>
    internal static (double Task, double? Sym, double[] SymByLayer, double Orbit) Test(TrainingOptions options, IOrbitPenaltyKind<float>? penalty, Module<float> model,
        FieldDataset<float> data, bool diverged, Evaluator<float> evaluator, IReadOnlyList<Symmetry.GroupRepresentation?>? representations = null)
    {
        var seeds = options.Seeds;
        double testTask = double.NaN;
        double? testSym = options.SymmetryLayers.IsSet ? double.NaN : null;
        var testSymByLayer = new double[options.SymmetryLayers.Count];
        Array.Fill(testSymByLayer, double.NaN);
        double orbitTask = double.NaN;
        if (!diverged)
        {
            representations ??= options.LayerRepresentations();
            var penaltyKind = penalty ?? WithRepresentations(OrbitPenalties.Of<float>(options.Penalty, options.PenaltyGradDenominator), representations);
            (testTask, testSym) = evaluator.Evaluate(model, data.Test, options.SymmetryLayers, options.Group, seeds.Augmentation ^ RotationStreams.Test, penaltyKind, testSymByLayer,
                representations: representations);
            if (data.Field is not null) orbitTask = evaluator.OrbitTaskLoss(model, data.Test, data.Field, options.Group, seeds.Augmentation ^ RotationStreams.OrbitTaskLoss);
            else if (data.VectorField is not null) orbitTask = evaluator.OrbitTaskLoss(model, data.Test, data.VectorField, options.Group, seeds.Augmentation ^ RotationStreams.OrbitTaskLoss);
        }
        return (testTask, testSym, testSymByLayer, orbitTask);
    }
}
