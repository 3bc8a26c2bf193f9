using System.Numerics;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// Children run one after another, each on the previous one's output (PyTorch's <c>nn.Sequential</c>; children are
/// named "0", "1", ... unless named otherwise). It flattens into the chain of its leaves (<see cref="Module{T}.Stages"/>),
/// so every child's output is a stage boundary that a penalty can stop at.
/// </summary>
public class Sequential<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    readonly (string Name, Module<T> Module)[] _children;

    /// <summary>Children named by their index, as PyTorch names them.</summary>
    public Sequential(params Module<T>[] children) : this(children.Select((m, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), m)).ToArray())
    {
    }

    /// <summary>Named children (names unique, without dots).</summary>
    public Sequential(params (string Name, Module<T> Module)[] children)
    {
        CheckChildren(children, "sequential", nameof(children));
        _children = children;
    }

    /// <inheritdoc />
    public override IEnumerable<(string Name, Module<T> Module)> Children => _children;

    /// <summary>The first child's input width that is fixed (elementwise children keep the width).</summary>
    public override int InputDimension => _children.Select(c => c.Module.InputDimension).FirstOrDefault(d => d != 0);

    /// <summary>The last child's output width that is fixed.</summary>
    public override int OutputDimension => _children.Select(c => c.Module.OutputDimension).LastOrDefault(d => d != 0);

    /// <inheritdoc />
    protected internal override Variable<T> Run(Tape<T> tape, Variable<T> x, TapSet<T>? taps)
    {
        if (taps is null) return Forward(tape, x, 0, StageCount);
        foreach (var (_, child) in _children)
        {
            x = child.Run(tape, x, taps);
            taps.Offer(child, x);
        }
        return x;
    }

    /// <summary>Each child's bound applied to the previous one's.</summary>
    public override double OutputBound(double inputBound)
    {
        foreach (var (_, child) in _children) inputBound = child.OutputBound(inputBound);
        return inputBound;
    }

    /// <inheritdoc />
    protected internal override IEnumerable<Stage<T>> CollectStages(string prefix)
    {
        foreach (var (name, child) in _children)
            foreach (var stage in child.CollectStages(prefix.Length == 0 ? name : prefix + "." + name))
                yield return stage;
    }

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new Sequential<U>([.. _children.Select(c => (c.Name, c.Module.CloneStructure<U>()))]);
}
