using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Ops;

namespace LatentSymmetry.Core.Models;

/// <summary>max(0, x) elementwise. After a <see cref="Linear{T}"/> in a chain it runs fused into the linear layer's operation.</summary>
public sealed class ReLU<T> : Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc />
    protected internal override Variable<T> Run(Tape<T> tape, Variable<T> x, TapSet<T>? taps) => tape.Relu(x);

    /// <summary>A ReLU never raises |x|.</summary>
    public override double OutputBound(double inputBound) => inputBound;

    /// <inheritdoc />
    protected internal override Module<U> CloneStructure<U>() => new ReLU<U>();
}
