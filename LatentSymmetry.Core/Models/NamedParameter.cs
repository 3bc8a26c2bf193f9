using System.Numerics;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Core.Models;

/// <summary>
/// A trainable tensor with its PyTorch state-dict name and shape. Tensors are 2-D here, so a bias is stored as
/// [1 x n] but its PyTorch shape is [n].
/// </summary>
/// <param name="Name">State-dict name, e.g. <c>layers.0.weight</c>.</param>
/// <param name="Tensor">The tensor itself (trained in place).</param>
/// <param name="Shape">PyTorch's shape: [out, in] for a weight, [n] for a bias.</param>
public sealed record NamedParameter<T>(string Name, Variable<T> Tensor, IReadOnlyList<int> Shape)
    where T : unmanaged, IFloatingPointIeee754<T>;
