using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Data;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// A model invariant by construction: the same MLP, fed not the point but the group's invariants of it
/// (|x|² for SO(3) and SO(2); x² + y² and z for rotations about z), so h(R x) = h(x) for every rotation R of the
/// group, at every layer, up to the rounding of the invariants. Its first layer has as many inputs as there are
/// invariants; parameter names are the MLP's (<c>layers.{2k}.weight</c>, <c>layers.{2k}.bias</c>). No gradient
/// flows back to the points (they are data, never trained).
/// </summary>
public sealed class InvariantMlp<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>An invariant MLP of <paramref name="group"/> with L hidden layers of width H; zero weights until <see cref="Initialize"/>.</summary>
    public InvariantMlp(SymmetryGroup group, int hiddenDim, int hiddenLayers, int outputDim)
    {
        ArgumentNullException.ThrowIfNull(group);
        Group = group;
        Mlp = new Mlp<T>(group.InvariantCount, hiddenDim, hiddenLayers, outputDim);
    }

    /// <summary>The group whose invariants feed the network.</summary>
    public SymmetryGroup Group { get; }

    /// <summary>The MLP on the invariants.</summary>
    public Mlp<T> Mlp { get; }

    /// <summary>The group's dimension d (the model takes points, not invariants).</summary>
    public override int InputDimension => Group.Dimension;

    /// <inheritdoc />
    public override int HiddenLayers => Mlp.HiddenLayers;

    /// <inheritdoc />
    public override IReadOnlyList<NamedParameter<T>> ParameterList => Mlp.ParameterList;

    /// <summary>Initialises the MLP as PyTorch does (its first layer has <see cref="SymmetryGroup.InvariantCount"/> inputs).</summary>
    public void Initialize(RandomStream stream) => Mlp.Initialize(stream);

    /// <inheritdoc />
    public override double OutputBound(double coordinateBound) => Mlp.OutputBound(Group.InvariantBound(coordinateBound));

    /// <summary>From stage 0, the points are first mapped to their invariants; later stages are the MLP's.</summary>
    public override Variable<T> Forward(Tape<T> tape, Variable<T> h, int from, int to)
    {
        if (from == 0 && to > 0)
        {
            if (h.Cols != Group.Dimension)
                throw new ArgumentException($"{Group.Name} acts on points of {Group.Dimension} coordinates; got {h.Shape}", nameof(h));
            var invariants = tape.NewScratch(h.Rows, Group.InvariantCount);
            Group.Invariants<T>(h.Span, invariants.Span);
            h = invariants;
        }
        return Mlp.Forward(tape, h, from, to);
    }
}
