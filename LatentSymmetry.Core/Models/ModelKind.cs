namespace LatentSymmetry.Core.Models;

/// <summary>Which network a run trains.</summary>
public enum ModelKind
{
    /// <summary>The original MLP on the point's coordinates.</summary>
    Mlp,

    /// <summary>The same MLP on the group's invariants of the point (<see cref="InvariantMlp{T}"/>): invariant by construction.</summary>
    Invariant,
}
