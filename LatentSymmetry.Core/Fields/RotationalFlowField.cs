using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>
/// A rotational flow on the disk, g(r)·J x with J x = (−y, x) and g(r) = omega·exp(−r²/(2 width²)): a vortex whose
/// speed falls off with the radius; equivariant under SO(2) (J commutes with every rotation of the plane).
/// </summary>
public sealed record RotationalFlowField : IVectorField
{
    static readonly FieldParameter OmegaParameter = FieldParameter.Number("omega", 1, NumberRange.Finite, "angular speed at the centre");
    static readonly FieldParameter WidthParameter = FieldParameter.Number("width", 0.5, NumberRange.Positive, "radius over which the speed falls");

    internal static readonly VectorFieldDescription Description = new("rotational-flow", 2, "omega exp(-r^2 / (2 width^2)) (-y, x)",
        "A vortex on the disk, g(r) J x: equivariant under so2.", [OmegaParameter, WidthParameter],
        Invariance.So2, null, n => new RotationalFlowField(n("omega"), n("width")));

    /// <summary>The field with the given parameters; throws <see cref="ArgumentOutOfRangeException"/> for invalid ones.</summary>
    public RotationalFlowField(double omega, double width)
    {
        Omega = OmegaParameter.Check(omega);
        Width = WidthParameter.Check(width);
    }

    /// <summary>The angular speed at the centre.</summary>
    public double Omega { get; }
    /// <summary>The radius over which the speed falls.</summary>
    public double Width { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, SpecText.Of("omega", Omega), SpecText.Of("width", Width));
    /// <inheritdoc/>
    public string Formula => $"{SpecText.Number(Omega)} exp(-r^2 / (2 * {SpecText.Number(Width)}^2)) (-y, x)";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> EquivariantUnder => Invariance.So2;

    /// <inheritdoc/>
    public void Evaluate(ReadOnlySpan<double> point, Span<double> value)
    {
        FieldPoint.Require(point, 2, Name);
        double r2 = point[0] * point[0] + point[1] * point[1];
        double g = Omega * Math.Exp(-r2 / (2 * Width * Width));
        value[0] = -g * point[1];
        value[1] = g * point[0];
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
