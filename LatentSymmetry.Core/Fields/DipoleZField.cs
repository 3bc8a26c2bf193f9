using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>
/// The field of a point dipole along z, softened at the origin: F = (3 z x − R² e_z) / (R² + eps²)^(5/2) (the classical
/// (3 (p·r̂) r̂ − p) / R³ for p = e_z when eps = 0). Equivariant under rotations about z only: any other rotation turns the
/// dipole's axis.
/// </summary>
public sealed record DipoleZField : IVectorField
{
    static readonly FieldParameter EpsParameter = FieldParameter.Number("eps", 1, NumberRange.Positive, "softening at the origin");

    internal static readonly VectorFieldDescription Description = new("dipole-z", 3, "(3 z x - R^2 e_z) / (R^2 + eps^2)^(5/2)",
        "The field of a dipole along z (a vector field; 'dipole' is a scalar disk field): equivariant under so2z only.", [EpsParameter],
        Invariance.So2z, null, n => new DipoleZField(n("eps")));

    /// <summary>The field with the given softening; throws <see cref="ArgumentOutOfRangeException"/> for an invalid one.</summary>
    public DipoleZField(double eps) => Eps = EpsParameter.Check(eps);

    /// <summary>The softening at the origin.</summary>
    public double Eps { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 3;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, SpecText.Of("eps", Eps));
    /// <inheritdoc/>
    public string Formula => $"(3 z x - R^2 e_z) / (R^2 + {SpecText.Number(Eps)}^2)^(5/2)";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> EquivariantUnder => Invariance.So2z;

    /// <inheritdoc/>
    public void Evaluate(ReadOnlySpan<double> point, Span<double> value)
    {
        FieldPoint.Require(point, 3, Name);
        double x = point[0], y = point[1], z = point[2];
        double r2 = x * x + y * y + z * z;
        double s = r2 + Eps * Eps;
        double scale = 1 / (s * s * Math.Sqrt(s));
        value[0] = 3 * z * x * scale;
        value[1] = 3 * z * y * scale;
        value[2] = (3 * z * z - r2) * scale;
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
