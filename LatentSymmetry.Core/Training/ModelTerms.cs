using System.Numerics;
using LatentSymmetry.Core.Models;

namespace LatentSymmetry.Core.Training;

/// <summary>The loss terms a model kind brings with it (<see cref="IPenalisedModelKind"/>: the relaxed model's branch penalty), before the ones a program gives.</summary>
public static class ModelTerms
{
    /// <summary>
    /// <paramref name="kind"/>'s own term for <paramref name="model"/> (a network of that kind), if it has one, followed by
    /// <paramref name="given"/>; <paramref name="given"/> itself when the kind has none (the objective, and the bits, of every other run).
    /// </summary>
    /// <exception cref="ArgumentException">A given term has the kind's term's name.</exception>
    public static IReadOnlyList<LossTerm<T>> With<T>(ModelKind kind, Module<T> model, IReadOnlyList<LossTerm<T>> given) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(given);
        if (kind is not IPenalisedModelKind penalised) return given;
        if (given.Any(t => t.Name == penalised.PenaltyName))
            throw new ArgumentException($"loss term name '{penalised.PenaltyName}' is the {kind.Name} model's own penalty; give the term another name", nameof(given));
        var penalty = penalised.PenaltyOf(model);
        return [LossTerm<T>.Of(penalised.PenaltyName, LossWeight.Constant(penalised.PenaltyWeight), (tape, _) => penalty(tape)), .. given];
    }
}
