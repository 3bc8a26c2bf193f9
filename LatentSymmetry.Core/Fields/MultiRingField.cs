using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>
/// A sum of Gaussian rings exp(-(r - c)² / (2 std²)), one per center c, the original's MultiRing:
/// invariant under SO(2).
/// </summary>
public sealed record MultiRingField : IScalarField
{
    static readonly FieldParameter CentersParameter = FieldParameter.NumberList("centers", [0.3, 0.7], NumberRange.Finite, "radii of the rings");
    static readonly FieldParameter StdParameter = FieldParameter.Number("std", 0.08, NumberRange.Positive, "width of every ring");

    internal static readonly FieldDescription Description = new("multi-ring", 2, "sum over c in centers of exp(-(r - c)^2 / (2 std^2))",
        "Several Gaussian rings of one width.", [CentersParameter, StdParameter], Invariance.So2, null,
        a => new MultiRingField(a.NumberList("centers"), a.Number("std")));

    readonly double[] _centers;

    /// <summary>Rings at <paramref name="centers"/> (at least one), each of width <paramref name="std"/> (&gt; 0).</summary>
    public MultiRingField(IReadOnlyList<double> centers, double std)
    {
        ArgumentNullException.ThrowIfNull(centers);
        if (centers.Count == 0) throw new ArgumentOutOfRangeException(nameof(centers), "multi-ring needs at least one center.");
        _centers = centers.Select(CentersParameter.Check).ToArray();
        Std = StdParameter.Check(std);
    }

    /// <summary>The parameter <c>centers</c>: the rings' radii, in the order given.</summary>
    public IReadOnlyList<double> Centers => _centers;

    /// <summary>The parameter <c>std</c>: the width of every ring.</summary>
    public double Std { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, ("centers", SpecText.NumberList(_centers)), SpecText.Of("std", Std));
    /// <inheritdoc/>
    public string Formula => string.Join(" + ", _centers.Select(c => $"exp(-(r - {SpecText.Number(c)})^2 / (2 * {SpecText.Number(Std)}^2))"));
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => Invariance.So2;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        double r = DiskCoordinates.Radius(point, Name);
        // Summed from 0 in the given order, as the original's loop.
        double sum = 0;
        foreach (double c in _centers) sum += GaussianProfile.At(r, c, Std);
        return sum;
    }

    /// <summary>Equal when the centers (in order) and the width are equal.</summary>
    public bool Equals(MultiRingField? other) =>
        other is not null && Std.Equals(other.Std) && _centers.AsSpan().SequenceEqual(other._centers);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Std);
        foreach (double c in _centers) h.Add(c);
        return h.ToHashCode();
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
