using System.Numerics;

namespace LatentSymmetry.Autograd;

/// <summary>
/// Receives each leaf tensor's gradient during <see cref="Tape{T}.Backward(Variable{T}, IGradientConsumer{T})"/>
/// as soon as it is complete (PyTorch's post-accumulate-grad hook), so an optimizer can update that
/// parameter while its gradient is still in cache instead of streaming every parameter again afterwards.
/// </summary>
public interface IGradientConsumer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Called once before the first gradient of a backward pass.</summary>
    void BeginBackward();

    /// <summary>
    /// <paramref name="leaf"/>'s gradient is final for this pass (no remaining rule reads or writes it or
    /// its value). Called once per leaf that requires grad and took part in the recording.
    /// </summary>
    void GradientFinished(Variable<T> leaf);

    /// <summary>Called once after the last rule, for whatever the pass did not reach.</summary>
    void EndBackward();
}
