using System.Numerics;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Core.Training;

/// <summary>A loss term with its weight by epoch: what <see cref="Trainer.LossTerms"/> and <see cref="TrainingStep{T}.Terms"/> take.</summary>
/// <param name="Term">The term.</param>
/// <param name="Weight">Its weight by epoch; at weight 0 the term is measured (recorded) but sends no gradient.</param>
public sealed record LossTerm<T>(ILossTerm<T> Term, LossWeight Weight) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The term under a constant <paramref name="weight"/>.</summary>
    public LossTerm(ILossTerm<T> term, double weight) : this(term, LossWeight.Constant(weight))
    {
    }

    /// <summary>The term's name.</summary>
    public string Name => Term.Name;

    /// <summary>A term named <paramref name="name"/> computed by <paramref name="compute"/> (a lambda in place of a class), under <paramref name="weight"/>.</summary>
    public static LossTerm<T> Of(string name, LossWeight weight, Func<Tape<T>, LossTermContext<T>, Variable<T>> compute) =>
        new(new FunctionLossTerm(name, compute ?? throw new ArgumentNullException(nameof(compute))), weight);

    sealed class FunctionLossTerm(string name, Func<Tape<T>, LossTermContext<T>, Variable<T>> compute) : ILossTerm<T>
    {
        public string Name => name;

        public Variable<T> Compute(Tape<T> tape, in LossTermContext<T> context) => compute(tape, context);
    }
}
