namespace LatentSymmetry.Core.Orbits;

/// <summary>Which symmetry penalty training adds at the penalised layer (see <see cref="OrbitPenalties"/>).</summary>
public enum PenaltyKind
{
    /// <summary>The original's ½ E‖h(g1 x) − h(g2 x)‖² (the default; bit-identical to the existing loss).</summary>
    Raw,

    /// <summary>Q_h on the batch: the raw penalty over the batch's spread ½ E‖h(x) − h(x')‖² (+ 1e-8).</summary>
    Normalized,

    /// <summary>The raw penalty on the coordinates along the batch's principal components (95% of the variance).</summary>
    Pca,

    /// <summary>Q on the batch: the PCA penalty over the spread of the projected batch (+ 1e-8).</summary>
    PcaNormalized,
}
