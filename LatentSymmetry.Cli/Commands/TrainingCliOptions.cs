using System.CommandLine;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;
using LatentSymmetry.Core.Orbits;

namespace LatentSymmetry.Cli.Commands;

/// <summary>
/// The training options shared by <c>train</c>, <c>profile step</c> and <c>benchmark</c>, with defaults from
/// <see cref="TrainingOptions"/>; a command adds the ones it takes and <see cref="Read"/> fills in the rest.
/// </summary>
internal sealed class TrainingCliOptions(TrainingOptions d)
{
    public readonly Option<string> Layer = new("--symmetry-layer")
    {
        Description = "Layer of the penalty: 1..L (hidden layer k after its ReLU), -1 (network output) or none (no penalty). " +
            "Several layers, comma separated (e.g. 2,4,-1), penalise their sum under the one lambda(epoch), from one stacked pass " +
            "and the same rotations (benchmark's --layers stays one layer per cell).",
        DefaultValueFactory = _ => d.SymmetryLayers.ToString(),
        HelpName = "K[,K...]|-1|none",
    };
    public readonly Option<double> LambdaMax = new("--lambda-sym-max") { Description = "Maximum penalty weight; lambda rises from 0 as (1 - cos(pi e / (E - 1))) / 2.", DefaultValueFactory = _ => d.LambdaSymMax };
    public readonly Option<int> HiddenLayers = new("--num-hidden-layers") { Description = "Number of hidden layers L.", DefaultValueFactory = _ => d.HiddenLayers };
    public readonly Option<int> HiddenDim = new("--hidden-dim") { Description = "Width H of every hidden layer.", DefaultValueFactory = _ => d.HiddenDim };
    public readonly Option<double> LearningRate = new("--learning-rate") { Description = "AdamW learning rate.", DefaultValueFactory = _ => d.LearningRate };
    public readonly Option<double> WeightDecay = new("--weight-decay") { Description = "AdamW decoupled weight decay.", DefaultValueFactory = _ => d.WeightDecay };
    public readonly Option<int> RunSeed = new("--run-seed") { Description = "Run seed; the data, model and augmentation seeds derive from it (MD5, as the original).", DefaultValueFactory = _ => d.RunSeed };
    public readonly Option<int> Epochs = new("--epochs") { Description = "Number of epochs E.", DefaultValueFactory = _ => d.Epochs };
    public readonly Option<int> BatchSize = new("--batch-size") { Description = "Training batch size (the last, smaller batch is kept).", DefaultValueFactory = _ => d.BatchSize };
    public readonly Option<int> Samples = new("--samples") { Description = "Points in the data set, uniform in the box (on the disk for so2), split 60/20/20.", DefaultValueFactory = _ => d.Samples };
    public readonly Option<double> Box = new("--box") { Description = "Half-width B of the sampling box [-B, B]^3.", DefaultValueFactory = _ => d.BoxHalfWidth };

    // The symmetry lab: group, field, model, augmentation, region (defaults: the original experiment).
    public readonly Option<string> Group = new("--group")
    {
        Description = "Symmetry group: so3 (rotations of space; points in the box), so2 (rotations of the plane; points on the disk r <= --radius), so2z (rotations about z; points in the box).",
        DefaultValueFactory = _ => d.Group.Name,
        HelpName = "so3|so2|so2z",
    };
    public readonly Option<string?> Field = new("--field")
    {
        Description = "Target field NAME[:k=v,...] from the catalogue (see 'latsym fields'): a scalar field, or a vector field (grad:FIELD, central-force, dipole-z, wind, rotational-flow), learned with d outputs that turn with the points, or the two-body problem kepler on phase space (r, v), 6-D, turned as two vectors (vectors:2; starts drawn as bound orbits, a --train-region selects by r; use with --task flow). Default: radial in 3-D, gaussian-ring on the disk.",
        HelpName = "SPEC",
    };
    /// <summary>A researcher's own samples in place of a field (train only).</summary>
    public readonly Option<string?> Data = new("--data")
    {
        Description = "Train on your own samples instead of a field: a CSV file whose header names x, y[, z] and the target column " +
            $"('{SampleSource.DefaultTargetColumn}' unless --data-target), one sample per line; numbers with a decimal point, finite. 2 input columns need --group so2, " +
            "3 need so3 or so2z. The rows are split 60/20/20 by the data seed (from --run-seed); --train-region then filters every split. " +
            "config.json records the file's path, SHA-256 and rows, so evaluate, discover and report re-read it (and refuse it if it changed). " +
            "Not with --field, --samples, --box, --radius, --inner-radius, --task or --dt (the file gives the points, targets and extent).",
        HelpName = "FILE.csv",
    };
    public readonly Option<string> DataTarget = new("--data-target")
    {
        Description = "The header name of the target column of --data (case ignored).",
        DefaultValueFactory = _ => SampleSource.DefaultTargetColumn,
        HelpName = "NAME",
    };
    public readonly Option<string> Task = new("--task")
    {
        Description = "What is learned: value (the field's value at a point, the default) or flow (one step of the flow dx/dt = F(x) of a vector --field over --dt: the model predicts the step's displacement, rolled out by 'latsym rollout'; the target field is recorded as flow:dt=DT,field=(F)).",
        DefaultValueFactory = _ => "value",
        HelpName = "value|flow",
    };
    public readonly Option<double> Dt = new("--dt")
    {
        Description = "The time of one step of --task flow (finite, > 0); the truth is integrated in float64 by RK4 in 16 substeps.",
        DefaultValueFactory = _ => 0.1,
        HelpName = "DT",
    };
    public readonly Option<string> Model = new("--model")
    {
        Description = "Network: " + string.Join("; ", ModelKind.All.Select(k => $"{k.Name} ({k.Description})")) + ".",
        DefaultValueFactory = _ => ModelKindText.Format(d.Model),
        HelpName = string.Join("|", ModelKind.All.Select(k => k.Name)),
    };
    public readonly Option<bool> Augment = new("--augment") { Description = "Turn every training batch by fresh Haar rotations of the group, one per sample (targets kept; a seed of its own, so other runs keep their bits)." };
    public readonly Option<string> TrainRegion = new("--train-region")
    {
        Description = "Points kept for training, validation and test: full, cone:DEG (direction within DEG degrees of +z, 3-D) or sector:DEG (angle within DEG/2 of +x). The split is drawn first and filtered after.",
        DefaultValueFactory = _ => d.TrainRegion.ToString(),
        HelpName = "full|cone:DEG|sector:DEG",
    };
    public readonly Option<double> Radius = new("--radius") { Description = "Outer radius R of the disk (so2).", DefaultValueFactory = _ => d.Radius };
    public readonly Option<double> InnerRadius = new("--inner-radius") { Description = "Inner radius r0 of an annulus (so2): r = sqrt(r0^2 + u (R^2 - r0^2)), angle uniform. 0: the disk.", DefaultValueFactory = _ => d.InnerRadius };

    // The penalties built on the measures (train and survey; benchmark takes the kinds as a grid axis, --penalties).
    public readonly Option<string> Penalty = new("--penalty")
    {
        Description = "Symmetry penalty at each symmetry layer: raw (the original's 1/2 E||h(R1 x) - h(R2 x)||^2, default, bit-identical to " +
            "earlier versions), normalized (Q_h on the batch: raw over 1/2 E||h(x) - h(x')||^2 + 1e-8, its denominator without gradient), " +
            "pca (raw on the batch's principal components explaining 95% of the variance, the projection without gradient) or " +
            "pca-normalized (Q on the batch, same rules). The normalized kinds are comparable across layers and fields: lambda means the same everywhere.",
        DefaultValueFactory = _ => PenaltyKindText.Format(d.Penalty),
        HelpName = "raw|normalized|pca|pca-normalized",
    };
    public readonly Option<bool> PenaltyGradDenominator = new("--penalty-grad-denominator")
    {
        Description = "Let the gradient flow through the denominator of a normalized or pca-normalized penalty. The authors found stopping it " +
            "necessary: with it, the optimiser lowers the ratio by inflating the spread of the data instead of shrinking the orbit.",
    };

    public readonly Option<int> GradAlignInterval = new("--grad-align-interval")
    {
        Description = "Every N optimiser steps, before the step, the cosine between the parameter gradients of the task loss and of the " +
            "(unweighted) symmetry penalty on the step's batch, with rotations of its own; history.csv's grad_align is each epoch's mean. " +
            "Needs --symmetry-layer. 0: off (default; the run keeps its bits either way).",
        DefaultValueFactory = _ => d.GradAlignInterval,
        HelpName = "N",
    };

    /// <summary>The settings of --model relaxed, for commands that take --model with them (train).</summary>
    public readonly RelaxCliOptions Relax = new();

    public readonly Option<string> LatentRep = new("--latent-rep")
    {
        Description = "How the group acts on a penalised hidden layer: trivial (default: the penalty asks for invariance, as always) or vectors:C " +
            "(the first C*d units of the layer's pre-activation are C vectors turned by R, the rest scalars; the penalty becomes " +
            "1/2 E||rho(R1)^-1 h(R1 x) - rho(R2)^-1 h(R2 x)||^2, asking for equivariance). At the output (-1) the task's own representation " +
            "applies: trivial for a scalar field, the vector for a vector field. C*d must fit in --hidden-dim; mlp only.",
        DefaultValueFactory = _ => d.LatentVectors == 0 ? "trivial" : $"vectors:{d.LatentVectors}",
        HelpName = "trivial|vectors:C",
    };

    /// <summary>The penalty options, for commands that take them (train).</summary>
    public Option[] PenaltyOptions => [Penalty, PenaltyGradDenominator, LatentRep];

    /// <summary>The options of the symmetry lab, for commands that take them all.</summary>
    public Option[] LabOptions => [Group, Field, Model, Augment, TrainRegion, Radius, InnerRadius];

    public void AddTo(Command c)
    {
        foreach (var option in new Option[] { Layer, LambdaMax, HiddenLayers, HiddenDim, LearningRate, WeightDecay, RunSeed, Epochs, BatchSize, Samples, Box })
            c.Options.Add(option);
        foreach (var option in LabOptions) c.Options.Add(option);
        foreach (var option in Relax.All) c.Options.Add(option);
    }

    // Reads the lab options into options (those a command does not carry keep their defaults).
    TrainingOptions ReadLab(ParseResult p, TrainingOptions options)
    {
        var groupName = Get(p, Group, d.Group.Name);
        if (!SymmetryGroup.TryParse(groupName, out var group))
            throw new UsageException($"--group: '{groupName}' is not a group; valid: {SymmetryGroup.ValidNames}");
        IScalarField? field = null;
        IVectorField? vectorField = null;
        if (Get(p, Field, null) is { } spec)
        {
            try
            {
                if (VectorFieldCatalog.IsVectorSpec(spec)) vectorField = VectorFieldCatalog.Parse(spec);
                else field = FieldCatalog.Parse(spec);
            }
            catch (FormatException e) { throw new UsageException($"--field: {e.Message}"); }
        }
        var taskName = Get(p, Task, "value").Trim();
        double dt = Get(p, Dt, 0.1);
        if (taskName == "flow")
        {
            if (!(dt > 0) || !double.IsFinite(dt)) throw new UsageException($"--dt: {dt.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} is not a time step; give a finite number > 0");
            if (vectorField is null) throw new UsageException($"--task flow learns the flow of a vector field; give one with --field (e.g. central-force, rotational-flow{(field is null ? "" : $"; {field.Spec} is a scalar field")})");
            if (vectorField is FlowStepField) throw new UsageException("--task flow: give the vector field itself with --field, not a flow: spec (the step is --dt)");
            vectorField = new FlowStepField(vectorField, dt);
        }
        else if (taskName != "value") throw new UsageException($"--task: '{taskName}' is not a task; valid: value, flow");
        var modelName = Get(p, Model, ModelKindText.Format(d.Model));
        if (!ModelKindText.TryParse(modelName, out var model))
            throw new UsageException($"--model: '{modelName}' is not a model; valid: {ModelKind.ValidNames}");
        model = Relax.Apply(p, model, option => p.CommandResult.Command.Options.Contains(option) && p.GetResult(option) is { Implicit: false });
        if (!Core.Data.TrainRegion.TryParse(Get(p, TrainRegion, "full"), out var region, out var regionError))
            throw new UsageException($"--train-region: {regionError}");
        var penaltyText = Get(p, Penalty, PenaltyKindText.Format(d.Penalty));
        if (!PenaltyKindText.TryParse(penaltyText, out var penalty))
            throw new UsageException($"--penalty: '{penaltyText}' is not a penalty; valid: {string.Join(", ", PenaltyKindText.All)}");
        var latentText = Get(p, LatentRep, "trivial").Trim();
        int latentVectors = 0;
        if (latentText != "trivial" && !(latentText.StartsWith("vectors:", StringComparison.Ordinal)
            && int.TryParse(latentText["vectors:".Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out latentVectors) && latentVectors >= 1))
            throw new UsageException($"--latent-rep: '{latentText}' is not a representation; valid: trivial, vectors:C with C a whole number >= 1");
        return options with
        {
            LatentVectors = latentVectors,
            Penalty = penalty,
            PenaltyGradDenominator = Get(p, PenaltyGradDenominator, false),
            Group = group,
            Field = field,
            VectorField = vectorField,
            Model = model,
            Augment = Get(p, Augment, false),
            TrainRegion = region,
            Radius = Get(p, Radius, d.Radius),
            InnerRadius = Get(p, InnerRadius, d.InnerRadius),
        };
    }

    /// <summary>The options as given, validated; a bad value is a <see cref="UsageException"/> naming the option.</summary>
    public TrainingOptions Read(ParseResult p)
    {
        int layers = Get(p, HiddenLayers, d.HiddenLayers);
        if (layers < 1) throw new UsageException($"--num-hidden-layers must be at least 1, got {layers}");
        var layerText = Get(p, Layer, d.SymmetryLayers.ToString());
        if (!SymmetryLayers.TryParse(layerText, layers, out var layer, out var error))
            throw new UsageException($"--symmetry-layer: {error}");
        var options = new TrainingOptions
        {
            HiddenLayers = layers,
            HiddenDim = Get(p, HiddenDim, d.HiddenDim),
            SymmetryLayers = layer,
            LambdaSymMax = Get(p, LambdaMax, d.LambdaSymMax),
            LearningRate = Get(p, LearningRate, d.LearningRate),
            WeightDecay = Get(p, WeightDecay, d.WeightDecay),
            RunSeed = Get(p, RunSeed, d.RunSeed),
            Epochs = Get(p, Epochs, d.Epochs),
            BatchSize = Get(p, BatchSize, d.BatchSize),
            Samples = Get(p, Samples, d.Samples),
            BoxHalfWidth = Get(p, Box, d.BoxHalfWidth),
            GradAlignInterval = Get(p, GradAlignInterval, d.GradAlignInterval),
        };
        RefuseWithData(p); // before the lab's own checks, so --task flow --data names the clash, not the missing field
        options = ReadLab(p, options);
        options = ReadData(p, options);
        // The box does not apply on the disk: kept at its default so config.json does not record a width that was
        // never used (the disk's data, its invariance check and the run's name read --radius). See Inapplicable.
        if (options.Group.Dimension == 2) options = options with { BoxHalfWidth = d.BoxHalfWidth };
        var invalid = options.Validate();
        if (invalid is not null) throw new UsageException("--" + invalid);
        string? empty;
        try { empty = options.CheckRegionCounts(); }
        catch (SampleFileException e) { throw new UsageException($"--data: {e.Message}"); } // changed since it was read above
        if (empty is not null) throw new UsageException("--" + empty);
        // Only a field given by the user can be at fault; the default fields are finite everywhere.
        if (options.Field is not null) FieldValueCheck.OnData(options, "--field");
        return options;
    }

    // --data: the samples replace the drawn points, so the options that draw or choose them are refused with it.
    void RefuseWithData(ParseResult p)
    {
        bool Given(Option option) => p.CommandResult.Command.Options.Contains(option) && p.GetResult(option) is { Implicit: false };
        if (Get(p, Data, null) is null)
        {
            if (Given(DataTarget)) throw new UsageException("--data-target names a column of --data; give --data FILE.csv");
            return;
        }
        foreach (var option in new Option[] { Field, Samples, Box, Radius, InnerRadius, Task, Dt })
            if (Given(option)) throw new UsageException($"{option.Name} cannot be combined with --data (the file gives the points, the targets and their extent)");
    }

    TrainingOptions ReadData(ParseResult p, TrainingOptions options)
    {
        if (Get(p, Data, null) is not { } path) return options;
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException("--data: empty path; give a CSV file");
        SampleFile file;
        try { file = SampleFile.Read(path, Get(p, DataTarget, SampleSource.DefaultTargetColumn)); }
        catch (SampleFileException e) { throw new UsageException($"--data: {e.Message}"); }
        // The domain is the data's extent: the smallest box [-B, B]^3 (3-D) or disk r <= R (2-D) about the origin holding every row.
        return file.Dimension == 3
            ? options with { DataSource = file.Source, Samples = file.Count, BoxHalfWidth = file.MaxAbsCoordinate }
            : options with { DataSource = file.Source, Samples = file.Count, Radius = file.MaxRadius, InnerRadius = 0 };
    }

    /// <summary>
    /// Warnings for options given but without effect in the set-up <paramref name="o"/> (read by <see cref="Read"/>):
    /// the disk's radii in 3-D, the box on the disk, augmentation of a model invariant by construction.
    /// </summary>
    public IEnumerable<string> Inapplicable(ParseResult p, TrainingOptions o)
    {
        bool Given(Option option) => p.CommandResult.Command.Options.Contains(option) && p.GetResult(option) is { Implicit: false };
        if (o.PhaseSpace is { } states && Given(Box))
            yield return $"--box has no effect with --field {states.Name}: its states are {states.StatesDescription}";
        if (o.Group.Dimension == 3)
            foreach (var option in new Option[] { Radius, InnerRadius })
                if (Given(option)) yield return $"{option.Name} has no effect with --group {o.Group.Name} (points in the box of --box; the radii are the disk's, so2)";
        if (o.Group.Dimension == 2 && Given(Box))
            yield return $"--box has no effect with --group {o.Group.Name} (points on the disk of --radius); config.json records the default";
        if (Given(Dt) && o.VectorField is not FlowStepField)
            yield return "--dt has no effect without --task flow";
        if (o.Augment && o.Model == ModelKind.Invariant)
            yield return "--augment with --model invariant: the model is invariant by construction, so turning its batches changes only rounding";
    }

    // A command may carry only some of these options (profile step has no --epochs); the rest keep their defaults.
    static T Get<T>(ParseResult p, Option<T> option, T fallback)
        => p.CommandResult.Command.Options.Contains(option) ? p.GetValue(option)! : fallback;
}
