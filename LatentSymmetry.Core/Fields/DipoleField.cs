using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>x / (r + eps), a dipole-like direction field: not invariant.</summary>
public sealed record DipoleField : IScalarField
{
    static readonly FieldParameter EpsParameter = FieldParameter.Number("eps", 0.01, NumberRange.Positive, "softening at the centre");

    internal static readonly FieldDescription Description = new("dipole", 2, "x / (r + eps)",
        "The cosine of the angle, softened at the centre.", [EpsParameter], Invariance.None, null,
        a => new DipoleField(a.Number("eps")));

    /// <summary>The field with the given parameters; throws <see cref="ArgumentOutOfRangeException"/> for invalid ones.</summary>
    public DipoleField(double eps)
    {
        Eps = EpsParameter.Check(eps);
    }

    /// <summary>The parameter <c>eps</c>: softening at the centre.</summary>
    public double Eps { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, SpecText.Of("eps", Eps));
    /// <inheritdoc/>
    public string Formula => $"x / (r + {SpecText.Number(Eps)})";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => Invariance.None;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        double r = DiskCoordinates.Radius(point, Name);
        return point[0] / (r + Eps);
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
