using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// An exactly SO(3)-equivariant map of a pair of 3-vectors, a phase-space state (r, v), to a pair of 3-vectors: the
/// general form F_o(r, v) = a_o r + b_o v + c_o r × v (o = 1, 2), the coefficients from an MLP (child <c>coefficients</c>)
/// on the invariants |r|², |v|², r·v (<see cref="VectorPairOps"/>). So F(R r, R v) = R F(r, v) for every rotation R, up to
/// rounding, at initialisation and after any training; about z too (it is then narrower than the general so2z map, but a
/// field equivariant under every rotation, as the two-body problem's, is of this form).
/// </summary>
/// <remarks>
/// r × v is a pseudovector: under a reflection it does not turn with the pair. A field equivariant under reflections as
/// well (the two-body flow is) needs c_o = 0, which this model can learn but does not impose.
/// </remarks>
public sealed class PairEquivariantMlp<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    readonly Mlp<T> _coefficients;

    /// <summary>The map with coefficient networks of <paramref name="hiddenLayers"/> hidden layers of width <paramref name="hiddenDim"/>; zero weights until initialised.</summary>
    public PairEquivariantMlp(int hiddenDim, int hiddenLayers) => _coefficients = new Mlp<T>(3, hiddenDim, hiddenLayers, 6);

    /// <summary>The MLP from the three invariants to the six coefficients (a, b, c of each output vector).</summary>
    public Mlp<T> Coefficients => _coefficients;

    /// <inheritdoc />
    public override int InputDimension => 6;

    /// <inheritdoc />
    public override int OutputDimension => 6;

    /// <inheritdoc />
    public override IEnumerable<(string Name, Module<T> Module)> Children => [("coefficients", _coefficients)];

    /// <inheritdoc />
    protected internal override Variable<T> Run(Tape<T> tape, Variable<T> x, TapSet<T>? taps)
    {
        var c = _coefficients.Run(tape, tape.PairInvariants(x), taps);
        taps?.Offer(_coefficients, c);
        return tape.CombinePair(x, c);
    }

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new PairEquivariantMlp<U>(_coefficients.HiddenDim, _coefficients.HiddenLayers);
}
