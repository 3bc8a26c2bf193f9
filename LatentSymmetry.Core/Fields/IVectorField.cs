using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>
/// A vector-valued target F: R^d → R^d (a force, a flow), with the name, parameters and formula that identify it and the
/// rotation groups it is equivariant under, F(R x) = R F(x): the vector counterpart of <see cref="IScalarField"/>.
/// </summary>
public interface IVectorField
{
    /// <summary>The catalogue name, e.g. <c>central-force</c>.</summary>
    string Name { get; }

    /// <summary>The dimension d of the points it takes and of the vectors it gives: 2 (the disk) or 3.</summary>
    int Dimension { get; }

    /// <summary>The canonical spec, every parameter written out, which <see cref="VectorFieldCatalog.Parse"/> turns back into an equal field.</summary>
    string Spec { get; }

    /// <summary>The formula with this field's parameter values, for people.</summary>
    string Formula { get; }

    /// <summary>The groups under which F(R x) = R F(x) holds exactly; empty when none.</summary>
    IReadOnlyList<SymmetryGroup> EquivariantUnder { get; }

    /// <summary>Writes F(<paramref name="point"/>) into <paramref name="value"/>; both have length <see cref="Dimension"/>.</summary>
    void Evaluate(ReadOnlySpan<double> point, Span<double> value);

    /// <summary>
    /// How a rotation acts on a point and on the field's value there: one vector of R^d for a field of space (the default),
    /// C vectors (<c>vectors:C</c>) for a field on a phase space, e.g. position and velocity of a two-body problem. A field
    /// equivariant under a group satisfies F(ρ(R) x) = ρ(R) F(x) for this ρ.
    /// </summary>
    GroupRepresentation PointRepresentation => GroupRepresentation.Vector(Dimension);
}
