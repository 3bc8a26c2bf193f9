using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Core.Models;

namespace LatentSymmetry.Core.Training;

/// <summary>What a loss term may read of one step: the model, the batch's points and targets, and the model's output on them.</summary>
/// <param name="Model">The model being trained (its modules and parameters; a term may run a branch on <paramref name="Input"/>).</param>
/// <param name="Input">The batch's points, [B x d].</param>
/// <param name="Targets">The batch's targets, [B x w].</param>
/// <param name="Output">The model's output on <paramref name="Input"/>, [B x w], on the tape.</param>
/// <param name="Epoch">The epoch the step belongs to (0-based).</param>
public readonly record struct LossTermContext<T>(Module<T> Model, Variable<T> Input, Variable<T> Targets, Variable<T> Output, int Epoch)
    where T : unmanaged, IFloatingPointIeee754<T>;
