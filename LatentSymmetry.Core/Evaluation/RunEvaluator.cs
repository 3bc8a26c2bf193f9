using LatentSymmetry.Autograd.Kernels;
using System.Diagnostics;
using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Invariance;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Orbits;
using LatentSymmetry.Core.Seeding;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Training;

namespace LatentSymmetry.Core.Evaluation;

/// <summary>
/// Measures a saved run on its test points: the test loss recomputed, the orbit loss as the run computes it,
/// the invariance error ε in float32 and float64, the per-layer measures (<see cref="LayerMeasures"/>) of the trained
/// network and of the untrained one of the same seed, and the error against the angle to the region's axis.
/// Deterministic: every rotation comes from a stream derived from the run's augmentation seed.
/// </summary>
public static class RunEvaluator
{
    /// <summary>Evaluates <paramref name="run"/> (weights loaded here; see <see cref="SavedRun.LoadModel{T}"/> for the errors).</summary>
    public static RunEvaluation Evaluate(SavedRun run, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        options ??= EvaluationOptions.Default;
        var clock = Stopwatch.StartNew();
        var model = run.LoadModel<float>();
        // A diverged run saves the weights it stopped with; nothing about invariance can be read from them.
        foreach (var p in model.ParameterList)
            foreach (var v in p.Tensor.Span)
                if (!float.IsFinite(v))
                    throw new RunDirectoryException($"{run.Directory}: the run diverged (tensor '{p.Name}' holds {v}); there is nothing to measure");
        var model64 = run.LoadModel<double>();
        var data = run.CreateDataset();
        if (data.Test.Count < 3) throw new RunDirectoryException($"{run.Directory}: only {data.Test.Count} test points; the measures need at least 3");
        return Evaluate(run.Options, model, model64, data, options, clock) with { ReportedTestTaskLoss = run.ReportedTestTaskLoss };
    }

    /// <summary>
    /// Evaluates a trained <paramref name="model"/> of <paramref name="runOptions"/> on its data set, e.g. right
    /// after training (benchmark --evaluate); the float64 copy is made from its weights.
    /// </summary>
    public static RunEvaluation Evaluate(TrainingOptions runOptions, Module<float> model, FieldDataset<float> data, EvaluationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runOptions);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        var clock = Stopwatch.StartNew();
        var model64 = model.To<double>();
        return Evaluate(runOptions, model, model64, data, options ?? EvaluationOptions.Default, clock);
    }

    static RunEvaluation Evaluate(TrainingOptions o, Module<float> model, Module<double> model64, FieldDataset<float> data, EvaluationOptions options, Stopwatch clock)
    {
        var test = data.Test;
        var evaluator = new Evaluator<float>();
        double testLoss = evaluator.Evaluate(model, test, SymmetryLayer.None, o.Group, 0).Task;
        if (data.Field is null && data.VectorField is null && data.Source is null) throw new ArgumentException("evaluation measures the run of a field or a sample file; these data were given without one", nameof(data));
        var vector = data.VectorField;
        // Samples of a file have no truth at turned points: the orbit loss and the angle curve need one, so they are NaN and empty.
        double orbitLoss = vector is not null
            ? evaluator.OrbitTaskLoss(model, test, vector, o.Group, o.Seeds.Augmentation ^ RotationStreams.OrbitTaskLoss)
            : data.Field is null ? double.NaN : evaluator.OrbitTaskLoss(model, test, data.Field, o.Group, o.Seeds.Augmentation ^ RotationStreams.OrbitTaskLoss);
        int seed = o.Seeds.Augmentation;

        var (eps32, eps64, kept) = vector is not null
            ? EquivarianceErrors(model, test, o, seed ^ RotationStreams.InvarianceError)
            : InvarianceErrors(model, model64, test, o, options.Rotations, seed ^ RotationStreams.InvarianceError);
        // A vector run reads each layer in its representation (the output as a vector, a --latent-rep layer at its pre-activation).
        var representations = vector is not null ? LayerRepresentations(model, o) : null;
        var layers = MeasureLayers(model, test, o.Group, options, seed, representations, model64);
        var reference = options.Reference
            ? MeasureLayers(SavedRun.CreateModel<float>(o), test, o.Group, options with { BootstrapReplicates = 0 }, seed, representations)
            : null;
        int w = o.Task.OutputWidth;
        Action<float[], float[]> targetsAt = vector is not null ? (p, t) => vector.EvaluateRows<float>(p, t) : (p, t) => data.Field!.EvaluateRows<float>(p, t);
        var (curve, axis, upTo) = vector is null && data.Field is null ? ([], o.Group.Dimension == 2 ? "+x" : "+z", 180)
            : AngleCurveOf(model, test, targetsAt, w, o, options.Rotations, seed ^ RotationStreams.AngleCurve);
        var penalised = o.SymmetryLayers.IsSet && o.LambdaSymMax > 0 ? o.SymmetryLayers : SymmetryLayers.None;
        return new RunEvaluation(testLoss, null, orbitLoss, eps32, eps64, kept, layers, reference, curve, axis, upTo, penalised,
            clock.Elapsed.TotalSeconds)
        {
            Breaking = LearnedBreaking.Measure(model, test, data.Field, o.Group, seed),
            IsEquivarianceError = vector is not null,
        };
    }

    /// <summary>
    /// True when every rotation of the group keeps <paramref name="point"/> inside the domain: always on the
    /// disk (rotations keep the radius); |x| ≤ B in the box under SO(3); x² + y² ≤ B² under rotations about z.
    /// </summary>
    public static bool OrbitStaysInDomain(ReadOnlySpan<float> point, TrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Group.Dimension == 2) return true;
        Span<double> p = stackalloc double[point.Length];
        for (int i = 0; i < p.Length; i++) p[i] = point[i];
        return options.Group.MovedSquaredNorm(p) <= options.BoxHalfWidth * options.BoxHalfWidth;
    }

    // eps_eq of a vector run at the test points whose orbits stay in the domain, as the invariance error keeps them.
    static (double Float32, double Float64, int Points) EquivarianceErrors(Module<float> model, FieldSplit<float> test, TrainingOptions o, int seed)
    {
        int d = test.Dimension;
        var kept = new List<float>();
        for (int i = 0; i < test.Count; i++)
            if (OrbitStaysInDomain(test.Points.Slice(d * i, d), o)) kept.AddRange(test.Points.Slice(d * i, d));
        if (kept.Count < 2 * d) return (double.NaN, double.NaN, kept.Count / d);
        var (e32, e64) = Trainer.EquivarianceErrors(model, o.Group, kept.ToArray(), o.Task.Target, seed);
        return (e32, e64, kept.Count / d);
    }

    // Each measured layer's representation (hidden 1..L, then the output), as training reads them.
    static GroupRepresentation?[] LayerRepresentations(Module<float> model, TrainingOptions o)
    {
        var list = new GroupRepresentation?[model.HiddenLayers + 1];
        var trained = o.LayerRepresentations();
        for (int i = 0; i < o.SymmetryLayers.Count; i++)
        {
            var layer = o.SymmetryLayers[i];
            int k = layer == SymmetryLayer.Output ? model.HiddenLayers : layer.Value - 1;
            if (k >= 0 && k < list.Length) list[k] = trained[i];
        }
        if (!o.Task.Target.IsTrivial) list[^1] = o.Task.Target;
        return list;
    }

    static (double Float32, double Float64, int Points) InvarianceErrors(Module<float> model, Module<double> model64, FieldSplit<float> test,
        TrainingOptions o, int rotations, int seed)
    {
        int d = test.Dimension;
        var keptRows = new List<int>();
        for (int i = 0; i < test.Count; i++)
            if (OrbitStaysInDomain(test.Points.Slice(d * i, d), o)) keptRows.Add(i);
        if (keptRows.Count < 2) return (double.NaN, double.NaN, keptRows.Count);
        int m = keptRows.Count * rotations;
        // One set of rotations, drawn and applied in double, so both precisions see the same turned points.
        var matrices = new double[m * d * d];
        o.Group.CreateSampler(seed).Sample<double>(matrices);
        var x64 = new double[m * d];
        for (int r = 0; r < m; r++)
            for (int c = 0; c < d; c++) x64[r * d + c] = test.Points[keptRows[r / rotations] * d + c];
        var x32 = Array.ConvertAll(x64, v => (float)v);
        var turned64 = new double[m * d];
        RowRotation.Apply<double>(matrices, x64, turned64, d);
        // The float32 turned point is the exact one rounded once, so ε in float32 measures the network's own
        // rounding rather than that of a float32 rotation as well.
        var turned32 = Array.ConvertAll(turned64, v => (float)v);
        var e32 = new Evaluator<float>();
        var e64 = new Evaluator<double>();
        double eps32 = PredictionInvariance.Error<float>(e32.Predict(model, x32), e32.Predict(model, turned32));
        double eps64 = PredictionInvariance.Error<double>(e64.Predict(model64, x64), e64.Predict(model64, turned64));
        return (eps32, eps64, keptRows.Count);
    }

    static List<LayerEvaluation> MeasureLayers(Module<float> model, FieldSplit<float> test, SymmetryGroup group, EvaluationOptions options, int seed,
        GroupRepresentation?[]? representations = null, Module<double>? model64 = null)
    {
        var request = new LayerMeasureRequest(model, test, group, options, seed, representations ?? []) { Given64 = model64 };
        var results = new LayerMeasureResults(request.Depth);
        // Each source runs once for all of its chosen measures, from its own stream, so choosing fewer measures never moves the others.
        foreach (var source in options.Measures.Select(m => m.Source).Distinct()) source.Measure(request, results);
        return results.ToLayers();
    }

    static (AngleBin[] Curve, string Axis, double UpTo) AngleCurveOf(Module<float> model, FieldSplit<float> test, Action<float[], float[]> targetsAt, int w,
        TrainingOptions o, int rotations, int seed)
    {
        int n = test.Count, d = test.Dimension, m = n * rotations;
        var matrices = new float[m * d * d];
        o.Group.CreateSampler(seed).Sample<float>(matrices);
        var points = new float[m * d];
        for (int j = 0; j < n; j++)
            for (int p = 0; p < rotations; p++) test.Points.Slice(j * d, d).CopyTo(points.AsSpan((j * rotations + p) * d, d));
        var turned = new float[m * d];
        RowRotation.Apply<float>(matrices, points, turned, d);
        var targets = new float[m * w];
        targetsAt(turned, targets);
        var predictions = new Evaluator<float>().Predict(model, turned);
        // The cone is about +z in 3-D; the sector about +x on the disk.
        var axis = new double[d];
        axis[d == 2 ? 0 : d - 1] = 1;
        var angles = new double[m];
        var errors = new double[m];
        var point = new double[d];
        for (int i = 0; i < m; i++)
        {
            for (int c = 0; c < d; c++) point[c] = turned[i * d + c];
            angles[i] = AngleCurve.AngleToAxis(point, axis);
            double sum = 0;
            for (int c = 0; c < w; c++)
            {
                double e = (double)predictions[i * w + c] - targets[i * w + c];
                sum += e * e;
            }
            errors[i] = sum / w; // the MSE of the point, as the task loss averages over components
        }
        double upTo = o.TrainRegion.Kind switch
        {
            TrainRegionKind.Cone => o.TrainRegion.Degrees,
            TrainRegionKind.Sector => o.TrainRegion.Degrees / 2,
            _ => 180,
        };
        return (AngleCurve.Compute(angles, errors), d == 2 ? "+x" : "+z", upTo);
    }
}
