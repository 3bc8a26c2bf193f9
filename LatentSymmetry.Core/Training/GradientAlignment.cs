using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Models;
using LatentSymmetry.Core.Orbits;

namespace LatentSymmetry.Core.Training;

/// <summary>
/// The gradient-alignment probe (<c>grad_align_interval</c> in the original's later versions): on a batch, the cosine
/// between the parameter gradients of the task loss and of the unweighted symmetry penalty. Near −1 the penalty pulls
/// against the task; near 0 it pulls elsewhere; near 1 with it. The probe runs its own forward and backward passes and
/// draws its rotations from its own engine, and leaves every gradient at zero: the step it precedes, and the run, keep
/// their bits.
/// </summary>
public sealed class GradientAlignment<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    readonly Tape<T> _tape = new();
    readonly Module<T> _model;
    readonly OrbitEngine<T> _orbit;
    readonly int[] _depths;
    readonly OrbitActivations<T>[] _activations;
    readonly double[] _layerSym;
    readonly Variable<T>[] _parameters;
    readonly double[] _taskGradient;

    /// <summary>A probe of <paramref name="model"/> with the penalty at <paramref name="layers"/> (set), its rotations from <paramref name="orbit"/>.</summary>
    public GradientAlignment(Module<T> model, SymmetryLayers layers, OrbitEngine<T> orbit)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(orbit);
        if (!layers.IsSet) throw new ArgumentException("the probe compares the task's gradient with a penalty's: give a symmetry layer", nameof(layers));
        _model = model;
        _orbit = orbit;
        _depths = model.CheckDepths(layers);
        _activations = new OrbitActivations<T>[_depths.Length];
        _layerSym = new double[_depths.Length];
        _parameters = [.. model.Parameters()];
        _taskGradient = new double[_parameters.Sum(p => p.Length)];
    }

    /// <summary>
    /// cos(∇θ task, ∇θ penalty) on the batch (<paramref name="points"/> [B·d], <paramref name="targets"/> [B·w], row-major);
    /// NaN when either gradient is zero (an invariant model's penalty).
    /// </summary>
    public double Measure(ReadOnlySpan<T> points, ReadOnlySpan<T> targets)
    {
        int d = _model.InputDimension, b = points.Length / d, w = targets.Length / Math.Max(1, b);
        var tape = _tape;
        ZeroGradients();
        tape.Reset();
        var x = Input(tape, points, b, d);
        var y = tape.NewScratch(b, w);
        targets.CopyTo(y.Span);
        tape.Backward(tape.MseLoss(_model.Forward(tape, x), y));
        Flatten(_taskGradient);
        ZeroGradients();

        tape.Reset();
        x = Input(tape, points, b, d);
        _orbit.Forward(tape, _model, x, _depths, withOriginal: false, _activations);
        var penalty = _orbit.Compute(tape, _activations, _layerSym);
        double cosine = double.NaN;
        if (penalty.RequiresGrad)
        {
            tape.Backward(penalty);
            double dot = 0, taskNorm = 0, penaltyNorm = 0;
            int k = 0;
            foreach (var p in _parameters)
            {
                if (p.Grad is null)
                {
                    for (int i = 0; i < p.Length; i++, k++) taskNorm += _taskGradient[k] * _taskGradient[k];
                    continue;
                }
                var g = p.Grad.Span;
                for (int i = 0; i < g.Length; i++, k++)
                {
                    double a = _taskGradient[k], c = double.CreateChecked(g[i]);
                    dot += a * c;
                    taskNorm += a * a;
                    penaltyNorm += c * c;
                }
            }
            cosine = Cosine(dot, taskNorm, penaltyNorm);
        }
        ZeroGradients();
        return cosine;
    }

    /// <summary>The cosine of two vectors; NaN when either is zero.</summary>
    public static double Cosine(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"vectors of {a.Length} and {b.Length} values have no cosine");
        double dot = 0, aa = 0, bb = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return Cosine(dot, aa, bb);
    }

    static double Cosine(double dot, double aa, double bb) => aa > 0 && bb > 0 ? dot / (Math.Sqrt(aa) * Math.Sqrt(bb)) : double.NaN;

    static Variable<T> Input(Tape<T> tape, ReadOnlySpan<T> points, int rows, int d)
    {
        var x = tape.NewScratch(rows, d);
        points.CopyTo(x.Span);
        return x;
    }

    void Flatten(double[] destination)
    {
        int k = 0;
        foreach (var p in _parameters)
        {
            if (p.Grad is null) { destination.AsSpan(k, p.Length).Clear(); k += p.Length; continue; }
            foreach (var g in p.Grad.Span) destination[k++] = double.CreateChecked(g);
        }
    }

    void ZeroGradients()
    {
        foreach (var p in _parameters) p.Grad?.Span.Clear();
    }
}
