using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Optim;
using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Orbits;

namespace LatentSymmetry.Core.Training;

/// <summary>
/// One optimisation step of the latent-symmetry objective, MSE + λ · L_sym (+ Σ w_k · <see cref="Terms"/>), on a batch: forward, penalty,
/// backward, the optimiser's update (AdamW in the tool). Allocation-free once warm (its tape reuses every buffer).
/// </summary>
/// <remarks>
/// With a penalty, the batch x and its two rotated copies R1 x, R2 x go through the shared layers as one
/// stacked [3B x d] matrix (see OrbitPenalty), so each layer is one matrix product; rows are independent, so this gives
/// exactly what three separate passes would. With several penalised layers the one stacked pass stops at each in turn
/// and the penalty is the sum of theirs; above the deepest only the task rows continue.
/// With λ = 0 the penalty is still measured (it is reported) but outside the tape, costing no backward, unless
/// <see cref="MeasureUnweightedPenalty"/> is off.
/// </remarks>
public sealed class TrainingStep<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    readonly Tape<T> _tape = new();
    readonly OrbitEngine<T>? _orbit;
    readonly int[] _depths = [];
    readonly OrbitActivations<T>[] _activations = [];
    readonly double[] _layerSym = [];
    readonly IReadOnlyList<LossTerm<T>> _terms = [];
    double[] _termValues = [];

    /// <summary>A step for <paramref name="model"/>; the sampler is needed when <paramref name="layer"/> is set.</summary>
    public TrainingStep(Module<T> model, IOptimizer<T> optimizer, SymmetryLayers layer, IRotationSampler? sampler)
        : this(model, optimizer, layer, sampler is null ? null : new OrbitEngine<T>(sampler))
    {
    }

    /// <summary>A step for <paramref name="model"/> with the orbit penalty <paramref name="orbit"/>, needed when <paramref name="layer"/> is set.</summary>
    public TrainingStep(Module<T> model, IOptimizer<T> optimizer, SymmetryLayers layer, OrbitEngine<T>? orbit)
    {
        ArgumentNullException.ThrowIfNull(layer);
        Model = model;
        Optimizer = optimizer;
        Layer = layer;
        if (layer.IsSet)
        {
            _orbit = orbit ?? throw new ArgumentNullException(nameof(orbit), "a symmetry layer needs a rotation sampler");
            _depths = _orbit.Depths(model, layer); // the engine reads a layer before its ReLU when it turns under a representation
            _activations = new OrbitActivations<T>[_depths.Length];
            _layerSym = new double[_depths.Length];
            if (!_orbit.Turns(model.InputDimension))
                throw new ArgumentException($"the rotations act on points of {_orbit.Sampler.Dimension} coordinates (or states of several {_orbit.Sampler.Dimension}-vectors) but the model takes {model.InputDimension}", nameof(orbit));
        }
    }

    /// <summary>The model being trained.</summary>
    public Module<T> Model { get; }

    /// <summary>The optimizer that applies the gradients.</summary>
    public IOptimizer<T> Optimizer { get; }

    /// <summary>Where the penalty applies (its value is the sum over these layers).</summary>
    public SymmetryLayers Layer { get; }

    /// <summary>
    /// Whether a step with λ = 0 still measures the penalty it does not train on (default true: <c>latsym train</c>
    /// reports it). Off, such a step only draws the rotations the measurement would have drawn (so the rotation stream,
    /// and every later step, is what it would have been), does not run the two rotated passes, and returns NaN as its
    /// sym loss. The experiment grid, which keeps only test losses, turns it off.
    /// </summary>
    public bool MeasureUnweightedPenalty { get; init; } = true;

    /// <summary>
    /// The objective's further terms, added after the task loss and the orbit penalty (none by default: the
    /// original's objective, and every existing run's bits). Each is weighted by its weight at the epoch
    /// <see cref="Run(ReadOnlySpan{T}, ReadOnlySpan{T}, double, int)"/> is given; at weight 0 it is measured only.
    /// </summary>
    public IReadOnlyList<LossTerm<T>> Terms
    {
        get => _terms;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            _terms = value;
            _termValues = new double[value.Count];
        }
    }

    /// <summary>Each of <see cref="Terms"/>' unweighted value in the last run, in their order.</summary>
    public ReadOnlySpan<double> TermValues => _termValues;

    /// <summary>Each penalised layer's own penalty in the last <see cref="Run(ReadOnlySpan{T}, ReadOnlySpan{T}, double)"/>, in forward order (they sum to its sym loss).</summary>
    public ReadOnlySpan<double> LayerSym => _layerSym;

    /// <summary>
    /// Trains on the batch (<paramref name="points"/> [B·d] and <paramref name="targets"/> [B·w], row-major, d the
    /// model's input dimension, w its output width) with weight <paramref name="lambda"/> on the penalty. Returns the batch's task
    /// loss and sym loss (NaN without a symmetry layer, or when λ = 0 and <see cref="MeasureUnweightedPenalty"/> is off).
    /// </summary>
    public (double Task, double Sym) Run(ReadOnlySpan<T> points, ReadOnlySpan<T> targets, double lambda) => Run(points, targets, lambda, 0);

    /// <summary>
    /// <see cref="Run(ReadOnlySpan{T}, ReadOnlySpan{T}, double)"/> in epoch <paramref name="epoch"/>, which sets the
    /// weights of <see cref="Terms"/>; their values are then in <see cref="TermValues"/>.
    /// </summary>
    public (double Task, double Sym) Run(ReadOnlySpan<T> points, ReadOnlySpan<T> targets, double lambda, int epoch)
    {
        int d = Model.InputDimension, b = points.Length / d, w = b == 0 ? 1 : targets.Length / b;
        if (points.Length != d * b || targets.Length != w * b || b == 0)
            throw new ArgumentException($"{points.Length} point coordinates and {targets.Length} targets are not rows of {d} coordinates with a target each");
        var tape = _tape;
        tape.Reset();
        Optimizer.ZeroGrad();
        var x = tape.NewScratch(b, d);
        var y = tape.NewScratch(b, w);
        points.CopyTo(x.Span);
        targets.CopyTo(y.Span);

        Variable<T> loss, task, output;
        double sym = double.NaN;
        if (!Layer.IsSet)
        {
            loss = task = tape.MseLoss(output = Model.Forward(tape, x), y);
        }
        else if (lambda != 0)
        {
            var h = _activations.AsSpan();
            _orbit!.Forward(tape, Model, x, _depths, withOriginal: true, h);
            task = tape.MseLoss(output = Model.Forward(tape, h[^1].Original!, _depths[^1], Model.StageCount), y);
            var penalty = _orbit.Compute(tape, h, _layerSym);
            sym = double.CreateChecked(penalty.Item());
            loss = tape.Add(task, tape.Scale(penalty, T.CreateChecked(lambda)));
        }
        else if (!MeasureUnweightedPenalty)
        {
            loss = task = tape.MseLoss(output = Model.Forward(tape, x), y);
            _orbit!.SkipRotations(tape, b);
            _layerSym.AsSpan().Fill(double.NaN);
        }
        else
        {
            loss = task = tape.MseLoss(output = Model.Forward(tape, x), y);
            using (tape.NoGrad())
            {
                _orbit!.Forward(tape, Model, x, _depths, withOriginal: false, _activations);
                sym = double.CreateChecked(_orbit.Compute(tape, _activations, _layerSym).Item());
            }
        }
        if (_terms.Count > 0) loss = AddTerms(tape, loss, new LossTermContext<T>(Model, x, y, output, epoch));
        tape.Backward(loss, Optimizer); // AdamW updates each parameter as soon as its gradient is complete
        return (double.CreateChecked(task.Item()), sym);
    }

    Variable<T> AddTerms(Tape<T> tape, Variable<T> loss, in LossTermContext<T> context)
    {
        for (int i = 0; i < _terms.Count; i++)
        {
            double weight = _terms[i].Weight.At(context.Epoch);
            if (weight == 0)
            {
                using (tape.NoGrad()) _termValues[i] = double.CreateChecked(_terms[i].Term.Compute(tape, context).Item());
                continue;
            }
            var value = _terms[i].Term.Compute(tape, context);
            _termValues[i] = double.CreateChecked(value.Item());
            loss = tape.Add(loss, weight == 1 ? value : tape.Scale(value, T.CreateChecked(weight)));
        }
        return loss;
    }
}
