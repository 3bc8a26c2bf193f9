namespace LatentSymmetry.Core.Models;

/// <summary>The non-invariant branch of a relaxed model (<c>--relax-branch</c>).</summary>
public enum RelaxBranch
{
    /// <summary>A linear map of the degree-1 and degree-2 monomials (<see cref="QuadraticBranch{T}"/>): its coefficients are read by name.</summary>
    Quadratic,

    /// <summary>A small MLP on the coordinates initialised at scale 1e-3 (<see cref="MlpBranch{T}"/>), the residual-pathway form.</summary>
    Mlp,
}
