using System.Numerics;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Core.Symmetry;

/// <summary>
/// How a penalty is computed from the activations of the penalised layer on a batch x and its two rotated
/// copies: h = h(x), h1 = h(R1 x), h2 = h(R2 x), each [rows x width]. The result is a [1 x 1] tensor on the
/// tape (recorded when the tape records, so it can be trained on).
/// </summary>
public interface IOrbitPenaltyKind<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Short name, e.g. "raw".</summary>
    string Name { get; }

    /// <summary>True when <see cref="Compute"/> reads h(x); otherwise it may be passed null.</summary>
    bool NeedsOriginal { get; }

    /// <summary>The penalty of one batch.</summary>
    Variable<T> Compute(Tape<T> tape, Variable<T>? h, Variable<T> h1, Variable<T> h2);
}
