using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// Branches that each take the same input and whose outputs are added: f(x) = Σ_b f_b(x), e.g. an invariant model plus
/// a small non-invariant branch. Each branch's output is a tap (by its name), read with a <see cref="TapSet{T}"/>.
/// </summary>
public sealed class Sum<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    readonly (string Name, Module<T> Module)[] _branches;

    /// <summary>Named branches (names unique, without dots); their output widths must agree.</summary>
    public Sum(params (string Name, Module<T> Module)[] branches)
    {
        CheckChildren(branches, "sum", nameof(branches));
        var widths = branches.Select(b => b.Module.OutputDimension).Where(w => w != 0).Distinct().ToArray();
        if (widths.Length > 1) throw new ArgumentException($"branch outputs differ in width ({string.Join(", ", widths)}); a sum needs one width", nameof(branches));
        _branches = branches;
        // Fixed with the branches; kept so that a step reading them allocates nothing.
        _inputDimension = branches.Select(b => b.Module.InputDimension).FirstOrDefault(d => d != 0);
        _outputDimension = branches.Select(b => b.Module.OutputDimension).FirstOrDefault(d => d != 0);
    }

    readonly int _inputDimension;
    readonly int _outputDimension;

    /// <inheritdoc />
    public override IEnumerable<(string Name, Module<T> Module)> Children => _branches;

    /// <inheritdoc />
    public override int InputDimension => _inputDimension;

    /// <inheritdoc />
    public override int OutputDimension => _outputDimension;

    /// <inheritdoc />
    protected internal override Variable<T> Run(Tape<T> tape, Variable<T> x, TapSet<T>? taps)
    {
        Variable<T>? sum = null;
        foreach (var (_, branch) in _branches)
        {
            var y = branch.Run(tape, x, taps);
            taps?.Offer(branch, y);
            sum = sum is null ? y : tape.Add(sum, y);
        }
        return sum!;
    }

    /// <summary>The sum of the branches' bounds (widened by 0.1% for the rounding of the additions).</summary>
    public override double OutputBound(double inputBound) => _branches.Sum(b => b.Module.OutputBound(inputBound)) * 1.001;

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new Sum<U>([.. _branches.Select(b => (b.Name, b.Module.CloneStructure<U>()))]);
}
