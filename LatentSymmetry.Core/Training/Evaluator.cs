using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Symmetry;

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
    /// ½‖h(R1 x) − h(R2 x)‖² with rotations from a fresh sampler seeded with <paramref name="rotationSeed"/>
    /// (the same rotations every time it is called with that seed, so epochs compare like with like).
    /// </summary>
    public (double Task, double? Sym) Evaluate(Mlp<T> model, FieldSplit<T> split, SymmetryLayer layer, int rotationSeed)
    {
        var sampler = layer.IsSet ? new HaarSo3Sampler(rotationSeed) : null;
        double taskSum = 0, symSum = 0;
        int n = split.Count;
        var tape = _tape;
        for (int start = 0; start < n; start += Chunk)
        {
            int rows = Math.Min(Chunk, n - start);
            tape.Reset();
            using var _ = tape.NoGrad();
            var x = tape.NewScratch(rows, 3);
            var y = tape.NewScratch(rows, 1);
            split.Points.Slice(3 * start, 3 * rows).CopyTo(x.Span);
            split.Targets.Slice(start, rows).CopyTo(y.Span);
            // Losses are means over chunks of possibly different size: weight each by its row count.
            taskSum += double.CreateChecked(tape.MseLoss(model.Forward(tape, x), y).Item()) * rows;
            if (sampler is not null)
            {
                var r1 = tape.NewScratch(rows, 9);
                var r2 = tape.NewScratch(rows, 9);
                sampler.Sample(r1.Span);
                sampler.Sample(r2.Span);
                var h = model.Activation(tape, tape.ConcatRows(tape.RotateRows(x, r1), tape.RotateRows(x, r2)), layer);
                symSum += double.CreateChecked(OrbitVarianceLoss.Compute(tape, tape.SliceRows(h, 0, rows), tape.SliceRows(h, rows, rows)).Item()) * rows;
            }
        }
        return (taskSum / n, sampler is null ? null : symSum / n);
    }

    /// <summary>The model's output for every point (rows of three coordinates), e.g. for plotting a slice.</summary>
    public T[] Predict(Mlp<T> model, ReadOnlySpan<T> points)
    {
        int n = points.Length / 3;
        var result = new T[n];
        for (int start = 0; start < n; start += Chunk)
        {
            int rows = Math.Min(Chunk, n - start);
            _tape.Reset();
            using var _ = _tape.NoGrad();
            var x = _tape.NewScratch(rows, 3);
            points.Slice(3 * start, 3 * rows).CopyTo(x.Span);
            model.Forward(_tape, x).Span.CopyTo(result.AsSpan(start, rows));
        }
        return result;
    }
}
