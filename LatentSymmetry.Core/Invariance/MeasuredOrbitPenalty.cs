using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Symmetry;

namespace LatentSymmetry.Core.Invariance;

/// <summary>
/// A penalty of <see cref="OrbitPenalties"/> as the training step's <see cref="IOrbitPenaltyKind{T}"/>, so
/// <c>new OrbitPenalty&lt;T&gt;(sampler, MeasuredOrbitPenalty&lt;T&gt;.Of(kind, gradThroughDenominator))</c>
/// trains with it. <see cref="PenaltyKind.Raw"/> gives the existing <see cref="RawOrbitPenalty{T}"/>
/// itself, so the default keeps its bits.
/// </summary>
public sealed class MeasuredOrbitPenalty<T> : IOrbitPenaltyKind<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    MeasuredOrbitPenalty(PenaltyKind kind, bool gradThroughDenominator)
    {
        Kind = kind;
        GradThroughDenominator = gradThroughDenominator;
    }

    /// <summary>The penalty for <paramref name="kind"/>: the raw one unchanged, the others normalised or projected.</summary>
    public static IOrbitPenaltyKind<T> Of(PenaltyKind kind, bool gradThroughDenominator = false)
    {
        PenaltyKindText.Format(kind); // refuses a value outside the enum
        return kind == PenaltyKind.Raw ? RawOrbitPenalty<T>.Instance : new MeasuredOrbitPenalty<T>(kind, gradThroughDenominator);
    }

    /// <summary>Which penalty.</summary>
    public PenaltyKind Kind { get; }

    /// <summary>Whether the gradient flows through the denominator (the batch's spread).</summary>
    public bool GradThroughDenominator { get; }

    /// <inheritdoc />
    public string Name => PenaltyKindText.Format(Kind);

    /// <inheritdoc />
    public bool NeedsOriginal => true;

    /// <inheritdoc />
    public Variable<T> Compute(Tape<T> tape, Variable<T>? h, Variable<T> h1, Variable<T> h2)
        => OrbitPenalties.Compute(tape, Kind, h ?? throw new ArgumentNullException(nameof(h), $"the {Name} penalty needs h(x) of the batch"), h1, h2, GradThroughDenominator);
}
