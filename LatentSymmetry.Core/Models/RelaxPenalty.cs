namespace LatentSymmetry.Core.Models;

/// <summary>The norm of the branch's parameters that a relaxed model's objective adds (<c>--relax-penalty</c>).</summary>
public enum RelaxPenalty
{
    /// <summary>Σ w², the sum of the squares of the branch's parameters (a Gaussian prior on them, as Finzi et al.'s).</summary>
    L2,

    /// <summary>Σ |w|, which drives the coefficients a breaking does not need to exactly zero.</summary>
    L1,
}
