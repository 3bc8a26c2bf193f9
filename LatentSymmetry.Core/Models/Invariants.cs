using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// The group's polynomial invariants of each row (|x|² for SO(3) and SO(2); x² + y² and z for rotations about z), as
/// a tape operation: its gradient reaches the points, so input gradients (what symmetry discovery reads) flow through
/// an invariant model as through any other.
/// </summary>
public sealed class Invariants<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The invariants of <paramref name="group"/>.</summary>
    public Invariants(SymmetryGroup group) => Group = group ?? throw new ArgumentNullException(nameof(group));

    /// <summary>The group whose invariants are computed.</summary>
    public SymmetryGroup Group { get; }

    /// <summary>The group's dimension d.</summary>
    public override int InputDimension => Group.Dimension;

    /// <summary>The number of invariants.</summary>
    public override int OutputDimension => Group.InvariantCount;

    /// <inheritdoc />
    protected internal override Variable<T> Run(Tape<T> tape, Variable<T> x, TapSet<T>? taps)
    {
        if (x.Cols != Group.Dimension)
            throw new ArgumentException($"{Group.Name} acts on points of {Group.Dimension} coordinates; got {x.Shape}", nameof(x));
        var y = tape.NewOutput(x.Rows, Group.InvariantCount, x);
        Group.Invariants<T>(x.Span, y.Span);
        tape.Record(new TapeNode<T>(Backward, y, x, context: Group));
        return y;
    }

    static void Backward(Tape<T> tape, in TapeNode<T> node)
    {
        var x = node.A!;
        if (!x.RequiresGrad) return;
        ((SymmetryGroup)node.Context!).AddInvariantGradients<T>(x.Span, node.Output.Grad!.Span, tape.GradOf(x).Span);
    }

    /// <inheritdoc />
    public override double OutputBound(double inputBound) => Group.InvariantBound(inputBound);

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new Invariants<U>(Group);
}
