namespace LatentSymmetry.Core.Discovery;

/// <summary>
/// The answer of <see cref="SymmetryDiscovery.Discover"/>: the spectrum of the gradient constraint, the dimension of
/// the symmetry algebra and the statistic that decided it, a basis, its distances to the named algebras, and the
/// violation of each candidate generator.
/// </summary>
public sealed class DiscoveryResult
{
    /// <summary>The space searched (<c>gl3</c>, <c>so3</c>, ...).</summary>
    public required AlgebraSpace Space { get; init; }

    /// <summary>Number of points.</summary>
    public required int Points { get; init; }

    /// <summary>The singular values σ_k of the constraint matrix, ascending.</summary>
    public required double[] SingularValues { get; init; }

    /// <summary>
    /// σ_k/√N / RMS(∇f·Bx) over random unit B in gl(n): the relative violation of the k-th singular direction, the
    /// same scale for every space searched, so a symmetry shows as a number near 0 and a random direction near 1.
    /// </summary>
    public required double[] RelativeSingularValues { get; init; }

    /// <summary>RMS over points and over random unit B in gl(n) of ∇f·Bx, i.e. sqrt(mean ‖∇f‖²‖x‖²)/n: the scale of <see cref="RelativeSingularValues"/>.</summary>
    public required double ReferenceRate { get; init; }

    /// <summary>The statistic that decides the dimension: per direction, the reference's breaking and the error floor.</summary>
    public required NoiseFloor Floor { get; init; }

    /// <summary>The reference's breaking b_k of each direction on the scale of <see cref="RelativeSingularValues"/>.</summary>
    public double[] RelativeBreaking => [.. Floor.Breaking.Select(Relative)];

    /// <summary>The floor e_k of each direction on the scale of <see cref="RelativeSingularValues"/>.</summary>
    public double[] RelativeFloor => [.. Enumerable.Range(0, Floor.Breaking.Length).Select(k => Relative(Floor.At(k)))];

    double Relative(double v) => v / Math.Sqrt(Points) / ReferenceRate;

    /// <summary>The number of leading directions within the floor (b_k ≤ e_k): the dimension of the symmetry algebra.</summary>
    public required int Dimension { get; init; }

    /// <summary>The right singular vectors of the <see cref="Dimension"/> smallest singular values, as unit-Frobenius n×n matrices (row-major), ascending.</summary>
    public required IReadOnlyList<double[]> Basis { get; init; }

    /// <summary>Grassmann distance (radians) from the discovered algebra to each reference, in <see cref="ReferenceAlgebra.For"/> order.</summary>
    public required IReadOnlyList<(string Name, double Radians)> Distances { get; init; }

    /// <summary>The reference at the smallest distance (the first on a tie).</summary>
    public string Closest => Distances.MinBy(d => d.Radians).Name;

    /// <summary>The violation of each rotation generator of the space (L_x, L_y, L_z or J) and of each discovered basis matrix.</summary>
    public required IReadOnlyList<GeneratorViolation> Violations { get; init; }
}
