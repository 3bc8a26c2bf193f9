using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Optim;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Tasks;

namespace LatentSymmetry.Core.Training;

/// <summary>
/// Everything that defines one training run; the defaults are the original project's. The CLI reads its
/// defaults from here, so they are stated once.
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Number of hidden layers, L.</summary>
    public int HiddenLayers { get; init; } = 6;

    /// <summary>Width of each hidden layer, H.</summary>
    public int HiddenDim { get; init; } = 128;

    /// <summary>
    /// Where the penalty applies (<c>--symmetry-layer</c>): one layer (default: the output, -1), several (the penalty
    /// is the sum over them, under the one λ) or none. A single <see cref="Models.SymmetryLayer"/> converts implicitly.
    /// </summary>
    public SymmetryLayers SymmetryLayers { get; init; } = SymmetryLayers.Output;

    /// <summary>λ_max of the 1 − cos schedule.</summary>
    public double LambdaSymMax { get; init; } = 1.0;

    /// <summary>AdamW learning rate.</summary>
    public double LearningRate { get; init; } = AdamWOptions.Default.LearningRate;

    /// <summary>AdamW decoupled weight decay.</summary>
    public double WeightDecay { get; init; } = AdamWOptions.Default.WeightDecay;

    /// <summary>The run seed from which the data, model and augmentation seeds are derived.</summary>
    public int RunSeed { get; init; } = 42;

    /// <summary>Number of epochs, E.</summary>
    public int Epochs { get; init; } = 200;

    /// <summary>Training batch size (the last, smaller batch of an epoch is kept).</summary>
    public int BatchSize { get; init; } = BatchOrder.DefaultBatchSize;

    /// <summary>Number of points in the data set (split 60/20/20).</summary>
    public int Samples { get; init; } = FieldDataset<float>.DefaultCount;

    /// <summary>Half-width B of the sampling box [−B, B]³.</summary>
    public double BoxHalfWidth { get; init; } = FieldDataset<float>.DefaultBoxHalfWidth;

    /// <summary>The symmetry group: its dimension, its rotations (penalty, augmentation, orbit loss) and its invariants.</summary>
    public SymmetryGroup Group { get; init; } = SymmetryGroup.So3;

    /// <summary>The target field; null for the default of the group's dimension (radial in 3-D, gaussian-ring on the disk).</summary>
    public IScalarField? Field { get; init; }

    /// <summary>
    /// A vector-valued target in place of <see cref="Field"/> (null: a scalar field). The task is then
    /// <see cref="SupervisedTask.VectorEquivariant"/>: d outputs, turned with the points by augmentation.
    /// </summary>
    public IVectorField? VectorField { get; init; }

    /// <summary>
    /// The sample file the run trains on in place of a field (<c>--data FILE.csv</c>; null: points drawn from the field).
    /// Its rows are split 60/20/20 by the data seed and filtered to <see cref="TrainRegion"/>; <see cref="Samples"/> is its
    /// row count and the domain (<see cref="BoxHalfWidth"/> in 3-D, <see cref="Radius"/> on the disk) its extent.
    /// </summary>
    public SampleSource? DataSource { get; init; }

    /// <summary>
    /// What is learned and how the group acts on it: a vector task for a <see cref="VectorField"/> (on points, or on states of
    /// C vectors for a phase-space field, <c>vectors:C</c> in and out), else the scalar invariant one.
    /// </summary>
    public SupervisedTask Task => VectorField is null ? SupervisedTask.ScalarInvariant(Group)
        : SupervisedTask.VectorsEquivariant(Group, VectorField.PointRepresentation.Vectors);

    /// <summary>The phase-space field behind the targets (itself, or the field of a flow's step); null for a field of space.</summary>
    public IPhaseSpaceField? PhaseSpace => (VectorField is FlowStepField flow ? flow.Field : VectorField) as IPhaseSpaceField;

    /// <summary>The spec of the field trained on, scalar or vector, or the sample file's <see cref="SampleSource.Label"/> (config.json's "field").</summary>
    public string FieldSpec => DataSource?.Label ?? VectorField?.Spec ?? TargetField.Spec;

    /// <summary>The network: the MLP on the point, or on the group's invariants.</summary>
    public ModelKind Model { get; init; } = ModelKind.Mlp;

    /// <summary>Turn every training batch by fresh Haar rotations of the group, one per sample (seed <see cref="DataAugmentationSeed"/>).</summary>
    public bool Augment { get; init; }

    /// <summary>Which points training, validation and test keep (drawn first, filtered after).</summary>
    public TrainRegion TrainRegion { get; init; } = TrainRegion.Full;

    /// <summary>Outer radius R of the disk (2-D groups).</summary>
    public double Radius { get; init; } = 1.0;

    /// <summary>Inner radius r0 of the annulus (2-D groups); 0 for the disk.</summary>
    public double InnerRadius { get; init; }

    /// <summary>The symmetry penalty: the original's raw ½ E‖h(g1 x) − h(g2 x)‖² (default) or one built on the measures.</summary>
    public PenaltyKind Penalty { get; init; } = PenaltyKind.Raw;

    /// <summary>
    /// C in <c>--latent-rep vectors:C</c>: at a penalised hidden layer, the first C·d units of the pre-activation are C
    /// vectors turned by R and the rest scalars, and the penalty is ½ E‖ρ(R1)⁻¹h(R1 x) − ρ(R2)⁻¹h(R2 x)‖². 0 (default):
    /// the trivial representation, today's invariance penalty.
    /// </summary>
    public int LatentVectors { get; init; }

    /// <summary>
    /// The representation of each penalised layer, in the order of <see cref="SymmetryLayers"/>: the task's target
    /// representation at the output (null when trivial), C vectors and H − C·d scalars at a hidden layer when
    /// <see cref="LatentVectors"/> is set; null entries are the trivial one (invariance).
    /// </summary>
    public IReadOnlyList<GroupRepresentation?> LayerRepresentations()
    {
        var target = Task.Target;
        var list = new GroupRepresentation?[SymmetryLayers.Count];
        for (int i = 0; i < list.Length; i++)
            list[i] = SymmetryLayers[i] == Models.SymmetryLayer.Output
                ? (target.IsTrivial ? null : target)
                : LatentVectors > 0 ? Group.DirectSum(LatentVectors, HiddenDim - LatentVectors * Group.Dimension) : null;
        return list;
    }

    /// <summary>Let the gradient flow through the denominator of a normalized penalty (the authors found stopping it necessary).</summary>
    public bool PenaltyGradDenominator { get; init; }

    /// <summary>
    /// Every this many optimiser steps, the cosine between the parameter gradients of the task loss and of the penalty
    /// (<see cref="GradientAlignment{T}"/>; history.csv's grad_align, the epoch's mean). 0: off (the default).
    /// </summary>
    public int GradAlignInterval { get; init; }

    /// <summary>The field trained on: <see cref="Field"/> or the default of the group's dimension.</summary>
    public IScalarField TargetField => Field ?? FieldCatalog.Default(Group.Dimension);

    /// <summary>Where points are drawn: the box [−B, B]³ in 3-D, the disk (or annulus) in 2-D, a phase-space field's own states.</summary>
    public SamplingDomain Domain => PhaseSpace is { } states ? SamplingDomain.States(states, Group.Dimension)
        : Group.Dimension == 2 ? SamplingDomain.Disk(Radius, InnerRadius) : SamplingDomain.Box(Group.Dimension, BoxHalfWidth);

    /// <summary>True for the original experiment's set-up (SO(3), radial field, MLP, no augmentation, full region).</summary>
    public bool IsOriginalSetup => Group == SymmetryGroup.So3 && VectorField is null && DataSource is null && TargetField.Spec == "radial" && Model == ModelKind.Mlp && !Augment && TrainRegion.IsFull
        && Penalty == PenaltyKind.Raw;

    /// <summary>Seed of the augmentation rotations: derive(run seed, "data_augmentation"), a category of its own.</summary>
    public int DataAugmentationSeed => DerivedSeeds.Derive(RunSeed, DerivedSeeds.DataAugmentationCategory);

    /// <summary>The seeds derived from <see cref="RunSeed"/>.</summary>
    public DerivedSeeds Seeds => DerivedSeeds.FromRunSeed(RunSeed);

    /// <summary>The AdamW settings of this run.</summary>
    public AdamWOptions Optimizer => AdamWOptions.Default with { LearningRate = LearningRate, WeightDecay = WeightDecay };

    /// <summary>Null when valid, else a message naming the first invalid setting and its valid range.</summary>
    public string? Validate()
    {
        if (HiddenLayers < 1) return $"num-hidden-layers must be at least 1, got {HiddenLayers}";
        if (HiddenDim < 1) return $"hidden-dim must be at least 1, got {HiddenDim}";
        if (SymmetryLayers is null) return "symmetry-layer must be set (none for no penalty)";
        if (SymmetryLayers.Check(HiddenLayers) is { } layerError) return layerError;
        if (Model is null) return "model must be set";
        if (GradAlignInterval < 0) return $"grad-align-interval must be at least 0 (0: off), got {GradAlignInterval}";
        if (GradAlignInterval > 0 && !SymmetryLayers.IsSet) return $"grad-align-interval {GradAlignInterval} compares the task's gradient with the penalty's: it needs a --symmetry-layer, not none";
        if (Model.CheckLayers(SymmetryLayers) is { } modelLayerError) return modelLayerError;
        if (!double.IsFinite(LambdaSymMax) || LambdaSymMax < 0) return $"lambda-sym-max must be a finite number >= 0, got {LambdaSymMax}";
        if (!double.IsFinite(LearningRate) || LearningRate <= 0) return $"learning-rate must be a finite number > 0, got {LearningRate}";
        if (!double.IsFinite(WeightDecay) || WeightDecay < 0) return $"weight-decay must be a finite number >= 0, got {WeightDecay}";
        if (Epochs < 1) return $"epochs must be at least 1, got {Epochs}";
        if (BatchSize < 1) return $"batch-size must be at least 1, got {BatchSize}";
        if (Samples < 5) return $"samples must be at least 5 (for a 60/20/20 split), got {Samples}";
        if (!double.IsFinite(BoxHalfWidth) || BoxHalfWidth <= 0) return $"box must be a finite number > 0, got {BoxHalfWidth}";
        if (Group is null) return "group must be set";
        if (!double.IsFinite(Radius) || Radius <= 0) return $"radius must be a finite number > 0, got {Radius}";
        if (!double.IsFinite(InnerRadius) || InnerRadius < 0 || InnerRadius >= Radius) return $"inner-radius must be in [0, radius {Radius}), got {InnerRadius}";
        if (TargetField.Dimension != Group.Dimension)
            return $"field {TargetField.Spec} takes {TargetField.Dimension}-D points but group {Group.Name} acts on {Group.Dimension}-D points";
        if (VectorField is not null && Field is not null) return $"field: give a scalar field or a vector field, not both ({Field.Spec}, {VectorField.Spec})";
        if (VectorField is not null && VectorField.PointRepresentation is var rep && (rep.GroupDimension != Group.Dimension || rep.Width != VectorField.Dimension))
            return rep.Vectors == 1
                ? $"field {VectorField.Spec} takes {VectorField.Dimension}-D points but group {Group.Name} acts on {Group.Dimension}-D points"
                : $"field {VectorField.Spec} takes states of {rep.Vectors} {rep.GroupDimension}-D vectors but group {Group.Name} acts on {Group.Dimension}-D vectors";
        if (DataSource is { } data)
        {
            if (Field is not null || VectorField is not null) return $"data {data.Path}: the targets are its column '{data.TargetColumn}'; give no field ({Field?.Spec ?? VectorField!.Spec})";
            if (data.Dimension != Group.Dimension)
                return $"data {data.Path}: {data.Dimension} input columns ({string.Join(", ", "xyz"[..data.Dimension].ToCharArray())}) but group {Group.Name} acts on {Group.Dimension}-D points{(data.Dimension == 2 ? "; use --group so2" : "; use --group so3 or so2z")}";
            if (Samples != data.Rows) return $"samples must be the data's {data.Rows} rows, got {Samples}";
        }
        if (Model is not null && Model.CheckTask(Task) is { } modelError) return $"model {Model.Name}: {modelError}";
        if (TrainRegion.CheckDimension(Group.Dimension) is { } region) return $"train-region {TrainRegion}: {region}";
        if (Penalty is null) return "penalty must be set (raw for the original's)";
        if (LatentVectors < 0) return $"latent-rep vectors:{LatentVectors}: the number of vectors must be at least 0";
        if (LatentVectors * (long)Group.Dimension > HiddenDim)
            return $"latent-rep vectors:{LatentVectors}: {LatentVectors} vectors of {Group.Dimension} are {LatentVectors * (long)Group.Dimension} units, wider than the layer (hidden-dim {HiddenDim})";
        if (LatentVectors > 0 && Model is not null && Model != ModelKind.Mlp)
            return $"latent-rep vectors:{LatentVectors}: applies to the hidden layers of --model mlp, not {Model.Name}";
        if (PenaltyGradDenominator && !Penalty.HasDenominator)
            return $"penalty-grad-denominator needs a normalized penalty (normalized or pca-normalized), not {PenaltyKindText.Format(Penalty)}";
        // Refuse what cannot fit rather than let the operating system kill the process half-way, and name
        // the setting that drives the need (the largest of the terms of MemoryTerms).
        long available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        if (EstimatedBytes > available)
        {
            var (name, value, _) = MemoryTerms.MaxBy(t => t.Bytes);
            return $"{name} {value} makes the run need about {EstimatedBytes / 1e9:0.#} GB, more than the {available / 1e9:0.#} GB available";
        }
        if (Steps > Array.MaxLength)
            return $"epochs {Epochs} with {Steps / Epochs:0} batches per epoch (samples {Samples}, batch-size {BatchSize}) is {Steps:0} steps, more than the {Array.MaxLength} a run can record";
        return null;
    }

    /// <summary>Training points after the 60/20/20 split (an estimate suffices here).</summary>
    double TrainPoints => Math.Max(1, Math.Floor(0.6 * Samples));

    /// <summary>Optimiser steps of the run: a batch holds at most the training points.</summary>
    double Steps => (double)Epochs * Math.Ceiling(TrainPoints / Math.Min(BatchSize, TrainPoints));

    /// <summary>
    /// Null when <see cref="TrainRegion"/> leaves every split of this run's data set some points, else a message
    /// giving the counts (builds the data set, so call it once, after <see cref="Validate"/>).
    /// </summary>
    public string? CheckRegionCounts()
    {
        if (TrainRegion.IsFull) return null;
        var data = CreateDataset();
        return data.Train.Count == 0 || data.Validation.Count == 0 || data.Test.Count == 0
            ? $"train-region {TrainRegion} keeps {data.Train.Count} training, {data.Validation.Count} validation and {data.Test.Count} test points of {Samples}; every split needs at least one (widen the region or {(DataSource is null ? "raise --samples" : "give more samples")})"
            : null;
    }

    /// <summary>
    /// The data set of these options (a pure function of the data seed, sizes, domain, field and region; or of the data
    /// seed, region and the sample file, which is read again and must still have the recorded SHA-256).
    /// </summary>
    /// <exception cref="SampleFileException">The sample file is missing, changed or malformed.</exception>
    public FieldDataset<float> CreateDataset() => DataSource is { } source ? SampleFile.Reread(source).Split<float>(Seeds.Data, TrainRegion, Domain)
        : VectorField is null
        ? new(Seeds.Data, Samples, Domain, TargetField, TrainRegion)
        : new(Seeds.Data, Samples, Domain, VectorField, TrainRegion);

    /// <summary>
    /// Rough memory a run needs: parameters with their gradients and two AdamW moments (16 bytes each in
    /// float32), activations and their gradients for a stacked batch of 3·B rows (B at most the training
    /// points) and an evaluation chunk, the data, and the per-batch loss history.
    /// </summary>
    public double EstimatedBytes => MemoryTerms.Sum(t => t.Bytes);

    /// <summary>The terms of <see cref="EstimatedBytes"/>, each with the option that drives it.</summary>
    (string Option, string Value, double Bytes)[] MemoryTerms
    {
        get
        {
            double h = HiddenDim, layers = HiddenLayers;
            double parameters = 4 * h + 1 + (layers - 1) * (h * h + h) + h + 1;
            double batch = Math.Min(BatchSize, TrainPoints);
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            return
            [
                ("hidden-dim", HiddenDim.ToString(inv), 16 * parameters + 4 * (layers + 1) * h * 4096),
                ("batch-size", BatchSize.ToString(inv), 4 * (layers + 1) * h * 6.0 * batch),
                ("samples", Samples.ToString(inv), (double)Samples * 16),
                ("epochs", Epochs.ToString(inv), Steps * 16 + Epochs * 64.0),
            ];
        }
    }
}
