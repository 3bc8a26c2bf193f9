using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>
/// A central force −∇V(|x|) in 3-D with the Gaussian well V(R) = −strength·exp(−R²/(2 width²)): F = −strength·x·exp(−R²/(2 width²)) / width²,
/// pointing to the origin; equivariant under SO(3), hence under rotations about z.
/// </summary>
public sealed record CentralForceField : IVectorField
{
    static readonly FieldParameter StrengthParameter = FieldParameter.Number("strength", 1, NumberRange.Finite, "depth of the well");
    static readonly FieldParameter WidthParameter = FieldParameter.Number("width", 2, NumberRange.Positive, "width of the well");

    internal static readonly VectorFieldDescription Description = new("central-force", 3, "-strength x exp(-R^2 / (2 width^2)) / width^2",
        "The force of a Gaussian well, -grad V(|x|): equivariant under every rotation.", [StrengthParameter, WidthParameter],
        Invariance.So3, null, n => new CentralForceField(n("strength"), n("width")));

    /// <summary>The field with the given parameters; throws <see cref="ArgumentOutOfRangeException"/> for invalid ones.</summary>
    public CentralForceField(double strength, double width)
    {
        Strength = StrengthParameter.Check(strength);
        Width = WidthParameter.Check(width);
    }

    /// <summary>The depth of the well.</summary>
    public double Strength { get; }
    /// <summary>The width of the well.</summary>
    public double Width { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 3;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, SpecText.Of("strength", Strength), SpecText.Of("width", Width));
    /// <inheritdoc/>
    public string Formula => $"-{SpecText.Number(Strength)} x exp(-R^2 / (2 * {SpecText.Number(Width)}^2)) / {SpecText.Number(Width)}^2";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> EquivariantUnder => Invariance.So3;

    /// <inheritdoc/>
    public void Evaluate(ReadOnlySpan<double> point, Span<double> value)
    {
        FieldPoint.Require(point, 3, Name);
        double r2 = point[0] * point[0] + point[1] * point[1] + point[2] * point[2];
        double a = -Strength * Math.Exp(-r2 / (2 * Width * Width)) / (Width * Width);
        for (int i = 0; i < 3; i++) value[i] = a * point[i];
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
