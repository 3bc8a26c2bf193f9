using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>
/// A scalar target function of a point in 2-D or 3-D, with the name, parameters and formula that
/// identify it and the rotation groups that leave it unchanged.
/// </summary>
public interface IScalarField
{
    /// <summary>The catalogue name, e.g. <c>gaussian-ring</c>.</summary>
    string Name { get; }

    /// <summary>The dimension of the points it takes: 2 (the disk) or 3.</summary>
    int Dimension { get; }

    /// <summary>
    /// The canonical spec, every parameter written out, which <see cref="FieldCatalog.Parse"/> turns back
    /// into an equal field, e.g. <c>gaussian-ring:center=0.6,std=0.08</c>.
    /// </summary>
    string Spec { get; }

    /// <summary>The formula with this field's parameter values, for people (e.g. <c>exp(-(r - 0.6)^2 / (2·0.08^2))</c>).</summary>
    string Formula { get; }

    /// <summary>
    /// The groups (<see cref="SymmetryGroup.So3"/>, <see cref="SymmetryGroup.So2z"/> in 3-D; <see cref="SymmetryGroup.So2"/>
    /// on the disk) under which this field is exactly invariant; empty when it is invariant under none of them.
    /// </summary>
    IReadOnlyList<SymmetryGroup> InvariantUnder { get; }

    /// <summary>The field at <paramref name="point"/>, whose length is <see cref="Dimension"/>.</summary>
    double Evaluate(ReadOnlySpan<double> point);
}
