using System.Numerics;
using LatentSymmetry.Autograd;
using LatentSymmetry.Autograd.Kernels;
using LatentSymmetry.Autograd.Ops;
using LatentSymmetry.Core.Invariance;

namespace LatentSymmetry.Core.Orbits;

/// <summary>
/// The symmetry penalties of training as tape functions of the penalised layer's activations over a batch:
/// <c>clean</c> = h(x), <c>turned1</c> = h(g1 x), <c>turned2</c> = h(g2 x), each [B x d]; each returns a
/// [1 x 1] tensor on the tape. They follow the authors' <c>N_h</c>, <c>Q_h</c>, <c>N_z</c> and <c>Q_z</c>
/// penalties (canisli/latent-symmetry, <c>src/symmetry_penalty.py</c>): the numerator is the raw penalty
/// ½ E‖·‖², the denominator the batch's spread ½ E_{i≠j}‖h(x_i) − h(x_j)‖² (the authors'
/// <c>compute_pairwise_variance</c>) plus ε = 1e-8, and the principal components are fitted on h(x) of the
/// batch without gradient.
/// </summary>
/// <remarks>
/// By default no gradient flows through the denominator, as the authors found necessary: otherwise the
/// optimiser can lower the ratio by inflating the batch's spread instead of shrinking the orbit.
/// <c>gradThroughDenominator</c> lets it flow, to show that. The raw kind allocates nothing once warm; the
/// PCA kinds run an eigendecomposition of the d x d covariance each call (MathNet's, allocating).
/// </remarks>
public static class OrbitPenalties
{
    /// <summary>ε added to every denominator.</summary>
    public const double Epsilon = 1e-8;

    /// <summary>The share of the variance the PCA kinds keep.</summary>
    public const double ExplainedVariance = 0.95;

    /// <summary>
    /// The penalty strategy of <paramref name="kind"/> (the command line's <c>--penalty</c>): the raw one is the shared
    /// <see cref="RawOrbitPenalty{T}.Instance"/>, so the default keeps its bits.
    /// </summary>
    public static IOrbitPenaltyKind<T> Of<T>(PenaltyKind kind, bool gradThroughDenominator = false) where T : unmanaged, IFloatingPointIeee754<T>
        => (kind ?? throw new ArgumentNullException(nameof(kind))).Create<T>(gradThroughDenominator);

    /// <summary>The penalty of <paramref name="kind"/> on h(x), h(g1 x), h(g2 x): <see cref="Of{T}"/>'s strategy applied once.</summary>
    public static Variable<T> Compute<T>(Tape<T> tape, PenaltyKind kind, Variable<T> clean, Variable<T> turned1, Variable<T> turned2, bool gradThroughDenominator = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Of<T>(kind, gradThroughDenominator).Compute(tape, new OrbitActivations<T>(clean, turned1, turned2));

    // h(x), which the normalised and PCA kinds need.
    internal static Variable<T> Clean<T>(in OrbitActivations<T> orbit, string kind) where T : unmanaged, IFloatingPointIeee754<T>
        => orbit.Original ?? throw new ArgumentNullException(nameof(orbit), $"the {kind} penalty needs h(x) of the batch");

    /// <summary>Q_h on the batch: ½ E‖h(g1 x) − h(g2 x)‖² / (½ E_{i≠j}‖h(x_i) − h(x_j)‖² + ε).</summary>
    public static Variable<T> Normalized<T>(Tape<T> tape, Variable<T> clean, Variable<T> turned1, Variable<T> turned2, bool gradThroughDenominator = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckShapes(clean, turned1, turned2);
        return Normalise(tape, OrbitVarianceLoss.Compute(tape, turned1, turned2), clean, gradThroughDenominator);
    }

    /// <summary>½ E‖(h(g1 x) − h(g2 x))·U‖², U the principal components of the batch's h(x) (fitted without gradient).</summary>
    public static Variable<T> Pca<T>(Tape<T> tape, Variable<T> clean, Variable<T> turned1, Variable<T> turned2) where T : unmanaged, IFloatingPointIeee754<T>
        => Pca(tape, turned1, turned2, FitBatch(clean, turned1, turned2));

    /// <summary>The PCA penalty along a given projection (fitted on a reference batch, or held fixed).</summary>
    public static Variable<T> Pca<T>(Tape<T> tape, Variable<T> turned1, Variable<T> turned2, PrincipalSubspace projection) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var u = Components(tape, projection, turned1.Cols);
        return OrbitVarianceLoss.Compute(tape, tape.MatMul(turned1, u), tape.MatMul(turned2, u));
    }

    /// <summary>Q on the batch: the PCA penalty over (½ E_{i≠j}‖z(x_i) − z(x_j)‖² + ε), z = h(x)·U.</summary>
    public static Variable<T> PcaNormalized<T>(Tape<T> tape, Variable<T> clean, Variable<T> turned1, Variable<T> turned2, bool gradThroughDenominator = false)
        where T : unmanaged, IFloatingPointIeee754<T>
        => PcaNormalized(tape, clean, turned1, turned2, FitBatch(clean, turned1, turned2), gradThroughDenominator);

    /// <summary>
    /// Q on the batch along a given projection. With the projection held fixed this is a smooth function of
    /// the three activations, which is what a finite-difference check of its gradient needs.
    /// </summary>
    public static Variable<T> PcaNormalized<T>(Tape<T> tape, Variable<T> clean, Variable<T> turned1, Variable<T> turned2, PrincipalSubspace projection, bool gradThroughDenominator = false)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckShapes(clean, turned1, turned2);
        var u = Components(tape, projection, clean.Cols);
        var numerator = OrbitVarianceLoss.Compute(tape, tape.MatMul(turned1, u), tape.MatMul(turned2, u));
        // The mean is left out of z = h·U: the spread does not see a shift, and the numerator cancels it.
        Variable<T> z;
        if (gradThroughDenominator) z = tape.MatMul(clean, u);
        else
            using (tape.NoGrad()) z = tape.MatMul(clean, u);
        return Normalise(tape, numerator, z, gradThroughDenominator);
    }

    // numerator / (½ spread(rows) + ε); the spread recorded only when its gradient is wanted.
    static Variable<T> Normalise<T>(Tape<T> tape, Variable<T> numerator, Variable<T> rows, bool gradThroughDenominator) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Variable<T> denominator;
        if (gradThroughDenominator) denominator = tape.Scale(tape.PairSpread(rows), T.CreateChecked(0.5));
        else
            using (tape.NoGrad()) denominator = tape.Scale(tape.PairSpread(rows), T.CreateChecked(0.5));
        return tape.Ratio(numerator, denominator, T.CreateChecked(Epsilon));
    }

    static PrincipalSubspace FitBatch<T>(Variable<T> clean, Variable<T> turned1, Variable<T> turned2) where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckShapes(clean, turned1, turned2);
        return PrincipalSubspace.FitLeading(clean, ExplainedVariance);
    }

    // U as a constant [d x k] tensor from the tape's arena (no gradient, reused from step to step).
    static Variable<T> Components<T>(Tape<T> tape, PrincipalSubspace projection, int width) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (projection.Dimension != width)
            throw new ArgumentException($"a projection of {projection.Dimension} dimensions does not fit activations of width {width}", nameof(projection));
        var u = tape.NewScratch(projection.Dimension, projection.Count);
        var source = projection.Components;
        var target = u.Span;
        for (int i = 0; i < source.Length; i++) target[i] = T.CreateChecked(source[i]);
        return u;
    }

    static void CheckShapes<T>(Variable<T> clean, Variable<T> turned1, Variable<T> turned2) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (turned1.Rows != turned2.Rows || turned1.Cols != turned2.Cols || clean.Cols != turned1.Cols)
            throw new ArgumentException($"h(x) {clean.Shape}, h(g1 x) {turned1.Shape} and h(g2 x) {turned2.Shape} must have the same width, the turned pair the same shape");
        if (clean.Rows < 2) throw new ArgumentException($"a batch spread needs at least two rows of h(x), got {clean.Shape}", nameof(clean));
    }
}
