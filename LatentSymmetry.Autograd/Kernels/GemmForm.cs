namespace LatentSymmetry.Autograd.Kernels;

/// <summary>Which operands of a matrix product are read transposed. All matrices are row-major.</summary>
public enum GemmForm
{
    /// <summary>C[m,n] = A[m,k] · B[k,n].</summary>
    NN,
    /// <summary>C[m,n] = A[m,k] · B[n,k]ᵀ (a linear layer's forward pass with PyTorch's [out, in] weights).</summary>
    NT,
    /// <summary>C[m,n] = A[k,m]ᵀ · B[k,n] (a weight gradient).</summary>
    TN,
}
