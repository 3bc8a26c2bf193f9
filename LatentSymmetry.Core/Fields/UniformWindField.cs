using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>
/// A uniform wind, the same vector (vx, vy, vz) everywhere in 3-D: equivariant under no rotation that moves it (none by
/// default; rotations about z when it blows along z; every rotation when it is zero). The control for the equivariant models.
/// </summary>
public sealed record UniformWindField : IVectorField
{
    static readonly FieldParameter VxParameter = FieldParameter.Number("vx", 1, NumberRange.Finite, "x component");
    static readonly FieldParameter VyParameter = FieldParameter.Number("vy", 0, NumberRange.Finite, "y component");
    static readonly FieldParameter VzParameter = FieldParameter.Number("vz", 0, NumberRange.Finite, "z component");

    internal static readonly VectorFieldDescription Description = new("wind", 3, "(vx, vy, vz)",
        "A uniform wind: equivariant under nothing (the control).", [VxParameter, VyParameter, VzParameter],
        Invariance.None, "so2z when vx = vy = 0; so3 when all are 0", n => new UniformWindField(n("vx"), n("vy"), n("vz")));

    /// <summary>The wind of the given components; throws <see cref="ArgumentOutOfRangeException"/> for non-finite ones.</summary>
    public UniformWindField(double vx, double vy, double vz)
    {
        Vx = VxParameter.Check(vx);
        Vy = VyParameter.Check(vy);
        Vz = VzParameter.Check(vz);
    }

    /// <summary>The x component.</summary>
    public double Vx { get; }
    /// <summary>The y component.</summary>
    public double Vy { get; }
    /// <summary>The z component.</summary>
    public double Vz { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 3;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, SpecText.Of("vx", Vx), SpecText.Of("vy", Vy), SpecText.Of("vz", Vz));
    /// <inheritdoc/>
    public string Formula => $"({SpecText.Number(Vx)}, {SpecText.Number(Vy)}, {SpecText.Number(Vz)})";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> EquivariantUnder =>
        Vx == 0 && Vy == 0 ? (Vz == 0 ? Invariance.So3 : Invariance.So2z) : Invariance.None;

    /// <inheritdoc/>
    public void Evaluate(ReadOnlySpan<double> point, Span<double> value)
    {
        FieldPoint.Require(point, 3, Name);
        value[0] = Vx;
        value[1] = Vy;
        value[2] = Vz;
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
