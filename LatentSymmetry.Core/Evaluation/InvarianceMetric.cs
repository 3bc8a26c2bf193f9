namespace LatentSymmetry.Core.Evaluation;

/// <summary>The per-layer measures <see cref="RunEvaluator"/> can compute (see <see cref="Invariance.InvarianceMeasures"/> and <see cref="Invariance.RotationInformation"/>).</summary>
[Flags]
public enum InvarianceMetric
{
    /// <summary>None.</summary>
    None = 0,
    /// <summary>½ E‖h(g1 x) − h(g2 x)‖².</summary>
    SL = 1,
    /// <summary>Orbit spread over data spread.</summary>
    Qh = 2,
    /// <summary>Q_h on the principal components explaining 95% of the variance.</summary>
    Q = 4,
    /// <summary>Relative symmetry loss.</summary>
    Rsl = 8,
    /// <summary>Relative-rotation information.</summary>
    MI = 16,
    /// <summary>All of them.</summary>
    All = SL | Qh | Q | Rsl | MI,
}
