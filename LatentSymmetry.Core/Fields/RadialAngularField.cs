using LatentSymmetry.Core.Symmetry;
using LatentSymmetry.Core.Numerics;
namespace LatentSymmetry.Core.Fields;

/// <summary>r·cos(k·theta): not invariant for k ≠ 0 (k = 1 is x).</summary>
public sealed record RadialAngularField : IScalarField
{
    static readonly FieldParameter KParameter = FieldParameter.Integer("k", 1, "angular mode");

    internal static readonly FieldDescription Description = new("radial-angular", 2, "r cos(k theta)",
        "A radial ramp times an angular mode.", [KParameter], Invariance.None, "so2 when k = 0",
        a => new RadialAngularField(a.Integer("k")));

    /// <summary>The field with the given parameters; throws <see cref="ArgumentOutOfRangeException"/> for invalid ones.</summary>
    public RadialAngularField(int k)
    {
        K = (int)KParameter.Check(k);
    }

    /// <summary>The parameter <c>k</c>: angular mode.</summary>
    public int K { get; }

    /// <inheritdoc/>
    public string Name => Description.Name;
    /// <inheritdoc/>
    public int Dimension => 2;
    /// <inheritdoc/>
    public string Spec => SpecText.Spec(Name, SpecText.Of("k", K));
    /// <inheritdoc/>
    public string Formula => $"r cos({K} theta)";
    /// <inheritdoc/>
    public IReadOnlyList<SymmetryGroup> InvariantUnder => K == 0 ? Invariance.So2 : Invariance.None;

    /// <inheritdoc/>
    public double Evaluate(ReadOnlySpan<double> point)
    {
        return DiskCoordinates.Radius(point, Name) * CrMath.Cos(K * DiskCoordinates.Angle(point, Name));
    }

    /// <summary>The spec.</summary>
    public override string ToString() => Spec;
}
