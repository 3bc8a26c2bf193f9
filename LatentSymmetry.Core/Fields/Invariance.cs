namespace LatentSymmetry.Core.Fields;

/// <summary>The group-name lists fields report in <see cref="IScalarField.InvariantUnder"/>.</summary>
internal static class Invariance
{
    /// <summary>Invariant under every rotation of 3-D space, hence also under rotations about z.</summary>
    public static readonly IReadOnlyList<string> So3 = ["so3", "so2z"];

    /// <summary>Invariant under rotations about the z axis only.</summary>
    public static readonly IReadOnlyList<string> So2z = ["so2z"];

    /// <summary>Invariant under rotations of the disk.</summary>
    public static readonly IReadOnlyList<string> So2 = ["so2"];

    public static readonly IReadOnlyList<string> None = [];
}
