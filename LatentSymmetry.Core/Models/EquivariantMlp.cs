using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// An exactly equivariant vector field of the point, F(x) = Σ_k a_k(inv x) M_k x + Σ_j b_j(inv x) v_j, the general form
/// (<see cref="EquivariantBasis"/>): F(x) = a(|x|²) x for so3; a(r²) x + b(r²) J x for so2; about z, the same in the plane
/// plus a z part. The coefficients come from an <see cref="InvariantMlp{T}"/> (child <c>coefficients</c>), so F(R x) = R F(x)
/// up to rounding, at initialisation and after any training.
/// </summary>
public sealed class EquivariantMlp<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    readonly InvariantMlp<T> _coefficients;
    readonly EquivariantBasis _basis;
    readonly T[] _packed;

    /// <summary>The equivariant field of <paramref name="group"/> with coefficient networks of L hidden layers of width H; zero weights until initialised.</summary>
    public EquivariantMlp(SymmetryGroup group, int hiddenDim, int hiddenLayers)
    {
        ArgumentNullException.ThrowIfNull(group);
        Group = group;
        _basis = EquivariantBasis.Of(group);
        _packed = _basis.Packed<T>();
        _coefficients = new InvariantMlp<T>(group, hiddenDim, hiddenLayers, _basis.Count);
    }

    /// <summary>The group it is equivariant under.</summary>
    public SymmetryGroup Group { get; }

    /// <summary>The invariant network giving the K + J coefficients of each point.</summary>
    public InvariantMlp<T> Coefficients => _coefficients;

    /// <inheritdoc />
    public override int InputDimension => Group.Dimension;

    /// <inheritdoc />
    public override int OutputDimension => Group.Dimension;

    /// <inheritdoc />
    public override IEnumerable<(string Name, Module<T> Module)> Children => [("coefficients", _coefficients)];

    /// <inheritdoc />
    protected internal override Variable<T> Run(Tape<T> tape, Variable<T> x, TapSet<T>? taps)
    {
        var c = _coefficients.Run(tape, x, taps);
        taps?.Offer(_coefficients, c);
        return tape.CombineBasis(x, c, _packed, _basis.MapCount);
    }

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new EquivariantMlp<U>(Group, _coefficients.HiddenDim, _coefficients.HiddenLayers);
}
