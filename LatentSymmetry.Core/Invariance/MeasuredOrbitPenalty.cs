using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Invariance;

/// <summary>
/// A training penalty built on the measures (<see cref="PenaltyKind"/>), plugged into <see cref="OrbitPenalty{T}"/>:
/// it computes <see cref="OrbitPenalties.Compute{T}"/> of its kind from h(x), h(g1 x), h(g2 x).
/// </summary>
public sealed class MeasuredOrbitPenalty<T> : IOrbitPenaltyKind<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    MeasuredOrbitPenalty(PenaltyKind kind, bool gradThroughDenominator)
    {
        Kind = kind;
        GradThroughDenominator = gradThroughDenominator;
    }

    /// <summary>
    /// The penalty of <paramref name="kind"/>: for <see cref="PenaltyKind.Raw"/> the original's own
    /// <see cref="RawOrbitPenalty{T}"/> (so a raw run keeps its bits), else a measured penalty.
    /// </summary>
    public static IOrbitPenaltyKind<T> For(PenaltyKind kind, bool gradThroughDenominator = false)
    {
        if (kind == PenaltyKind.Raw) return RawOrbitPenalty<T>.Instance;
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a penalty kind");
        return new MeasuredOrbitPenalty<T>(kind, gradThroughDenominator);
    }

    /// <summary>Which measure the penalty is.</summary>
    public PenaltyKind Kind { get; }

    /// <summary>Whether the gradient flows through the normalising denominator (normalized and pca-normalized).</summary>
    public bool GradThroughDenominator { get; }

    /// <inheritdoc />
    public string Name => PenaltyKindText.Format(Kind);

    /// <inheritdoc />
    public bool NeedsOriginal => true; // the spread and the principal components are those of h(x)

    /// <inheritdoc />
    public Tensor<T> Compute(Tape<T> tape, Tensor<T>? h, Tensor<T> h1, Tensor<T> h2) =>
        OrbitPenalties.Compute(tape, Kind, h ?? throw new ArgumentNullException(nameof(h), $"the {Name} penalty needs h(x)"), h1, h2, GradThroughDenominator);
}
