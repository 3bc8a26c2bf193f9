using System.Numerics;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Core.Optim;

/// <summary>
/// PyTorch's AdamW over a fixed list of parameters: per-parameter first and second moments, bias
/// correction, decoupled weight decay. <see cref="Step"/> allocates nothing.
/// </summary>
/// <remarks>
/// Passed to <see cref="Tape{T}.Backward(Variable{T}, IGradientConsumer{T})"/>, it takes the step inside the
/// backward pass instead: each parameter is updated as soon as its gradient is complete, while that
/// gradient is still in cache. Each parameter's update depends only on its own gradient and moments, so
/// both ways give the same bits.
/// </remarks>
public sealed class AdamW<T> : IOptimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    readonly Variable<T>[] _parameters;
    readonly T[][] _m;
    readonly T[][] _v;
    readonly bool[] _updated;

    /// <summary>An optimizer for <paramref name="parameters"/> (each must require grad).</summary>
    public AdamW(IEnumerable<Variable<T>> parameters, AdamWOptions? options = null)
    {
        _parameters = parameters.ToArray();
        foreach (var p in _parameters)
            if (!p.RequiresGrad) throw new ArgumentException($"parameter {p} does not require grad", nameof(parameters));
        Options = options ?? AdamWOptions.Default;
        _m = _parameters.Select(p => new T[p.Length]).ToArray();
        _v = _parameters.Select(p => new T[p.Length]).ToArray();
        _updated = new bool[_parameters.Length];
    }

    /// <summary>Learning rate, betas, epsilon and weight decay.</summary>
    public AdamWOptions Options { get; }

    /// <summary>Number of steps taken (PyTorch's <c>state["step"]</c>).</summary>
    public int StepCount { get; private set; }

    /// <summary>Sets every parameter's gradient to zero.</summary>
    public void ZeroGrad()
    {
        foreach (var p in _parameters) p.ZeroGrad();
    }

    /// <summary>One update from the gradients now in the parameters' <c>Grad</c> (a missing gradient counts as zero).</summary>
    public void Step()
    {
        StepCount++;
        for (int i = 0; i < _parameters.Length; i++) Update(i);
    }

    /// <summary>Starts a step taken inside the backward pass: counts it, and marks every parameter as not yet updated.</summary>
    void IGradientConsumer<T>.BeginBackward()
    {
        StepCount++;
        Array.Clear(_updated);
    }

    /// <summary>Updates <paramref name="leaf"/> if it is one of this optimizer's parameters (others are ignored).</summary>
    void IGradientConsumer<T>.GradientFinished(Variable<T> leaf)
    {
        int i = Array.IndexOf(_parameters, leaf);
        if (i >= 0 && !_updated[i]) Update(i);
    }

    /// <summary>Updates the parameters the backward pass did not reach, as <see cref="Step"/> would (zero gradient).</summary>
    void IGradientConsumer<T>.EndBackward()
    {
        for (int i = 0; i < _parameters.Length; i++)
            if (!_updated[i]) Update(i);
    }

    void Update(int i)
    {
        var p = _parameters[i];
        if (p.Grad is null) p.ZeroGrad(); // no backward pass reached it yet: its gradient is zero
        AdamWKernel.Step(p.Span, p.Grad!.Span, _m[i], _v[i], StepCount, Options);
        _updated[i] = true;
    }
}
