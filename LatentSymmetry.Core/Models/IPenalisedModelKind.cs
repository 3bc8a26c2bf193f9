using System.Numerics;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// A model kind whose networks bring a penalty of their own, which the trainer adds to the objective as a loss term
/// (the relaxed model's branch penalty): its name (a history.csv column <c>train_NAME</c>), its weight, and the penalty
/// itself for a network of the kind.
/// </summary>
public interface IPenalisedModelKind
{
    /// <summary>The penalty's name as a loss term: lower case letters, digits and '_'.</summary>
    string PenaltyName { get; }

    /// <summary>Its constant weight in the objective (finite, ≥ 0; 0 measures it only).</summary>
    double PenaltyWeight { get; }

    /// <summary>
    /// The penalty of <paramref name="model"/> (a network this kind created) as a function recording a [1 x 1] value on a
    /// tape; made once per run, so a step allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="model"/> is not a network of this kind.</exception>
    Func<Tape<T>, Variable<T>> PenaltyOf<T>(Module<T> model) where T : unmanaged, IFloatingPointIeee754<T>;
}
