using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Optim;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Training;

/// <summary>
/// One optimisation step of the latent-symmetry objective, MSE + λ · L_sym, on a batch: forward, penalty,
/// backward, AdamW. Allocation-free once warm (its tape reuses every buffer).
/// </summary>
/// <remarks>
/// With a penalty, the batch x and its two rotated copies R1 x, R2 x go through the shared layers as one
/// stacked [3B x 3] matrix, so each layer is one matrix product; rows are independent, so this gives
/// exactly what three separate passes would. Above the penalised layer only the task rows continue.
/// With λ = 0 the penalty is still measured (it is reported) but outside the tape, costing no backward.
/// </remarks>
public sealed class TrainingStep<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    readonly Tape<T> _tape = new();
    readonly HaarSo3Sampler? _sampler;

    /// <summary>A step for <paramref name="model"/>; the sampler is needed when <paramref name="layer"/> is set.</summary>
    public TrainingStep(Mlp<T> model, AdamW<T> optimizer, SymmetryLayer layer, HaarSo3Sampler? sampler)
    {
        Model = model;
        Optimizer = optimizer;
        Layer = layer;
        if (layer.IsSet)
        {
            model.CheckDepth(layer);
            _sampler = sampler ?? throw new ArgumentNullException(nameof(sampler), "a symmetry layer needs a rotation sampler");
        }
    }

    /// <summary>The model being trained.</summary>
    public Mlp<T> Model { get; }

    /// <summary>The optimizer that applies the gradients.</summary>
    public AdamW<T> Optimizer { get; }

    /// <summary>Where the penalty applies.</summary>
    public SymmetryLayer Layer { get; }

    /// <summary>
    /// Trains on the batch (<paramref name="points"/> [B·3] and <paramref name="targets"/> [B], row-major)
    /// with weight <paramref name="lambda"/> on the penalty. Returns the batch's task loss and sym loss
    /// (NaN without a symmetry layer).
    /// </summary>
    public (double Task, double Sym) Run(ReadOnlySpan<T> points, ReadOnlySpan<T> targets, double lambda)
    {
        int b = targets.Length;
        if (points.Length != 3 * b) throw new ArgumentException($"{points.Length} point coordinates for {b} targets; need 3 per target");
        var tape = _tape;
        tape.Reset();
        Optimizer.ZeroGrad();
        var x = tape.NewScratch(b, 3);
        var y = tape.NewScratch(b, 1);
        points.CopyTo(x.Span);
        targets.CopyTo(y.Span);

        Tensor<T> loss, task;
        double sym = double.NaN;
        if (!Layer.IsSet)
        {
            loss = task = tape.MseLoss(Model.Forward(tape, x), y);
        }
        else
        {
            int depth = Model.CheckDepth(Layer), all = Model.HiddenLayers + 1;
            var r1 = tape.NewScratch(b, 9);
            var r2 = tape.NewScratch(b, 9);
            _sampler!.Sample(r1.Span);
            _sampler.Sample(r2.Span);
            if (lambda != 0)
            {
                var stacked = tape.ConcatRows(x, tape.RotateRows(x, r1), tape.RotateRows(x, r2));
                var h = Model.Forward(tape, stacked, 0, depth);
                var prediction = Model.Forward(tape, tape.SliceRows(h, 0, b), depth, all);
                task = tape.MseLoss(prediction, y);
                var penalty = OrbitVarianceLoss.Compute(tape, tape.SliceRows(h, b, b), tape.SliceRows(h, 2 * b, b));
                sym = double.CreateChecked(penalty.Item());
                loss = tape.Add(task, tape.Scale(penalty, T.CreateChecked(lambda)));
            }
            else
            {
                loss = task = tape.MseLoss(Model.Forward(tape, x), y);
                using (tape.NoGrad())
                {
                    var h = Model.Forward(tape, tape.ConcatRows(tape.RotateRows(x, r1), tape.RotateRows(x, r2)), 0, depth);
                    sym = double.CreateChecked(OrbitVarianceLoss.Compute(tape, tape.SliceRows(h, 0, b), tape.SliceRows(h, b, b)).Item());
                }
            }
        }
        tape.Backward(loss, Optimizer); // AdamW updates each parameter as soon as its gradient is complete
        return (double.CreateChecked(task.Item()), sym);
    }
}
