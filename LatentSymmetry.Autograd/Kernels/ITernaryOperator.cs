using System.Numerics;
using System.Runtime.Intrinsics;

namespace LatentSymmetry.Autograd.Kernels;

/// <summary>
/// An elementwise operation of three operands in scalar and vector forms, in the operator-struct style
/// of TensorPrimitives: <see cref="ElementwiseKernels.Apply{T, TOp}"/> loops a span in the widest vector
/// steps and finishes with the scalar form, and the JIT inlines the operator.
/// Implementations use only correctly rounded IEEE operations (no fused multiply-add) so that every
/// vector width gives bit-identical results.
/// </summary>
internal interface ITernaryOperator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    static abstract T Invoke(T a, T b, T c);
    static abstract Vector128<T> Invoke(Vector128<T> a, Vector128<T> b, Vector128<T> c);
    static abstract Vector256<T> Invoke(Vector256<T> a, Vector256<T> b, Vector256<T> c);
    static abstract Vector512<T> Invoke(Vector512<T> a, Vector512<T> b, Vector512<T> c);
}
