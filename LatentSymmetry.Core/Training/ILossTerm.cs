using System.Numerics;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Core.Training;

/// <summary>
/// One term of the training objective beside the task loss and the orbit penalty (a branch's penalty, a weight
/// norm, ...): a scalar on the tape, built from what the step's forward pass produced. The trainer adds it,
/// weighted by its <see cref="LossWeight"/> at the epoch, and records its unweighted value in the history.
/// </summary>
/// <typeparam name="T">The precision of the model.</typeparam>
public interface ILossTerm<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The term's name in the history (a history.csv column <c>train_NAME</c>): lower case, digits and '_'.</summary>
    string Name { get; }

    /// <summary>The term's unweighted value, a [1 x 1] variable on <paramref name="tape"/>, for the batch in <paramref name="context"/>.</summary>
    Variable<T> Compute(Tape<T> tape, in LossTermContext<T> context);
}
