using System.Numerics;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Core.Symmetry;

/// <summary>
/// The activations of one layer on a batch and on its two rotated copies, as slices of one stacked pass:
/// <see cref="Original"/> = h(x) (null when it was not asked for), <see cref="First"/> = h(R1 x),
/// <see cref="Second"/> = h(R2 x).
/// </summary>
public readonly record struct OrbitActivations<T>(Variable<T>? Original, Variable<T> First, Variable<T> Second)
    where T : unmanaged, IFloatingPointIeee754<T>;
