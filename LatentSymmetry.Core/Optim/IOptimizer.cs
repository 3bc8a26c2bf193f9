using System.Numerics;
using LatentSymmetry.Autograd;

namespace LatentSymmetry.Core.Optim;

/// <summary>
/// What training asks of an optimiser (PyTorch's <c>torch.optim.Optimizer</c>): zero the gradients, and take a step,
/// either afterwards (<see cref="Step"/>) or inside the backward pass, parameter by parameter, as an
/// <see cref="IGradientConsumer{T}"/>. <see cref="AdamW{T}"/> is the implementation the tool trains with.
/// </summary>
public interface IOptimizer<T> : IGradientConsumer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Sets every parameter's gradient to zero.</summary>
    void ZeroGrad();

    /// <summary>One update from the gradients now in the parameters' <c>Grad</c>.</summary>
    void Step();
}
