using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>
/// ∇f of a scalar field f (<c>grad:FIELD</c>): equivariant under every group f is invariant under, since f(R x) = f(x)
/// gives R^T ∇f(R x) = ∇f(x) for orthogonal R. Exact when f is an <see cref="IDifferentiableField"/>; otherwise
/// central differences with one Richardson step (error O(h⁴), h = 2e-4·max(1, |x|)), equivariant to about 1e-8 away from kinks.
/// </summary>
public sealed record GradientField : IVectorField
{
    internal static readonly VectorFieldDescription Description = new("grad", 0, "grad f",
        "The gradient of any scalar field (grad:FIELD, e.g. grad:radial): equivariant wherever FIELD is invariant.", [], [],
        "the groups FIELD is invariant under", _ => throw new InvalidOperationException("grad takes a field spec"));

    /// <summary>The gradient of <paramref name="field"/>.</summary>
    public GradientField(IScalarField field) => Field = field ?? throw new ArgumentNullException(nameof(field));

    /// <summary>The scalar field f.</summary>
    public IScalarField Field { get; }

    /// <summary>True when the gradient is in closed form.</summary>
    public bool IsExact => Field is IDifferentiableField;

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => Field.Dimension;
    /// <inheritdoc/>
    public string Spec => $"grad:{Field.Spec}";
    /// <inheritdoc/>
    public string Formula => $"grad[{Field.Formula}]";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> EquivariantUnder => Field.InvariantUnder;

    /// <inheritdoc/>
    public void Evaluate(ReadOnlySpan<double> point, Span<double> value)
    {
        FieldPoint.Require(point, Dimension, Spec);
        if (Field is IDifferentiableField exact)
        {
            exact.Gradient(point, value);
            return;
        }
        int d = Dimension;
        double norm = 0;
        foreach (double c in point) norm += c * c;
        double h = 2e-4 * Math.Max(1, Math.Sqrt(norm));
        Span<double> p = stackalloc double[d];
        for (int i = 0; i < d; i++)
        {
            point.CopyTo(p);
            double coarse = Central(p, i, h), fine = Central(p, i, h / 2);
            value[i] = (4 * fine - coarse) / 3;
        }
    }

    double Central(Span<double> p, int i, double h)
    {
        double x = p[i];
        p[i] = x + h;
        double plus = Field.Evaluate(p);
        p[i] = x - h;
        double minus = Field.Evaluate(p);
        p[i] = x;
        return (plus - minus) / (2 * h);
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
