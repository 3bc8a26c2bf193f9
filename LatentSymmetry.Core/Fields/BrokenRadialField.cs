using LatentSymmetry.Core.Symmetry;
namespace LatentSymmetry.Core.Fields;

/// <summary>
/// The radial field plus eps·z²: the z term breaks SO(3) down to the rotations about z, so only
/// <c>so2z</c> leaves it unchanged (all of SO(3) when eps = 0).
/// </summary>
public sealed record BrokenRadialField : IDifferentiableField
{
    static readonly FieldParameter EpsParameter = FieldParameter.Number("eps", 0.05, NumberRange.Finite, "strength of the z^2 term");

    internal static readonly FieldDescription Description = new("broken", 3, "exp(-0.5 R^2) cos(2 R^2) + eps z^2",
        "The radial field with its SO(3) symmetry broken to rotations about z.", [EpsParameter], Invariance.So2z, "so3 when eps = 0",
        a => new BrokenRadialField(a.Number("eps")));

    /// <summary>The radial field plus <paramref name="eps"/>·z².</summary>
    public BrokenRadialField(double eps) => Eps = EpsParameter.Check(eps);

    /// <summary>Weight of the z² term.</summary>
    public double Eps { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 3;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, SpecText.Of("eps", Eps));
    /// <inheritdoc/>
    public string Formula => $"exp(-0.5 R^2) cos(2 R^2) + {SpecText.Number(Eps)} z^2";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => Eps == 0 ? Invariance.So3 : Invariance.So2z;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        FieldPoint.Require(point, 3, Name);
        double z = point[2];
        return RadialField.At(point[0], point[1], z) + Eps * (z * z);
    }

    /// <inheritdoc/>
    public void Gradient(ReadOnlySpan<double> point, Span<double> gradient)
    {
        FieldPoint.Require(point, 3, Name);
        RadialField.WriteGradient(point, gradient, 1);
        gradient[2] += 2 * Eps * point[2];
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
