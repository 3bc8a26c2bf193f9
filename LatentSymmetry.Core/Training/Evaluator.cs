using LatentSymmetry.Autograd.Kernels;
using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Fields;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Orbits;

namespace LatentSymmetry.Core.Training;

/// <summary>
/// Task and symmetry losses of a model over a whole split, without recording gradients. Points go through
/// in chunks; rows are independent, so the chunk size does not change any result.
/// </summary>
public sealed class Evaluator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    const int Chunk = 1024;
    readonly Tape<T> _tape = new();

    /// <summary>
    /// Mean squared error over the split and, when <paramref name="layer"/> is set, the mean orbit penalty
    /// ½‖h(R1 x) − h(R2 x)‖² with rotations of <paramref name="group"/> from a fresh sampler seeded with
    /// <paramref name="rotationSeed"/> (the same rotations every time it is called with that seed, so epochs
    /// compare like with like). The penalty is of <paramref name="kind"/> (default: raw); a kind that looks at
    /// the batch as a whole (its spread, its principal components) sees the split in one piece. With several layers
    /// the penalty is their sum, each from the same stacked pass and rotations; <paramref name="perLayer"/>, when not
    /// empty, receives each layer's own mean in forward order.
    /// With <paramref name="measureSym"/> false the penalty is not computed (Sym is null, <paramref name="perLayer"/>
    /// NaN) and the task loss is bit for bit the one it would have been (the task loss never depends on the penalty).
    /// <paramref name="representations"/> (one per layer, null entries trivial) are handed to the engine, as in training.
    /// </summary>
    public (double Task, double? Sym) Evaluate(Module<T> model, FieldSplit<T> split, SymmetryLayers layer, SymmetryGroup group, int rotationSeed,
        IOrbitPenaltyKind<T>? kind = null, Span<double> perLayer = default, bool measureSym = true, IReadOnlyList<GroupRepresentation?>? representations = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(layer);
        var orbit = layer.IsSet ? new OrbitEngine<T>(group.CreateSampler(rotationSeed), kind) { Representations = representations ?? [] } : null;
        // The task loss is always summed over 1,024-row chunks, so it does not depend on the penalty (train, evaluate and
        // the grid's twins agree bit for bit); a kind that looks at the batch as a whole sees the split in one piece.
        int penaltyChunk = orbit is null || !orbit.Kind.NeedsOriginal ? Chunk : Math.Max(1, split.Count);
        int[] depths = orbit?.Depths(model, layer) ?? model.CheckDepths(layer);
        var activations = new OrbitActivations<T>[depths.Length];
        var chunkLayers = new double[perLayer.IsEmpty ? 0 : depths.Length];
        if (!perLayer.IsEmpty) perLayer[..depths.Length].Clear();
        if (!measureSym)
        {
            orbit = null;
            if (!perLayer.IsEmpty) perLayer[..depths.Length].Fill(double.NaN);
            chunkLayers = [];
        }
        double taskSum = 0, symSum = 0;
        int n = split.Count, d = split.Dimension, w = split.TargetWidth;
        if (n == 0)
        {
            if (!perLayer.IsEmpty) perLayer[..depths.Length].Fill(double.NaN);
            return (double.NaN, orbit is null ? null : double.NaN);
        }
        var tape = _tape;
        bool together = orbit is null || penaltyChunk == Chunk;
        for (int start = 0; start < n; start += Chunk)
        {
            int rows = Math.Min(Chunk, n - start);
            tape.Reset();
            using var _ = tape.NoGrad();
            var x = tape.NewScratch(rows, d);
            var y = tape.NewScratch(rows, w);
            split.Points.Slice(d * start, d * rows).CopyTo(x.Span);
            split.Targets.Slice(w * start, w * rows).CopyTo(y.Span);
            // Losses are means over chunks of possibly different size: weight each by its row count.
            taskSum += double.CreateChecked(tape.MseLoss(model.Forward(tape, x), y).Item()) * rows;
            if (together && orbit is not null) symSum += Penalty(orbit, model, x, depths, activations, chunkLayers, perLayer, rows);
        }
        if (!together)
            for (int start = 0; start < n; start += penaltyChunk)
            {
                int rows = Math.Min(penaltyChunk, n - start);
                tape.Reset();
                using var _ = tape.NoGrad();
                var x = tape.NewScratch(rows, d);
                split.Points.Slice(d * start, d * rows).CopyTo(x.Span);
                symSum += Penalty(orbit!, model, x, depths, activations, chunkLayers, perLayer, rows);
            }
        for (int i = 0; i < chunkLayers.Length; i++) perLayer[i] /= n;
        return (taskSum / n, orbit is null ? null : symSum / n);
    }

    // One chunk's penalty times its row count, its layers' values added into perLayer (weighted likewise).
    double Penalty(OrbitEngine<T> orbit, Module<T> model, Variable<T> x, int[] depths, OrbitActivations<T>[] activations,
        double[] chunkLayers, Span<double> perLayer, int rows)
    {
        orbit.Forward(_tape, model, x, depths, withOriginal: false, activations);
        double sum = double.CreateChecked(orbit.Compute(_tape, activations, chunkLayers).Item()) * rows;
        for (int i = 0; i < chunkLayers.Length; i++) perLayer[i] += chunkLayers[i] * rows;
        return sum;
    }

    /// <summary>
    /// The across-the-group task loss: the MSE of the model on the split's points, each turned by a fresh Haar
    /// rotation of <paramref name="group"/> (from a sampler seeded with <paramref name="rotationSeed"/>), against
    /// <paramref name="field"/> at the turned point (widened to double, rounded to T, as the data's targets).
    /// NaN for an empty split.
    /// </summary>
    public double OrbitTaskLoss(Module<T> model, FieldSplit<T> split, IScalarField field, SymmetryGroup group, int rotationSeed)
    {
        ArgumentNullException.ThrowIfNull(field);
        return OrbitTaskLoss(model, split, field.Dimension, field.Spec, 1, 1, field.EvaluateRows<T>, group, rotationSeed);
    }

    /// <summary>
    /// The vector counterpart of the scalar orbit task loss: MSE over the split's points each turned by a fresh Haar rotation
    /// (from <paramref name="rotationSeed"/>) against F at the turned point, all d components.
    /// </summary>
    public double OrbitTaskLoss(Module<T> model, FieldSplit<T> split, IVectorField field, SymmetryGroup group, int rotationSeed)
    {
        ArgumentNullException.ThrowIfNull(field);
        return OrbitTaskLoss(model, split, field.Dimension, field.Spec, field.PointRepresentation.Vectors, field.Dimension, field.EvaluateRows<T>, group, rotationSeed);
    }

    /// <summary>What a field gives at rows of points: <paramref name="targets"/> holds w values per point.</summary>
    delegate void TargetsAt(ReadOnlySpan<T> points, Span<T> targets);

    // The orbit task loss of a field of dimension fieldDimension on points of `vectors` vectors (a phase-space state has
    // several, each turned alike) giving `width` values per point, turned points in chunks.
    double OrbitTaskLoss(Module<T> model, FieldSplit<T> split, int fieldDimension, string spec, int vectors, int width, TargetsAt targetsAt, SymmetryGroup group, int rotationSeed)
    {
        ArgumentNullException.ThrowIfNull(group);
        int n = split.Count, d = split.Dimension, g = group.Dimension;
        if (g * vectors != d || fieldDimension != d)
            throw new ArgumentException($"points are {d}-D; group {group.Name} acts on {vectors} {g}-D vector(s) and field {spec} is {fieldDimension}-D");
        if (n == 0) return double.NaN;
        var sampler = group.CreateSampler(rotationSeed);
        var tape = _tape;
        double sum = 0;
        for (int start = 0; start < n; start += Chunk)
        {
            int rows = Math.Min(Chunk, n - start);
            tape.Reset();
            using var _ = tape.NoGrad();
            var r = tape.NewScratch(rows, g * g);
            var x = tape.NewScratch(rows, d);
            var y = tape.NewScratch(rows, width);
            sampler.Sample(r.Span);
            if (vectors == 1) RowRotation.Apply<T>(r.Span, split.Points.Slice(d * start, d * rows), x.Span, d);
            else RowRotation.ApplyBlocks<T>(r.Span, split.Points.Slice(d * start, d * rows), x.Span, g, vectors, d, transpose: false);
            targetsAt(x.Span, y.Span);
            sum += double.CreateChecked(tape.MseLoss(model.Forward(tape, x), y).Item()) * rows;
        }
        return sum / n;
    }

    /// <summary>The model's output for every point (rows of <see cref="Module{T}.InputDimension"/> coordinates; w values per point, w the output width), e.g. for plotting a slice.</summary>
    public T[] Predict(Module<T> model, ReadOnlySpan<T> points)
    {
        int d = model.InputDimension, w = Math.Max(1, model.OutputDimension);
        int n = points.Length / d;
        var result = new T[n * w];
        for (int start = 0; start < n; start += Chunk)
        {
            int rows = Math.Min(Chunk, n - start);
            _tape.Reset();
            using var _ = _tape.NoGrad();
            var x = _tape.NewScratch(rows, d);
            points.Slice(d * start, d * rows).CopyTo(x.Span);
            model.Forward(_tape, x).Span.CopyTo(result.AsSpan(start * w, rows * w));
        }
        return result;
    }
}
