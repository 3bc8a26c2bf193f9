using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Fields;

/// <summary>The group lists fields report in <see cref="IScalarField.InvariantUnder"/>.</summary>
internal static class Invariance
{
    /// <summary>Invariant under every rotation of 3-D space, hence also under rotations about z.</summary>
    public static readonly IReadOnlyList<SymmetryGroup> So3 = [SymmetryGroup.So3, SymmetryGroup.So2z];

    /// <summary>Invariant under rotations about the z axis only.</summary>
    public static readonly IReadOnlyList<SymmetryGroup> So2z = [SymmetryGroup.So2z];

    /// <summary>Invariant under rotations of the disk.</summary>
    public static readonly IReadOnlyList<SymmetryGroup> So2 = [SymmetryGroup.So2];

    public static readonly IReadOnlyList<SymmetryGroup> None = [];
}
